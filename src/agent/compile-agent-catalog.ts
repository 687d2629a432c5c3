// An agent's tools compiled once per version of its integrations and settings: the names they are
// offered under and the selection index, for each kind of customer (a visitor, a customer with or
// without the claims its operations need). Whoever loads the agent's tools holds it and passes it to
// every turn; a new version of the tools is a new catalog, and the old one goes with its holder.
import { type CustomerIdentity, readClaim } from '../tools/index.js';
import { arrangeForCustomer } from './arrange-for-customer.js';
import { compileOfferableTools, type OfferableTools } from './offer-tools.js';
import type { AgentTool } from './run-turn-options.js';

/** Arrangements kept per catalog (most agents need two: visitors and signed-in customers). */
const MAX_ARRANGEMENTS = 8;

/** The agent's tools, compiled. */
export interface AgentCatalog {
  /** The agent's enabled operations, as loaded. */
  readonly tools: AgentTool[];
  /**
   * The tools `customer` may use (`arrangeForCustomer`), compiled for offering: the same object for
   * every customer with the same claims among those the operations need, and for every visitor.
   */
  forCustomer: (customer: CustomerIdentity | null) => OfferableTools;
}

/** Compiles `tools` (frozen: the catalog's compiled parts describe them as they are now). */
export function compileAgentCatalog(tools: AgentTool[]): AgentCatalog {
  const frozen = Object.isFrozen(tools) ? tools : (Object.freeze([...tools]) as AgentTool[]);
  // What decides a customer's arrangement: which of these claims they have.
  const claims = [
    ...new Set(
      frozen.flatMap((entry) =>
        (entry.identity?.inputs ?? []).filter((input) => input.required).map((input) => input.claim),
      ),
    ),
  ];
  const arranged = new Map<string, OfferableTools>();
  return {
    tools: frozen,
    forCustomer(customer) {
      const key = customer
        ? claims.map((claim) => (readClaim(customer, claim) === undefined ? '0' : '1')).join('')
        : 'visitor';
      let offerable = arranged.get(key);
      if (!offerable) {
        offerable = compileOfferableTools(arrangeForCustomer(frozen, customer));
        if (arranged.size >= MAX_ARRANGEMENTS) arranged.delete(arranged.keys().next().value as string);
        arranged.set(key, offerable);
      }
      return offerable;
    },
  };
}
