// Operations that stand in for the one ranked first: the owner of the id the message names, the
// sibling whose resource it names, a read for an unasked change, the record read by its id for a list,
// the taker of the one value asked for, the creation of the record asked for.
import type { AnalyzedQuery, IndexedTool } from '../../tools/index.js';
import { createsRecord, isPlural, splitWords, stemOf } from '../../tools/index.js';
import type { FilledArguments } from '../fill/fill-arguments.js';
import { asksChange } from './asks-change.js';
import {
  DOES,
  HEAD_UNNAMED,
  ID_FORM_CLASH,
  ID_NOUN_MATCH,
  ID_NOUN_MISMATCH,
  ID_PREFIX_MATCH,
  ID_UNNEEDED,
  OWN_ID_BY_FILTER,
  OWN_RECORD,
  SIBLING_SHARE,
  SIBLINGS,
} from './choice-constants.js';
import { filledByMessage } from './filled-by-message.js';
import { isRecordPath, literalSegments, sameResource } from './same-resource.js';

/**
 * For a list chosen for a message about one record of the customer's that gives no id and nothing to
 * filter by ("where's my order?", "can you check on my ticket"), the operation that reads that record
 * by its id: a person asks for the order number rather than reading out every order of the shop.
 */
export function findOwnRecord<Ranked extends { entry: IndexedTool }>(
  best: Ranked,
  filled: FilledArguments,
  candidates: Ranked[],
  query: AnalyzedQuery,
  text: string,
  prompt: string,
): Ranked | undefined {
  const head = best.entry.head?.stem;
  if (!best.entry.collection || !best.entry.reads || !head || query.ids.length > 0) return undefined;
  // Every input filled is a default, or the business's own setting its prompt gives (a tenant id): the
  // message gives nothing to filter by.
  if (filledByMessage(best.entry, filled.input, text, prompt).length > 0) return undefined;
  // The noun may follow a word that qualifies it ("my last order").
  const named = [...text.matchAll(OWN_RECORD)].some((match) =>
    match
      .slice(1)
      .some((noun) => noun && !isPlural(noun.toLowerCase()) && stemOf(noun.toLowerCase()) === head),
  );
  if (!named) return undefined;
  return candidates.find(
    (other) =>
      other !== best &&
      other.entry.reads &&
      other.entry.writes < DOES &&
      isRecordPath(other.entry) &&
      other.entry.head?.stem === head &&
      sameResource(best.entry, other.entry),
  );
}

/** How high an operation must rank to take over an id the first one would misread. */
const OWNER_RANK = 5;

/**
 * The operation an id the message names belongs to, when the first-ranked one would take it for
 * something else: the noun in front of it names another operation's id ("the status of order 10234"
 * is the order's, not `/order_statuses/{status_id}`'s). It must rank among the first few and change
 * as much as the first does.
 */
