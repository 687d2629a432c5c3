// Look-ups of a reference the customer gives: the operation that reads the record it names.
import type { AnalyzedQuery, IndexedTool, QueryId } from '../../tools/index.js';
import { createsRecord, EMAIL_ADDRESS, isIdName } from '../../tools/index.js';
import type { ParameterInfo } from '../catalog/list-parameters.js';
import type { FilledArguments } from '../fill/fill-arguments.js';
import { readText, type TextReadings } from '../fill/read-text.js';
import {
  DOES,
  ID_FORM_CLASH,
  ID_FORM_FIT,
  ID_NOUN_MATCH,
  ID_NOUN_MISMATCH,
  ID_PREFIX_MATCH,
} from './choice-constants.js';
import { isRecordPath, sameResource } from './same-resource.js';

/**
 * A reference a customer gives: letters and digits together (`VA5SGQ`, `2GG279541U471931P`), `#` and
 * digits, or any id given in answer to the agent's question for it ("What is your order number?").
 */
function isReference(id: QueryId): boolean {
  return id.answers === true || (/\d/.test(id.text) && (/[A-Za-z]/.test(id.text) || id.text.startsWith('#')));
}

/**
 * Whether an id is given as one of the operation's records: a number of three digits or more, or a
 * handle joined by a dot, dash or underscore, after the noun its id input names ("ticket 1873451290",
 * "order 5521", "my username is rex_owner").
 */
function givesItsRecord(id: QueryId, entry: IndexedTool): boolean {
  return (
    id.noun !== '' &&
    (/\d{3,}/.test(id.text) || /\p{L}[._-]\p{L}/u.test(id.text)) &&
    entry.idParameters.some((parameter) => parameter.nouns.has(id.noun))
  );
}

/**
 * Whether the customer gives a reference that the operation looks up: it reads and takes the
 * reference as its id, the reference has no other form than its schema shows, and the noun in front
 * of it names no other operation's id ("confirmation JMO1MG" may be a reservation; "order 5521" is no
 * payment where orders have their own operation). A customer who gives one wants to know about it,
 * however the rest is worded ("transaction 9TX77129RD5583417, what was it for?").
 */
