import type { AnalyzedQuery } from '../../tools/index.js';
import { DOES } from './choice-constants.js';

/**
 * Whether the message asks for something done: a verb that writes, or one the table lacks where a
 * request puts it ("please refund payment …").
 */
export function asksChange(query: AnalyzedQuery): boolean {
  return query.action !== undefined || query.unknownVerb || query.writes >= DOES;
}