export function findIdOwner<Ranked extends { entry: IndexedTool; features: number[] }>(
  best: Ranked,
  candidates: Ranked[],
  query: AnalyzedQuery,
): Ranked | undefined {
  // A message that asks for no change lets a read own the id the first, a change, would take ("You
  // said you refunded me, refund ID 0NE5…" reads the refund, it refunds no capture).
  const asksNoChange = !asksChange(query);
  const changesAsMuch = (other: Ranked) =>
    Math.abs(other.entry.writes - best.entry.writes) < DOES || (asksNoChange && other.entry.reads);
  // The id's own prefix naming the first operation's resource outweighs the noun (`pi_...` is a
  // payment intent's, whatever "my payment" says); naming another's, it outweighs the noun too
  // ("our account cus_N…" is the customer's).
  if (best.features[ID_PREFIX_MATCH] > 0) return undefined;
  const prefixOwner = candidates
    .slice(1, OWNER_RANK)
    .find(
      (other) =>
        other.features[ID_PREFIX_MATCH] > 0 && !(other.features[ID_FORM_CLASH] > 0) && changesAsMuch(other),
    );
  if (prefixOwner) return prefixOwner;
  // An id whose form the first one's id input contradicts ("INV-0457" is no Xero `InvoiceID`, a UUID)
  // is for an operation that takes it as written: the list filtered by invoice numbers.
  if (best.features[ID_FORM_CLASH] > 0) {
    const taker = candidates
      .slice(1, OWNER_RANK)
      .find(
        (other) =>
          other.features[ID_NOUN_MATCH] > 0 && !(other.features[ID_FORM_CLASH] > 0) && changesAsMuch(other),
      );
    if (taker) return taker;
  }
  // Several ids of one record ("orders 12-11111-22222 and 12-33333-44444") are for the list filtered
  // by its records' ids, where the first reads one record by its id.
  const nouns = new Set(query.ids.flatMap((id) => (id.noun === '' ? [] : [id.noun])));
  if (query.ids.length > 1 && nouns.size <= 1 && !(best.features[OWN_ID_BY_FILTER] > 0)) {
    const list = candidates
      .slice(1, OWNER_RANK)
      .find(
        (other) =>
          other.features[OWN_ID_BY_FILTER] > 0 &&
          !(other.features[ID_FORM_CLASH] > 0) &&
          changesAsMuch(other),
      );
    if (list) return list;
  }
  // Ids the message names by their records' nouns ("fulfillment 9400… on order 23-99887-66554") are
  // for an operation that takes each of them, where the first takes only some.
  const named = query.ids.filter((id) => id.noun !== '');
  const takes = (entry: IndexedTool) =>
    named.filter((id) => entry.idParameters.some((parameter) => parameter.nouns.has(id.noun))).length;
  if (named.length > 1 && takes(best.entry) < named.length) {
    const whole = candidates
      .slice(1, OWNER_RANK)
      .find(
        (other) =>
          takes(other.entry) === named.length && !(other.features[ID_FORM_CLASH] > 0) && changesAsMuch(other),
      );
    if (whole) return whole;
  }
  // An operation that takes no id at all owns none the message names by its record's noun ("the
  // status of my request 12345" is no search of requests for "status").
  const takesNone =
    best.features[ID_UNNEEDED] > 0 && query.ids.some((id) => id.noun !== '' && /\d{3,}/.test(id.text));
  // One id given to a list filtered by its records' ids ("the status of my order 12-10544-89823" for
  // eBay's `/order?orderIds=`) is the record's own, where another operation reads that record by it.
  const listedById = best.features[OWN_ID_BY_FILTER] > 0 && query.ids.length === 1;
  if (!(best.features[ID_NOUN_MISMATCH] > 0) && !takesNone && !listedById) return undefined;
  const owners = candidates
    .slice(1, OWNER_RANK)
    .filter(
      (other) =>
        other.features[ID_NOUN_MATCH] > 0 &&
        other.features[ID_NOUN_MISMATCH] === 0 &&
        !(other.features[ID_FORM_CLASH] > 0) &&
        changesAsMuch(other),
    );
  // The record read by its id owns it before a list filtered by it ("the status of order 10452" is
  // `/orders/{order_id}`'s, not a search of `/orders?external_order_id=`).
  const reader = owners.find((other) => !(other.features[OWN_ID_BY_FILTER] > 0));
  return listedById ? reader : (reader ?? owners[0]);
}

/**
 * A near-equal sibling whose resource the message names, where the first's it names not at all:
 * "where is my order??" asks for an order (its number then), not the list of order statuses.
 */
export function namedSibling<Ranked extends { entry: IndexedTool; features: number[]; probability: number }>(
  best: Ranked,
  candidates: Ranked[],
): Ranked | undefined {
  if (!(best.features[HEAD_UNNAMED] >= 1)) return undefined;
  return candidates.slice(1, SIBLINGS).find(
    (other) =>
      other.probability >= best.probability * SIBLING_SHARE &&
      other.features[HEAD_UNNAMED] === 0 &&
      other.entry.head !== undefined &&
      Math.abs(other.entry.writes - best.entry.writes) < DOES &&
      // Nor one that would read the message's id as another record's.
      !(other.features[ID_NOUN_MISMATCH] > best.features[ID_NOUN_MISMATCH]),
  );
}

/**
 * The agent's question for one value: "What's your username?", "What is the account name?", "could
 * you tell me the email address on your account?".
 */
