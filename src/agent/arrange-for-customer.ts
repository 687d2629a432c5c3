// The agent's tools as one turn's customer may use them: identity-bound inputs hidden from the model,
// and, for a visitor who is not signed in, a stand-in that asks them to sign in in place of each
// operation only a verified customer may use.
import { type CustomerIdentity, hideBoundInputs, readClaim } from '../tools/index.js';
import type { AgentTool } from './run-turn-options.js';

/** The name prefix of a stand-in: `sign_in_for_listMyOrders`. */
export const SIGN_IN_PREFIX = 'sign_in_for_';

/** Added to a stand-in's description, so a model knows what calling it does. */
const STAND_IN_NOTE =
  'Only for a signed-in customer, and this customer is not signed in: calling it asks them to sign in and looks nothing up.';

/**
 * The reply to a visitor who must sign in first. Its last sentence is the one the embedded engine
 * offers a person with, so a "yes" to it hands the chat over there too.
 */
export function signInReply(url: string | null | undefined): string {
  const where = url
    ? `Please sign in here: ${url} and then ask me again.`
    : 'Please sign in to your account on this website, then ask me again.';
  return `I can only do that for a signed-in customer, so I know it's you. ${where} If you would like, I can hand you over to a person.`;
}

function standIn(entry: AgentTool): AgentTool {
  const inputs = entry.identity?.inputs ?? [];
  const shown = hideBoundInputs(entry.tool, inputs);
  return {
    ...entry,
    tool: {
      ...shown,
      description: `${entry.tool.description}\n\n${STAND_IN_NOTE}`,
      needsConfirmation: false,
    },
    needsConfirmation: false,
    signIn: true,
  };
}

/**
 * `tools` for `customer` (null: an anonymous visitor). An operation whose bindings no longer fit is
 * left out; one only a verified customer may use, or that cannot be called without a claim, becomes a
 * stand-in for a visitor and is left out for a customer without that claim; the others are offered
 * with their bound inputs hidden (`sent` keeps the definition the executor sends).
 */
export function arrangeForCustomer(tools: AgentTool[], customer: CustomerIdentity | null): AgentTool[] {
  return tools.flatMap((entry): AgentTool[] => {
    const identity = entry.identity;
    if (!identity) return [entry];
    if (identity.problems?.length) return [];
    const lacking = identity.inputs.some(
      (input) => input.required && readClaim(customer, input.claim) === undefined,
    );
    if (!customer && (identity.requiresCustomer || lacking)) return [standIn(entry)];
    if (lacking) return [];
    const shown = hideBoundInputs(entry.tool, identity.inputs);
    return [shown === entry.tool ? entry : { ...entry, tool: shown, sent: entry.tool }];
  });
}
