// Narrows the ranked operations to those that could do what the message asks: reads for a question,
// no new record for a change to an existing one, no removal or other deed unasked.
import type { AnalyzedQuery, CatalogIndex, IndexedTool } from '../../tools/index.js';
import { createsRecord, stemOf, verbProfile } from '../../tools/index.js';
import {
  ASKS_REMOVAL,
  CREATE_GAP,
  DOES,
  HEAD_UNNAMED,
  ID_FORM_CLASH,
  ID_FORM_FIT,
  ID_NOUN_MATCH,
  OWN_RECORD,
  REMOVE_GAP,
  UNNAMED,
} from './choice-constants.js';

/**
 * For a question in a catalog whose methods do not tell reading from writing (POSTs only): the
 * operations, without those that may change a record the message names when another operation reads
 * that record ("has my order W8732376 shipped?" is `get_order_details`'s, not that of
 * `modify_pending_order_address`, which takes the same order id and whose verb the corpus does not
 * know). Operations on other records, and all of them when none reads the record, stay.
 */
export function readersFirst<Ranked extends { entry: IndexedTool; features: number[] }>(
  tools: Ranked[],
): Ranked[] {
  const readers = tools.filter(
    ({ entry, features }) =>
      entry.reads &&
      entry.writes < DOES &&
      (features[ID_NOUN_MATCH] > 0 || features[ID_FORM_FIT] > 0) &&
      !(features[ID_FORM_CLASH] > 0),
  );
  if (readers.length === 0) return tools;
  const read = new Set(readers.flatMap(({ entry }) => entry.idParameters.map((parameter) => parameter.name)));
  return tools.filter(
    ({ entry }) => entry.reads || !entry.idParameters.some((parameter) => read.has(parameter.name)),
  );
}

/** The nouns of the records the message names by id ("ticket 38802"): records that exist already. */
export function namedById(query: AnalyzedQuery): Set<string> {
  return new Set(query.ids.map((id) => id.noun).filter((noun) => noun !== ''));
}

/**
 * For a request to change something: the operations, without those that create a new record where
 * the message's verb rarely does (across the corpus's APIs) and theirs often does, or where theirs
 * creates more often than the message's and the message either does not name the record it would
 * create or names one of that kind by its id or as the customer's own, which exists already: "change my email" is no new
 * customer and "change the subject of ticket 38802" no new ticket, whatever ranks first; "add a
 * note" may well be one, and "start a return" is one. All stay when none would.
 */
export function withoutOtherCreates<Ranked extends { entry: IndexedTool; features: number[] }>(
  tools: Ranked[],
  query: AnalyzedQuery,
  index: CatalogIndex,
  text: string,
): Ranked[] {
  const action = query.action;
  if (!action) return tools;
  const asked = verbProfile(index.model, action.stem)?.create ?? 0;
  // A record named by its id, or as the customer's own ("can I still change my order?"), exists.
  const existing = namedById(query);
  for (const match of text.matchAll(OWN_RECORD)) existing.add(stemOf(match[1].toLowerCase()));
  const kept = tools.filter(({ entry, features }) => {
    // A record made under another (`POST /order/{orderId}/shipping_fulfillment`) is a new one too.
    if (!createsRecord(entry)) return true;
    const own = verbProfile(index.model, entry.verb)?.create ?? 0;
    if (own - asked >= CREATE_GAP) return false;
    return own <= asked || (features[HEAD_UNNAMED] < UNNAMED && !existing.has(entry.head?.stem ?? ''));
  });
  return kept.length > 0 ? kept : tools;
}

/**
 * The operations, without those that remove or cancel something where no verb of the message does
 * ("please open a ticket ... contact me at" is no contact to delete) and its words do not name the
 * operation's verb ("unsubscribe me" may still unsubscribe; "i deleted it" tells, asking nothing).
 * All stay when none would.
 */
export function withoutUnaskedRemoves<Ranked extends { entry: IndexedTool }>(
  tools: Ranked[],
  query: AnalyzedQuery,
): Ranked[] {
  if (query.removes >= ASKS_REMOVAL) return tools;
  // A verb that only tells what was done names no removal ("i deleted it by accident").
  const stems = new Set(query.terms.flatMap((term) => (term.told ? [] : [term.stem])));
  const kept = tools.filter(
    ({ entry }) => entry.removes < REMOVE_GAP || (entry.verb !== '' && stems.has(entry.verb)),
  );
  return kept.length > 0 ? kept : tools;
}

/** The first of a set's stems, in the order they were read (a summary's first word). */
function firstOf(stems: ReadonlySet<string>): string | undefined {
  for (const stem of stems) return stem;
  return undefined;
}

/** How far down the ranking an operation that does the asked deed makes the others that do another give way. */
const DEED_RANKS = 5;

/**
 * For a request whose asking verb names what an operation near the top does ("please refund the
 * duplicate payment pi_…" for `POST /refunds`), the operations without the changes that do another
 * deed their name or path says ("cancel" for `POST /payment_intents/{intent}/cancel`): a customer who
 * asks for one deed is not given another. All stay when none near the top does it.
 */
export function withoutOtherDeeds<Ranked extends { entry: IndexedTool; features: number[] }>(
  tools: Ranked[],
  query: AnalyzedQuery,
  index: CatalogIndex,
): Ranked[] {
  const asked = query.asks;
  if (!asked || !(query.request || query.action)) return tools;
  // What an operation does: its name's words, its path's action and its summary's first word
  // ("Cancels a customer's subscription" for `DeleteSubscriptionsSubscription`).
  const does = (entry: IndexedTool) =>
    entry.name.has(asked) || entry.action === asked || firstOf(entry.summary) === asked;
  // Only where it names its record as well as the first does ("add a note to booking m2n4…" is no
  // `AddGroupToCustomer`, and the booking's update stays).
  const first = tools[0]?.features[HEAD_UNNAMED] ?? 0;
  if (
    !tools.slice(0, DEED_RANKS).some(({ entry, features }) => does(entry) && features[HEAD_UNNAMED] <= first)
  )
    return tools;
  // Another deed: a path's action, or a verb of the corpus's table that is not its HTTP method's.
  const doesOther = (entry: IndexedTool) =>
    entry.action !== undefined ||
    (entry.verb !== stemOf(entry.tool.operation?.method ?? '') &&
      verbProfile(index.model, entry.verb) !== undefined);
  const kept = tools.filter(({ entry }) => does(entry) || entry.writes < DOES || !doesOther(entry));
  return kept.length > 0 ? kept : tools;
}
