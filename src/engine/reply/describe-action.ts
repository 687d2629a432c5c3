// What an operation does, as the words that follow "I can": its summary when that states an action
// ("start a return"), else a phrase made from its operationId or its method and path ("refund a
// payment", "look up a card"), never an identifier a customer cannot read ("refundPayment").
import type { EngineTool } from '../catalog/engine-tool.js';
import { CHANGE, MAKE, MANY, verbOf } from './action-words.js';
import { phraseIdentifier } from './phrase-identifier.js';
import { phraseRoute, readRoute, withRouteObject } from './phrase-route.js';
import { readLoneVerb, readSummaryAction } from './read-summary-action.js';

/** How the phrase names what is acted on. */
export interface DescribeActionOptions {
  /**
   * The customer's own record is meant: "refund the payment", where a list of what the assistant can
   * do says "refund a payment". A record the operation creates stays "a ticket".
   */
  own?: boolean;
}

/** What the operation does, as a phrase that follows "I can" ("start a return", "refund a payment"). */
export function describeAction(tool: EngineTool, options: DescribeActionOptions = {}): string | undefined {
  const operationId = tool.operation ? tool.operation.operationId : tool.name;
  const summary = readSummaryAction(tool.description, operationId);
  if (summary) return summary;
  const route = readRoute(tool);
  // A summary that is an identifier itself ("RetrieveEmployee") names the action a person wrote.
  const written = tool.operation?.summary?.trim();
  const identifier =
    written && /^[A-Za-z]+(?:_[A-Za-z]+)*$/.test(written) && /\p{Ll}\p{Lu}|_/u.test(written)
      ? written
      : operationId;
  const verb = readLoneVerb(tool.description, identifier);
  if (verb && route) return withRouteObject(verbOf(verb), route, options.own);
  if (identifier) return phraseIdentifier(identifier, route, options.own);
  return route ? phraseRoute(route, options.own) : undefined;
}

/** Verbs of making, changing or reading a record: they say nothing of what an amount is for. */
const RECORD_VERBS = new Set([...MAKE, ...CHANGE, 'upsert', 'save', 'edit', 'modify', 'post', 'put', 'look']);

/**
 * The verb an amount of money is for when the operation does more than make or change a record
 * ("refund", "pay", "capture"); undefined for a read or "create a payment".
 */
export function purposeOf(tool: EngineTool): string | undefined {
  if (tool.operation?.method.toLowerCase() === 'get') return undefined;
  const verb = describeAction(tool)?.split(' ')[0];
  return verb && /^\p{Ll}+$/u.test(verb) && !RECORD_VERBS.has(verb) && !MANY.has(verb) ? verb : undefined;
}