const ASKED_VALUE =
  /\b(?:what(?:'s| is)|(?:could|can|would) you (?:tell|give|send|share|provide)(?: me| us)?|please (?:tell|give|send|share|provide)(?: me| us)?) (?:your|the) ([a-z][a-z ]{1,30}?)(?: (?:on|for|of|in|linked to|associated with) (?:your|the) [a-z ]{1,30})?\?\s*$/i;
/** How many of the first candidates may take the value asked for. */
const ASKED_TAKERS = 10;

/**
 * For a message that is one value alone ("dana.p"), answering the agent's question for it, the first
 * of the first candidates with a required input named as the question names the value, and that input.
 */
export function takerOfAsked<Ranked extends { entry: IndexedTool }>(
  text: string,
  agentTurn: string | undefined,
  candidates: Ranked[],
): { ranked: Ranked; input: string } | undefined {
  const value = text.trim();
  const asked = agentTurn ? ASKED_VALUE.exec(agentTurn)?.[1] : undefined;
  if (!asked || /\s/.test(value) || value.length < 3) return undefined;
  const askedWords = splitWords(asked).map((word) => word.toLowerCase());
  const name = askedWords.join('');
  // "email address" asks for `email`: every word of the input's name is one of the question's.
  const named = (candidate: string) => {
    const words = splitWords(candidate).map((word) => word.toLowerCase());
    return words.join('') === name || (words.length > 0 && words.every((word) => askedWords.includes(word)));
  };
  for (const ranked of candidates.slice(0, ASKED_TAKERS)) {
    const required = (ranked.entry.tool.inputSchema as { required?: string[] }).required ?? [];
    const input = required.find(named);
    if (input) return { ranked, input };
  }
  return undefined;
}

/**
 * The operation among `candidates` that creates the record the message asks to have made ("I'd like
 * to open a ticket", "please start a return for order 55512": `POST /returns`), if any; an existing
 * record ("tag ticket 81234") is none.
 */
export function findCreationOf<Ranked extends { entry: IndexedTool }>(
  query: AnalyzedQuery,
  candidates: Ranked[],
): Ranked | undefined {
  const stem = query.newRecord;
  if (stem === undefined) return undefined;
  return candidates.find(
    ({ entry }) => entry.head?.stem === stem && entry.action === undefined && createsRecord(entry),
  );
}

/**
 * The change among `candidates` that sets the state the message's verb names ("please unsubscribe me"
 * for Mailchimp's member update, whose `status` may be `unsubscribed`), where `complete` says the
 * conversation gives all it needs: the deed, though the words of a report of such records rank first.
 */
export function findStateChange<Ranked extends { entry: IndexedTool }>(
  query: AnalyzedQuery,
  candidates: Ranked[],
  complete: (ranked: Ranked) => boolean,
): Ranked | undefined {
  const stem = query.action?.stem;
  if (stem === undefined) return undefined;
  return candidates.find(
    (ranked) =>
      ranked.entry.states.has(stem) &&
      ranked.entry.writes >= DOES &&
      !createsRecord(ranked.entry) &&
      complete(ranked),
  );
}

/** How likely a read must be against the change ranked first to stand in for it. */
const READ_SHARE = 0.5;

/**
 * For a message that asks no change (no verb that writes, nor one in a request's place: "I opened a
 * ticket last week and nobody answered. It's 3902"), the operation that reads the record the first
 * one would change, when it is about as likely: looking a record up harms nothing, and changing it
 * unasked may.
 */
export function readInstead<Ranked extends { entry: IndexedTool; probability: number }>(
  best: Ranked,
  candidates: Ranked[],
  query: AnalyzedQuery,
): Ranked | undefined {
  if (asksChange(query) || best.entry.writes < DOES || best.entry.reads) return undefined;
  return candidates
    .slice(1, SIBLINGS)
    .find(
      (other) =>
        other.entry.reads &&
        other.probability >= best.probability * READ_SHARE &&
        sameResource(best.entry, other.entry) &&
        literalSegments(other.entry).length === literalSegments(best.entry).length,
    );
}