export function looksUp(
  ranked: { entry: IndexedTool; features: number[] },
  ranking: { tools: { entry: IndexedTool }[]; query: AnalyzedQuery },
  input: Record<string, unknown>,
): boolean {
  const { entry, features } = ranked;
  if (!entry.reads || entry.writes >= DOES || features[ID_FORM_CLASH] > 0) return false;
  const namesOther = (noun: string) =>
    ranking.tools.some(
      (other) =>
        other.entry !== entry && other.entry.idParameters.some((parameter) => parameter.nouns.has(noun)),
    );
  return ranking.query.ids.some(
    (id) =>
      (isReference(id) || givesItsRecord(id, entry)) &&
      // The id's own prefix naming this operation's resource outweighs the noun ("payment pi_…").
      !(
        features[ID_NOUN_MISMATCH] > 0 &&
        !(features[ID_PREFIX_MATCH] > 0) &&
        id.noun &&
        namesOther(id.noun)
      ) &&
      (entry.idParameters.some((parameter) =>
        String(input[parameter.name] ?? '').includes(id.text.replace(/^#/, '')),
      ) ||
        // Or a list filtered by the record the id's noun names ("the refund made with transaction id
        // 7c8e…" for `/refunds?transaction_id=`).
        entry.idFilters.some(
          (filter) =>
            id.noun !== '' &&
            filter.nouns.has(id.noun) &&
            String(input[filter.name] ?? '').includes(id.text.replace(/^#/, '')),
        )),
  );
}

/**
 * The first of `others` (ranked below the first operation) that looks up a reference the customer
 * gives. Past the first, an operation does so only on its schema's own evidence: the reference has the
 * form its id shows, or the noun in front of it names its id ("confirmation JMO1MG" is a
 * reservation's; "order #000000412" is no gift card's code).
 */
export function findLookUp<Ranked extends { entry: IndexedTool; features: number[] }>(
  others: Ranked[],
  ranking: { tools: { entry: IndexedTool }[]; query: AnalyzedQuery },
  fillFor: (ranked: Ranked) => FilledArguments,
): { ranked: Ranked; filled: FilledArguments } | undefined {
  if (!ranking.query.ids.some((id) => isReference(id) || id.noun !== '')) return undefined;
  for (const ranked of others) {
    const { entry, features } = ranked;
    if (!entry.reads || entry.writes >= DOES) continue;
    if (!(features[ID_FORM_FIT] > 0 || features[ID_NOUN_MATCH] > 0)) continue;
    const filled = fillFor(ranked);
    if (looksUp(ranked, ranking, filled.input)) return { ranked, filled };
  }
  return undefined;
}

/** An id written in parts, as a system numbers its records ("1275522310093-01", "2024/0017"). */
const PARTED = /^\d+(?:[-/.]\d+)+$/;

/**
 * For an id given alone, with no noun of the catalog's, written in parts ("when will 1275522310093-01
 * be delivered?"), the operation that reads the one record whose id the schema shows in that form
 * (`GET /orders/{orderId}`, its example `1172452900788-01`), among the first few ranked: a customer who
 * gives their order's number wants the order, not one of its parts (its conversation, its payment).
 */
export function findFormLookUp<Ranked extends { entry: IndexedTool; features: number[] }>(
  candidates: Ranked[],
  query: AnalyzedQuery,
  fillFor: (ranked: Ranked) => FilledArguments,
): { ranked: Ranked; filled: FilledArguments } | undefined {
  if (query.ids.length !== 1 || !PARTED.test(query.ids[0].text)) return undefined;
  // A noun no id input names is none ("the parcel for 1268540501456-01", "o pedido 1290011889900-01").
  const { noun } = query.ids[0];
  if (
    noun !== '' &&
    candidates.some(({ entry }) => entry.idParameters.some((parameter) => parameter.nouns.has(noun)))
  )
    return undefined;
  for (const ranked of candidates.slice(0, LOOK_UP_RANK)) {
    const { entry, features } = ranked;
    if (!entry.reads || entry.writes >= DOES || !(features[ID_FORM_FIT] > 0) || features[ID_FORM_CLASH] > 0)
      continue;
    // The record itself: its path ends with its one id.
    if (entry.pathParameters.length !== 1 || !isRecordPath(entry)) continue;
    const filled = fillFor(ranked);
    const id = query.ids[0].text;
    if (
      filled.missing.length === 0 &&
      entry.idParameters.some((parameter) => filled.input[parameter.name] === id)
    )
      return { ranked, filled };
  }
  return undefined;
}

/**
 * The first of `candidates` that reads by the email the customer gives, taking it whole as an input
 * (orders listed by their email, users searched for it): a customer who gives their email and asks
 * about their account or what they bought wants it looked up, however the rest is worded ("can you
 * check my support profile? I signed up as tariq@…").
 */
export function findEmailLookUp<Ranked extends { entry: IndexedTool }>(
  candidates: Ranked[],
  text: string,
  fillFor: (ranked: Ranked) => FilledArguments,
): { ranked: Ranked; filled: FilledArguments } | undefined {
  const emails = text.match(EMAIL_ADDRESSES) ?? [];
  if (emails.length !== 1) return undefined;
  for (const ranked of candidates.slice(0, LOOK_UP_RANK)) {
    if (!ranked.entry.reads || ranked.entry.writes >= DOES) continue;
    const filled = fillFor(ranked);
    if (filled.missing.length === 0 && Object.values(filled.input).includes(emails[0]))
      return { ranked, filled };
  }
  return undefined;
}
const EMAIL_ADDRESSES = new RegExp(EMAIL_ADDRESS.source, 'g');

/**
 * A question whether the business has a thing: "do you have any red sneakers?", "do you sell …", "is
 * the … in stock?", "I'm looking for …"; or what a named thing costs or comes in: "how much is the
 * Ceramic Pour-Over Set?", "does the Linen Throw Blanket come in other colors?", "is the Everyday
 * Tote available in black?".
 */
const BROWSES = new RegExp(
  [
    /\b(?:do|does)\s+(?:you|u|your\s+\w+)\s+(?:guys\s+)?(?:have|sell|carry|stock|offer)\b/,
    /\b(?:in|back in)\s+stock\b/,
    /\b(?:i'?m|i\s+am)\s+looking\s+for\b/,
    /\bhow\s+much\s+(?:is|are|does|do)\s+(?:the|your|a|an|this|that|these|those)\b/,
    /\b(?:does|do)\s+(?:the|your|this|that|these|those|it|they)\b[^?.!]*\bcome\s+in\b/,
    /\b(?:is|are)\s+(?:the|your|this|that|these|those)\b[^?.!]*\bavailable\b/,
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'i',
);

/**
 * The stems of what a thing for sale carries among a response's fields: a price (a cost, an amount,
 * its currency) or stock (a SKU, variants, inventory).
 */
const PRICED = ['price', 'cost', 'amount', 'currenc', 'sku', 'variant', 'inventori'];

/** An input that filters a list by its records' names (`title`, `name`). */
const NAME_FILTER = /^(?:title|name)$/i;

/** A name the customer gives of themselves ("I'm Sarah", "my name is …"), not of a thing. */
const OWN_NAME = /\b(?:i'?m|i\s+am|my\s+name\s+is|this\s+is|it'?s)\s+$/i;

/**
 * For a question whether the business has a thing, named in words the catalog does not know (a
 * product's name): the first search of records that are no one's (a catalog's, not its customers' or
 * members') and carry a price or stock, that the message fills, though "nothing" ranks first for words
 * the API never uses. A list that filters by name takes the thing's proper name where nothing else
 * fills it ("the Linen Throw Blanket" for Shopify's products by `title`).
 */
export function findBrowse<Ranked extends { entry: IndexedTool }>(
  candidates: Ranked[],
  text: string,
  fillFor: (ranked: Ranked) => FilledArguments,
  catalog: readonly IndexedTool[],
  readings: TextReadings,
): { ranked: Ranked; filled: FilledArguments; named?: true } | undefined {
  if (!BROWSES.test(text)) return undefined;
  // What people are kept as: the records any operation answers with an email or a person's contact.
  const people = new Set(
    catalog.flatMap((entry) =>
      entry.head && (entry.holdsPeople || entry.findsPeople) ? [entry.head.stem] : [],
    ),
  );
  for (const ranked of candidates.slice(0, LOOK_UP_RANK)) {
    const entry = ranked.entry;
    const nameFilter = Object.entries(entry.tool.inputSchema.properties ?? {}).find(
      ([name, property]) =>
        NAME_FILTER.test(name) && (property as { type?: unknown } | null)?.type === 'string',
    )?.[0];
    if (!(entry.search || nameFilter) || !entry.collection || !entry.head || people.has(entry.head.stem))
      continue;
    // Things a business has for sale carry a price or stock (a campaign or a file has neither).
    if (entry.response.size > 0 && !PRICED.some((stem) => entry.response.has(stem))) continue;
    const filled = fillFor(ranked);
    if (filled.missing.length > 0) continue;
    if (Object.keys(filled.input).length > 0) return { ranked, filled };
    const name = nameFilter && thingNamed(text, readings);
    if (name) return { ranked, filled: { ...filled, input: { [nameFilter]: name }, found: 1 }, named: true };
  }
  return undefined;
}

/**
 * The first proper name of `text` that names the thing asked about: no one's own name ("I'm Sarah"),
 * and none a preposition puts beside it ("a store in Chicago", "anything from Hydro Flask": a place, a
 * maker, a range, which a title does not hold).
 */
function thingNamed(text: string, readings: TextReadings): string | undefined {
  for (const mention of readText(readings, text).mentions) {
    if (mention.kind !== 'proper') continue;
    const before = text.slice(0, mention.start);
    if (!OWN_NAME.test(before) && !AFTER_PREPOSITION.test(before)) return mention.text;
  }
  return undefined;
}
/** The end of a text that a preposition ends, maybe with an article ("a store in ", "anything from "). */
const AFTER_PREPOSITION = /\b(?:in|at|near|from|by|to|on|of|for|with)\s+(?:(?:the|your|a|an)\s+)?$/i;

/** How high a look-up must rank to come before the change it serves. */
const LOOK_UP_RANK = 8;

/**
 * Whether a record may hold what an input asks for, so that looking the record up tells it: a list
 * (a reservation's flights, an order's items), an id (a payment method's), or a field the look-up's
 * response names. An email, a reason or a message is the customer's to give.
 */
function heldByRecord(parameter: ParameterInfo, lookUp: IndexedTool): boolean {
  if (parameter.type === 'array' || isIdName(parameter.name)) return true;
  const name = parameter.name.toLowerCase();
  return (lookUp.tool.operation?.responseFields ?? []).some((field) => field.toLowerCase() === name);
}

/**
 * For a change that lacks inputs the record it changes holds (a reservation's flights, an order's
 * items, a payment method), the operation that looks that record up by the id the customer gave, as a
 * person would pull up the booking before changing it, rather than asking the customer for what the
 * record says. When all that is missing is the customer's own to give (a reason, an email), that is
 * asked for.
 */
export function findLookUpFirst<Ranked extends { entry: IndexedTool; features: number[] }>(
  best: Ranked,
  filled: FilledArguments,
  candidates: Ranked[],
  fillFor: (ranked: Ranked) => FilledArguments,
): { ranked: Ranked; filled: FilledArguments } | undefined {
  // Not for an operation known to only read (one whose verb the corpus does not know may change).
  if (best.entry.reads || filled.missing.length === 0) return undefined;
  const given = best.entry.idParameters
    .map((parameter) => filled.input[parameter.name])
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number');
  if (given.length === 0) return undefined;
  for (const ranked of candidates.slice(0, LOOK_UP_RANK)) {
    const { entry, features } = ranked;
    if (ranked === best || !entry.reads || entry.writes >= DOES || features[ID_FORM_CLASH] > 0) continue;
    // The records of the kind a creation makes hold nothing of the new one (a new metafield's
    // `permission_set` is not read off the order's other metafields).
    if (createsRecord(best.entry) && sameResource(best.entry, entry)) continue;
    if (!(features[ID_NOUN_MATCH] > 0 || features[ID_FORM_FIT] > 0)) continue;
    if (!filled.missing.some((parameter) => heldByRecord(parameter, entry))) continue;
    const lookUp = fillFor(ranked);
    if (lookUp.missing.length > 0) continue;
    const takes = entry.idParameters.some((parameter) =>
      given.some((value) => String(lookUp.input[parameter.name] ?? '') === String(value)),
    );
    if (takes) return { ranked, filled: lookUp };
  }
  return undefined;
}
