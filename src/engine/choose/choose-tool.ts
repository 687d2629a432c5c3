// Chooses the operation for a message with the learned ranking (shared with the tool selection), then
// fills its inputs: call it, ask for what is missing, or call nothing when "nothing" ranks first.
import type {
  AnalyzedQuery,
  CatalogIndex,
  IndexedTool,
  OfferedRanking,
  QueryId,
  RankableTool,
} from '../../tools/index.js';
import {
  contentStems,
  contradictsIdForm,
  createsRecord,
  EMAIL_ADDRESS,
  fitsIdForm,
  indexCatalogCached,
  isContentWord,
  isIdName,
  isPlural,
  isReadMethod,
  loadWordVectors,
  noneAgainst,
  rankCatalog,
  readIds,
  splitWords,
  stemOf,
  TOOL_FEATURES,
  verbProfile,
  withoutFormat,
} from '../../tools/index.js';
import { buildToolDocument } from '../catalog/build-tool-document.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import { listParameters, type ParameterInfo } from '../catalog/list-parameters.js';
import { bindIds, knownIdParameter, nounsOf } from '../fill/bind-ids.js';
import { classifyParameter } from '../fill/classify-parameter.js';
import { type FilledArguments, fillArguments } from '../fill/fill-arguments.js';
import { countsInMinorUnits, inMinorUnits } from '../fill/find-currencies.js';
import { findPointedId } from '../fill/find-pointed-id.js';
import { createTextReadings, type TextReadings } from '../fill/read-text.js';

/** The outcome of choosing. */
export type Choice =
  | {
      type: 'call';
      tool: EngineTool;
      input: Record<string, unknown>;
      /** The message asks (a question) or asks for a change (a verb), rather than only telling. */
      requests: boolean;
    }
  | { type: 'ask'; tool: EngineTool; missing: ParameterInfo[] }
  /** The message asks for a change that no operation makes: its verb and what follows it. */
  | { type: 'unable'; action: { word: string; rest: string } }
  | { type: 'none' };

/** How much an operation must change something before it counts as doing so (0 to 1). */
const DOES = 0.5;
/**
 * How much more the message's verb removes or cancels than the operation does before the operation
 * counts as another change ("cancel", which removes in a third of the corpus's operations named with
 * it, against "create", which never does).
 */
const REMOVE_GAP = 0.3;
/**
 * How often a verb must remove or cancel across the corpus's operations named with it before a
 * message asks for a removal with it ("cancel" 0.35, "remove" 0.86; "file" and "issue", whose
 * operations sometimes delete a file or an issue, 0.15 and 0.24).
 */
const ASKS_REMOVAL = 0.3;
/** The same for creating a record: how much more the operation's verb creates than the message's. */
const CREATE_GAP = 0.3;
/** How far from the message's words an operation's record is before the message counts as not naming it. */
const UNNAMED = 0.5;

/**
 * Whether the operation makes the change the message asks for: it changes something (or is not known
 * to only read), and removes about as much as the message's verb does, unless the operation's own words
 * or the values it offers name the verb ("cancelled" among an order's statuses).
 */
function makesChange(entry: IndexedTool, query: AnalyzedQuery): boolean {
  const action = query.action;
  if (!action) return false;
  // An operation not known to only read may make it: its name says nothing either way.
  if (entry.writes < DOES) return !entry.reads;
  if (query.removes - entry.removes < REMOVE_GAP) return true;
  if (entry.all.has(action.stem)) return true;
  return choicesOf(entry.tool.inputSchema).some(
    (value) => typeof value === 'string' && contentStems(value).includes(action.stem),
  );
}

/** Every enumerated value of a schema, at any depth ("cancelled" among an order's statuses). */
function choicesOf(schema: unknown, depth = 0): unknown[] {
  if (typeof schema !== 'object' || schema === null || depth > 6) return [];
  const node = schema as Record<string, unknown>;
  const own = Array.isArray(node.enum) ? node.enum : [];
  const nested = Object.values(node).flatMap((value) =>
    Array.isArray(value) ? value.flatMap((item) => choicesOf(item, depth + 1)) : choicesOf(value, depth + 1),
  );
  return [...own, ...nested];
}

const COVERAGE = TOOL_FEATURES.indexOf('coverage');
const OWN_ID_BY_FILTER = TOOL_FEATURES.indexOf('ownIdByFilter');
const ID_PREFIX_MATCH = TOOL_FEATURES.indexOf('idPrefixMatch');
const ID_FORM_FIT = TOOL_FEATURES.indexOf('idFormFit');
const ID_FORM_CLASH = TOOL_FEATURES.indexOf('idFormClash');
const ID_NOUN_MATCH = TOOL_FEATURES.indexOf('idNounMatch');
const ID_UNNEEDED = TOOL_FEATURES.indexOf('idUnneeded');
const ID_NOUN_MISMATCH = TOOL_FEATURES.indexOf('idNounMismatch');
const HEAD_UNNAMED = TOOL_FEATURES.indexOf('headUnnamed');

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
function looksUp(
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
      entry.idParameters.some((parameter) =>
        String(input[parameter.name] ?? '').includes(id.text.replace(/^#/, '')),
      ),
  );
}

/**
 * The first of `others` (ranked below the first operation) that looks up a reference the customer
 * gives. Past the first, an operation does so only on its schema's own evidence: the reference has the
 * form its id shows, or the noun in front of it names its id ("confirmation JMO1MG" is a
 * reservation's; "order #000000412" is no gift card's code).
 */
function findLookUp<Ranked extends { entry: IndexedTool; features: number[] }>(
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

/**
 * The first of `candidates` that reads by the email the customer gives, taking it whole as an input
 * (orders listed by their email, users searched for it): a customer who gives their email and asks
 * about their account or what they bought wants it looked up, however the rest is worded ("can you
 * check my support profile? I signed up as tariq@…").
 */
function findEmailLookUp<Ranked extends { entry: IndexedTool }>(
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
function findLookUpFirst<Ranked extends { entry: IndexedTool; features: number[] }>(
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

/** "my order", "our ticket": one record of the customer's, named by its noun. */
const OWN_RECORD = /\b(?:my|our)\s+(\p{L}+)(?:\s+(\p{L}+))?/giu;

/**
 * For a list chosen for a message about one record of the customer's that gives no id and nothing to
 * filter by ("where's my order?", "can you check on my ticket"), the operation that reads that record
 * by its id: a person asks for the order number rather than reading out every order of the shop.
 */
function findOwnRecord<Ranked extends { entry: IndexedTool }>(
  best: Ranked,
  filled: FilledArguments,
  candidates: Ranked[],
  query: AnalyzedQuery,
  text: string,
): Ranked | undefined {
  const head = best.entry.head?.stem;
  if (!best.entry.collection || !best.entry.reads || !head || query.ids.length > 0) return undefined;
  // Every input filled is a default: the message gives nothing to filter by.
  const parameters = listParameters(best.entry.tool.inputSchema);
  const given = Object.entries(filled.input).some(
    ([name, value]) => parameters.find((parameter) => parameter.name === name)?.schema.default !== value,
  );
  if (given) return undefined;
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
function findIdOwner<Ranked extends { entry: IndexedTool; features: number[] }>(
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
  // An operation that takes no id at all owns none the message names by its record's noun ("the
  // status of my request 12345" is no search of requests for "status").
  const takesNone =
    best.features[ID_UNNEEDED] > 0 && query.ids.some((id) => id.noun !== '' && /\d{3,}/.test(id.text));
  if (!(best.features[ID_NOUN_MISMATCH] > 0) && !takesNone) return undefined;
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
  return owners.find((other) => !(other.features[OWN_ID_BY_FILTER] > 0)) ?? owners[0];
}

/**
 * A near-equal sibling whose resource the message names, where the first's it names not at all:
 * "where is my order??" asks for an order (its number then), not the list of order statuses.
 */
function namedSibling<Ranked extends { entry: IndexedTool; features: number[]; probability: number }>(
  best: Ranked,
  candidates: Ranked[],
): Ranked | undefined {
  if (!(best.features[HEAD_UNNAMED] >= 1)) return undefined;
  return candidates
    .slice(1, SIBLINGS)
    .find(
      (other) =>
        other.probability >= best.probability * SIBLING_SHARE &&
        other.features[HEAD_UNNAMED] === 0 &&
        other.entry.head !== undefined &&
        Math.abs(other.entry.writes - best.entry.writes) < DOES,
    );
}

/**
 * How many of the first operations count as near-equal siblings of the first, and how likely they
 * must be against it (within an order of magnitude).
 */
const SIBLINGS = 3;
const SIBLING_SHARE = 0.1;
/** How many of the first operations count as siblings when they read the same resource, however likely. */
const RESOURCE_SIBLINGS = 5;

/** Emails and links, which are values, not words of a message. */
const VALUE_TOKENS = new RegExp(`${EMAIL_ADDRESS.source}|https?:\\/\\/\\S+`, 'g');

/** The literal segments of a path (`/v1/products/{id}` -> v1, products). */
function literalSegments(entry: IndexedTool): string[] {
  return pathOf(entry)
    .split('/')
    .filter((segment) => segment && !segment.startsWith('{'));
}

/**
 * Whether two operations act on one resource: the literal segments of one path are those of the
 * other, or those of the other and one more (`/products`, `/products/{id}`, `/products/search`).
 */
function sameResource(left: IndexedTool, right: IndexedTool): boolean {
  const [short, long] = [literalSegments(left), literalSegments(right)].sort((a, b) => a.length - b.length);
  if (short.length === 0 || long.length - short.length > 1) return false;
  return short.every((segment, position) => long[position] === segment);
}

/**
 * Whether `other` would create a record where `best` acts on one by its id: a POST to a path without
 * parameters against one with them, for another thing (`POST /subscription_schedules` against
 * `POST /subscription_schedules/{schedule}/cancel`; a gift card added to `/carts/mine/giftcards`
 * is the same thing as to `/guest-carts/{cartId}/giftcards`).
 */
function createsInstead(best: IndexedTool, other: IndexedTool): boolean {
  const acts = /\{[^}]+\}/.test(best.tool.operation?.path ?? '');
  const path = other.tool.operation?.path ?? '';
  const creates = other.tool.operation?.method === 'post' && !/\{[^}]+\}/.test(path);
  // The same thing whether named one or many (`/charges/{charge}/refund` and `/refunds`).
  const thing = (entry: IndexedTool) => stemOf(literalSegments(entry).at(-1) ?? '');
  return acts && creates && thing(best) !== thing(other);
}

/**
 * Whether the message asks for something done: a verb that writes, or one the table lacks where a
 * request puts it ("please refund payment …").
 */
function asksChange(query: AnalyzedQuery): boolean {
  return query.action !== undefined || query.unknownVerb || query.writes >= DOES;
}

/** The agent's question for one value: "What's your username?", "What is the account name?". */
const ASKED_VALUE = /\bwhat(?:'s| is) (?:your|the) ([a-z][a-z ]{1,30}?)\?\s*$/i;
/** How many of the first candidates may take the value asked for. */
const ASKED_TAKERS = 10;

/**
 * For a message that is one value alone ("dana.p"), answering the agent's question for it, the first
 * of the first candidates with a required input named as the question names the value, and that input.
 */
function takerOfAsked<Ranked extends { entry: IndexedTool }>(
  text: string,
  agentTurn: string | undefined,
  candidates: Ranked[],
): { ranked: Ranked; input: string } | undefined {
  const value = text.trim();
  const asked = agentTurn ? ASKED_VALUE.exec(agentTurn)?.[1] : undefined;
  if (!asked || /\s/.test(value) || value.length < 3) return undefined;
  const name = splitWords(asked).join('').toLowerCase();
  for (const ranked of candidates.slice(0, ASKED_TAKERS)) {
    const required = (ranked.entry.tool.inputSchema as { required?: string[] }).required ?? [];
    const input = required.find((candidate) => splitWords(candidate).join('').toLowerCase() === name);
    if (input) return { ranked, input };
  }
  return undefined;
}

/**
 * The operation among `candidates` that creates the record the message asks to have made ("I'd like
 * to open a ticket", "please start a return for order 55512": `POST /returns`), if any; an existing
 * record ("tag ticket 81234") is none.
 */
function findCreationOf<Ranked extends { entry: IndexedTool }>(
  query: AnalyzedQuery,
  candidates: Ranked[],
): Ranked | undefined {
  const stem = query.newRecord;
  if (stem === undefined) return undefined;
  return candidates.find(
    ({ entry }) => entry.head?.stem === stem && entry.action === undefined && createsRecord(entry),
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
function readInstead<Ranked extends { entry: IndexedTool; probability: number }>(
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

/** Whether an operation acts on one record: its path ends in the record's id (`/orders/{id}`). */
function isRecordPath(entry: IndexedTool): boolean {
  return /\{[^}]+\}$/.test(pathOf(entry));
}

/** An operation's path without the format it names (`/orders/{id}.json` is `/orders/{id}`). */
function pathOf(entry: IndexedTool): string {
  return withoutFormat(entry.tool.operation?.path ?? '');
}

/** What the chooser reads. */
export interface ChooseToolOptions {
  tools: EngineTool[];
  /** The customer's message. */
  text: string;
  /** The customer's earlier request when this message answers the assistant's question. */
  earlierText?: string;
  /** Recent earlier messages of the conversation. */
  context?: string;
  /** The same messages one by one, most recent first: where a follow-up's ids come from. */
  earlierTurns?: string[];
  /** What the ranking reads instead of the message (the request a follow-up continues). */
  rankText?: string;
  /** The agent's base prompt and rules. */
  system?: string;
  /** The whole catalog the tools were offered from, when the agent passes it. */
  ranking?: OfferedRanking;
  /** What relative dates count from; default the clock's now. */
  now?: Date;
  /** The texts the decision has read already, shared by its fills (`now` then comes from them). */
  readings?: TextReadings;
}

/**
 * The value the base prompt gives an input by the input's own words: "(project key harbor-pine)" for
 * `projectKey`, "our LetMC short name is harbourlets" for `shortName`. The label is no part of
 * another input's name ("project key harbor-pine" gives no `key` where `projectKey` is an input too),
 * and a value with no digit or mark in it must be no English word ("the project key is given below").
 */
function labelledInPrompt(name: string, prompt: string, others: string[]): string | undefined {
  const words = splitWords(name);
  if (words.length === 0 || prompt === '') return undefined;
  const label = words.map((word) => word.replace(/[^a-z0-9]/g, '')).join('[\\s_-]*');
  const longer = others.map((other) => splitWords(other)).filter((other) => other.length > words.length);
  const pattern = new RegExp(
    `\\b${label}\\b(?:\\s+is|\\s*[:=])?\\s+["'\`]?([A-Za-z0-9][\\w.-]*[A-Za-z0-9])`,
    'gi',
  );
  for (const match of prompt.matchAll(pattern)) {
    const before = splitWords(prompt.slice(0, match.index)).slice(-3);
    const partOfLonger = longer.some((other) => {
      const lead = other.slice(0, other.length - words.length);
      return (
        other.slice(-words.length).join(' ') === words.join(' ') &&
        before.slice(-lead.length).join(' ') === lead.join(' ')
      );
    });
    if (partOfLonger) continue;
    const value = match[1];
    if (
      !/[\d._-]/.test(value) &&
      (!isContentWord(value.toLowerCase()) || loadWordVectors()?.rows.has(value.toLowerCase()))
    )
      continue;
    return value;
  }
  return undefined;
}

/**
 * The id and path inputs the base prompt gives a value for: an id by its noun ("the hotel id is
 * 4711"; never by position alone), or either by the input's own words ("project key harbor-pine",
 * "our short name is harbourlets"), where the message names no id of that record itself. Of several
 * ids the prompt gives for one noun ("Clifton (branch id …) and Harbourside (branch id …)"), the one
 * the message points at ("at the Clifton branch"), or none.
 */
function promptIdInputs(
  options: {
    tool: EngineTool;
    entry: IndexedTool;
    promptIds?: () => readonly QueryId[];
    promptLabel?: (name: string, others: string[]) => string | undefined;
    prompt?: string;
    text: string;
  },
  query: AnalyzedQuery,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (!options.promptIds) return input;
  const document = buildToolDocument(options.tool);
  const names = document.parameters.map((parameter) => parameter.name);
  const inPath = new Set(options.entry.pathParameters.map((parameter) => parameter.name));
  const promptLabelOf = (name: string) => {
    const others = names.filter((other) => other !== name);
    return options.promptLabel
      ? options.promptLabel(name, others)
      : labelledInPrompt(name, options.prompt ?? '', others);
  };
  for (const parameter of document.parameters) {
    // An input named as an id or in the path, or one the prompt gives an id for by its very name
    // ("their session uid is 33ce76…" for `uid`).
    // A required text input named by a phrase ("merchantAccount", "storeCode") is the business's to
    // set, as its prompt may say ("under the merchant account VeloAtelierECOM").
    const keyed =
      isIdName(parameter.name) ||
      inPath.has(parameter.name) ||
      (parameter.required && parameter.type === 'string' && splitWords(parameter.name).length > 1);
    const nouns = nounsOf(parameter, options.entry);
    if (query.ids.some((id) => nouns.has(id.noun))) continue;
    const given = options.promptIds().filter((id) => id.noun !== '' && nouns.has(id.noun));
    if (!keyed && given.length === 0) continue;
    const named =
      new Set(given.map((id) => id.text)).size > 1
        ? findPointedId(options.text, options.prompt ?? '', given)
        : given[0];
    if (!named) {
      const labelled = keyed && given.length === 0 ? promptLabelOf(parameter.name) : undefined;
      if (labelled !== undefined) input[parameter.name] = labelled;
      continue;
    }
    const bound = bindIds({
      entry: options.entry,
      parameters: [parameter],
      query: { ...query, ids: [named] },
      text: '',
    });
    if (parameter.name in bound.input) input[parameter.name] = bound.input[parameter.name];
  }
  return input;
}

/** What is read of an agent's prompt against a catalog: its ids, and the values it labels by input names. */
interface PromptReading {
  prompt: string;
  ids?: readonly QueryId[];
  /** By an input's name and its operation's other inputs' names, the value the prompt labels it with. */
  labels: Map<string, string | undefined>;
}

/**
 * Per catalog, what was read of the last prompt read against it: an agent's prompt is the same turn
 * after turn, and reading its ids again at every call was about 6% of a warm demo turn's main-thread
 * CPU; searching it for an input's label, once per id input of each operation filled.
 */
const promptReadings = new WeakMap<CatalogIndex, PromptReading>();

function promptReadingOf(prompt: string, index: CatalogIndex): PromptReading {
  let reading = promptReadings.get(index);
  if (reading?.prompt !== prompt) {
    reading = { prompt, labels: new Map() };
    promptReadings.set(index, reading);
  }
  return reading;
}

function readPromptIds(prompt: string, index: CatalogIndex): readonly QueryId[] {
  const reading = promptReadingOf(prompt, index);
  reading.ids ??= readIds(prompt, index);
  return reading.ids;
}

/** `labelledInPrompt`, once per prompt, catalog and input. */
function readPromptLabel(options: {
  prompt: string;
  index: CatalogIndex;
  name: string;
  others: string[];
}): string | undefined {
  const { labels } = promptReadingOf(options.prompt, options.index);
  const key = [options.name, ...options.others].join('\u0000');
  if (!labels.has(key)) labels.set(key, labelledInPrompt(options.name, options.prompt, options.others));
  return labels.get(key);
}

/** Per catalog, whether it counts money in the smallest unit. */
const minorUnitsByCatalog = new WeakMap<CatalogIndex, boolean>();

function minorUnitsOf(index: CatalogIndex): boolean {
  let known = minorUnitsByCatalog.get(index);
  if (known === undefined) {
    known = countsInMinorUnits(index.tools.map((entry) => entry.tool.inputSchema));
    minorUnitsByCatalog.set(index, known);
  }
  return known;
}

function fill(options: {
  tool: EngineTool;
  entry: IndexedTool;
  query: AnalyzedQuery;
  text: string;
  earlierText: string | undefined;
  earlierTurns?: string[];
  /** The ids of the earlier turn at a position, as the ranking reads them (read when first asked). */
  earlierIds?: (position: number) => QueryId[];
  /** The ids the agent's base prompt gives with their nouns ("our hotel id is 4711"), read when first asked. */
  promptIds?: () => readonly QueryId[];
  /** The value the base prompt labels an input with by its own words (`labelledInPrompt`), read when first asked. */
  promptLabel?: (name: string, others: string[]) => string | undefined;
  /** The agent's base prompt. */
  prompt?: string;
  /** The texts the decision has read, with what their relative dates count from. */
  readings: TextReadings;
  /** Whether the catalog counts money in the smallest unit (`countsInMinorUnits`). */
  minorUnits?: boolean;
}): FilledArguments {
  const { tool, earlierText } = options;
  const document = buildToolDocument(tool);
  const parameters = options.minorUnits ? document.parameters.map(inMinorUnits) : document.parameters;
  // Ids of this message bind first; the request it answers or continues gives the rest below.
  const query = {
    ...options.query,
    ids: options.query.ids.filter((id) => options.text.includes(id.written ?? id.text)),
  };
  // An id input the base prompt names ("the hotel id is 4711") takes the prompt's id unless the
  // message names its own: the message's unnamed number is another record's ("is 214 clean yet?").
  const fromPrompt = promptIdInputs(options, query);
  const open = parameters.filter((parameter) => !(parameter.name in fromPrompt));
  const bound = bindIds({ entry: options.entry, parameters: open, query, text: options.text });
  Object.assign(bound.input, fromPrompt);
  const rest = open.filter((parameter) => !(parameter.name in bound.input));
  const filled = fillArguments({
    parameters: rest,
    subjectConcepts: document.headConcepts,
    text: bound.rest,
    readings: options.readings,
    ...(query.asks ? { asks: query.asks } : {}),
  });
  filled.input = { ...bound.input, ...filled.input };
  filled.found += Object.keys(bound.input).length;
  // A header takes a technical value (`Accept-Tenant: uk`): its default, an option it lists or an id
  // the message gives, never its words or another value (a postcode); one the document gives no value
  // for is not the customer's to answer.
  const headers = new Set(tool.operation?.headerInputs ?? []);
  if (headers.size > 0) {
    const ids = new Set(query.ids.map((id) => id.text.replace(/^#/, '')));
    for (const parameter of parameters) {
      const value = filled.input[parameter.name];
      if (!headers.has(parameter.name) || parameter.name in bound.input || typeof value !== 'string')
        continue;
      if (value === parameter.schema.default || parameter.enumValues?.includes(value) || ids.has(value))
        continue;
      delete filled.input[parameter.name];
    }
    filled.missing = filled.missing.filter((parameter) => !headers.has(parameter.name));
  }
  const fillOptions = { subjectConcepts: document.headConcepts, readings: options.readings };
  const input = { ...filled.input };
  let missing = filled.missing;
  // An id input takes no earlier value its schema's form contradicts: the zip code of "I'm Mei
  // Kovacs, zip 28236" is no order id like '#W0000000'.
  const fitsForm = (parameter: ParameterInfo, value: unknown) =>
    !contradictsIdForm(String(value), knownIdParameter(parameter, options.entry)?.form);
  /** Fills `parameters` from an earlier `text`, with the values `accept` takes (any by default). */
  const takeFrom = (text: string, parameters: ParameterInfo[], accept = (_value: unknown) => true) => {
    if (parameters.length === 0) return;
    let remaining = text;
    for (const value of Object.values(input)) remaining = remaining.replace(String(value), ' ');
    const earlier = fillArguments({ ...fillOptions, parameters, text: remaining });
    for (const parameter of parameters) {
      const value = earlier.input[parameter.name];
      if (parameter.name in earlier.input && accept(value) && fitsForm(parameter, value))
        input[parameter.name] = value;
    }
    missing = missing.filter((parameter) => !(parameter.name in input));
  };
  // An id input an earlier turn names by its noun ("Payment: paypal_7644869" in the agent's listing),
  // or gives in the form its schema shows ('#W8065207' for '#W0000000'), takes that id below, not an
  // unnamed value of the request ("I'm mei_kovacs_8020").
  const namedEarlier = (parameter: ParameterInfo) => {
    const nouns = nounsOf(parameter, options.entry);
    const form = knownIdParameter(parameter, options.entry)?.form;
    return (options.earlierTurns ?? []).some((_, position) =>
      (options.earlierIds?.(position) ?? []).some(
        (id) => (id.noun !== '' && nouns.has(id.noun)) || fitsIdForm(id.text, form) === true,
      ),
    );
  };
  // The request this message answers gives what it lacks, optional inputs it names included ("cancel
  // my order" then "1988": the status that cancels); earlier turns give only ids ("can I return it?"
  // after "where is order 12345?").
  if (earlierText)
    takeFrom(
      earlierText,
      parameters.filter(
        (parameter) => !(parameter.name in input) && !(isIdName(parameter.name) && namedEarlier(parameter)),
      ),
    );
  // A change that takes the record it acts on in its body takes it from earlier turns too, though
  // optional ("ok, please refund the whole thing" after the payment was shown: a refund's
  // `payment_intent`).
  const recordInputs = parameters.filter(
    (parameter) =>
      !(parameter.name in input) &&
      !missing.some((entry) => entry.name === parameter.name) &&
      options.entry.recordInputs.some((record) => record.name === parameter.name),
  );
  // An earlier turn gives ids as the ranking reads them ("sub_1Nv…", never the "29/month" or "10:00"
  // of the agent's answer), each to the input its noun or prefix names first.
  for (const [position, turn] of (options.earlierTurns ?? []).entries()) {
    const wanted = [
      ...missing.filter(
        (parameter) =>
          isIdName(parameter.name) ||
          options.entry.idParameters.some((known) => known.name === parameter.name),
      ),
      ...recordInputs.filter((parameter) => !(parameter.name in input)),
    ];
    if (wanted.length === 0) break;
    // An id this message already gave fills no other input ("what's in shipment 4?" after a listing
    // of order 11850's shipments 3 and 4: the order is 11850, not 4).
    const used = new Set(Object.values(input).map(String));
    const read = (options.earlierIds?.(position) ?? []).filter((id) => !used.has(id.text.replace(/^#/, '')));
    // "the second one", "cancel the paris one": one id of the agent's listing just before; the turn's
    // ids of other kinds still give the inputs they name ("return the boots" after "Order #W8065207
    // …: Hiking Boots (item 1615379700) …": the order is #W8065207, the item the boots').
    const pointed = position === 0 ? findPointedId(options.text, turn, read) : undefined;
    const ids = pointed ? [pointed, ...read.filter((id) => id !== pointed && !sameKind(id, pointed))] : read;
    if (ids.length === 0) continue;
    // The pointed id binds first, the turn's others to what it leaves.
    const earlier = { rest: turn };
    for (const group of pointed ? [[pointed], ids.slice(1)] : [ids]) {
      const bound = bindIds({
        entry: options.entry,
        parameters: wanted.filter((parameter) => !(parameter.name in input)),
        query: { ...query, ids: group },
        text: earlier.rest,
      });
      Object.assign(input, bound.input);
      earlier.rest = bound.rest;
    }
    missing = missing.filter((parameter) => !(parameter.name in input));
    const forms = new Set(ids.flatMap((id) => [id.text, id.text.replace(/^#/, '')]));
    takeFrom(
      earlier.rest,
      wanted.filter((parameter) => !(parameter.name in input)),
      (value) => forms.has(String(value)),
    );
  }
  // A path input that names its record (`/customers/{customer}`) takes an id the conversation gives,
  // never a word ("change my card" names no customer "change").
  for (const parameter of document.parameters) {
    const value = input[parameter.name];
    if (parameter.name in bound.input || typeof value !== 'string' || /\d/.test(value)) continue;
    if (!namesItsRecord(options.entry, parameter.name)) continue;
    delete input[parameter.name];
    const classified = filled.missing.find((entry) => entry.name === parameter.name);
    if (parameter.required && !missing.some((entry) => entry.name === parameter.name))
      missing = [...missing, classified ?? classifyParameter(parameter)];
  }
  // Asked for, such an input without a description is its record's id ("your customer ID", not "the
  // customer").
  missing = missing.map((parameter) =>
    parameter.description.trim() === '' &&
    !isIdName(parameter.name) &&
    namesItsRecord(options.entry, parameter.name)
      ? { ...parameter, description: `The ${splitWords(parameter.name).join(' ')} ID` }
      : parameter,
  );
  return { input, missing, found: Object.keys(input).length };
}

/**
 * Whether two ids of a listing are of one kind: named by one noun, or both unnamed and alike in prefix
 * (the stores' bare numbers of "the paris one"; not an order's `#W8065207` beside an item's number).
 */
function sameKind(id: QueryId, other: QueryId): boolean {
  if (id.noun !== '' || other.noun !== '') return id.noun === other.noun;
  return id.prefix === other.prefix;
}

/** Whether a path parameter identifies the resource in front of it (`customers/{customer}`, `{order_id}`). */
function namesItsRecord(entry: IndexedTool, name: string): boolean {
  const path = entry.pathParameters.find((parameter) => parameter.name === name);
  if (!path) return false;
  return isIdName(name) || (path.segment ?? []).some((word) => stemOf(word) === stemOf(name));
}

/**
 * The catalog ranked for `message`, with the conversation and base prompt of `options`: the offered
 * operations against the whole catalog they were selected from when the agent passes it (each
 * entry then carries the offered tool), else as a catalog of their own.
 */
export function rankOffered(
  options: Pick<ChooseToolOptions, 'tools' | 'context' | 'system' | 'ranking'>,
  message: string,
) {
  const shared = { message, context: options.context, basePrompt: options.system };
  const whole = options.ranking;
  if (whole && options.tools.every((tool) => whole.positions.has(tool.name))) {
    const offered = new Map<IndexedTool, EngineTool>();
    for (const tool of options.tools)
      offered.set(whole.index.tools[whole.positions.get(tool.name) as number], tool);
    const ranking = rankCatalog({ ...shared, index: whole.index, candidates: [...offered.keys()] });
    const tools = ranking.tools.map((ranked) => ({
      ...ranked,
      entry: { ...ranked.entry, tool: offered.get(ranked.entry) as RankableTool },
    }));
    return { ...ranking, tools, index: whole.index };
  }
  const index = indexCatalogCached(options.tools as RankableTool[], { source: options.tools });
  return { ...rankCatalog({ ...shared, index }), index };
}

/** Input names that carry the customer's own account of a problem. */
export const ACCOUNT_NAME =
  /(^|[^a-z])(description|details?|reason|comment|message|body|note|subject|summary|problem|issue)s?$/i;

/**
 * Whether an operation opens a case for a problem: a POST to a collection (a ticket, a return) that
 * takes the customer's account of it in words.
 */
function opensCase(entry: IndexedTool): boolean {
  const operation = entry.tool.operation;
  if (operation?.method.toLowerCase() !== 'post' || entry.removes >= DOES) return false;
  const last = operation.path.split('/').filter(Boolean).pop() ?? '';
  if (/^\{.*\}$/.test(last)) return false;
  const parameters = buildToolDocument(entry.tool as EngineTool).parameters;
  return parameters.some(takesAccount) || wrapperOf(parameters) !== undefined;
}

/** Whether an input takes the customer's account of a problem in words. */
function takesAccount(parameter: ParameterInfo): boolean {
  return parameter.type === 'string' && !parameter.enumValues && ACCOUNT_NAME.test(parameter.name);
}

/**
 * The object a case's body is wrapped in (`{"ticket": {"subject", "comment": {"body"}}}`): the one
 * required object input, when it takes the account, and the fields that do (its own, and those its
 * objects require).
 */
function wrapperOf(parameters: readonly ParameterInfo[]): { name: string; fields: string[][] } | undefined {
  const objects = parameters.filter((parameter) => parameter.type === 'object' && parameter.required);
  if (objects.length !== 1) return undefined;
  const fields: string[][] = [];
  // A case requires its account (a ticket's comment body); a record that only may carry notes (a
  // user's) opens none.
  let required = false;
  for (const field of listParameters(objects[0].schema)) {
    if (takesAccount(field)) {
      fields.push([field.name]);
      required ||= field.required;
    } else if (field.type === 'object')
      for (const inner of listParameters(field.schema))
        if (inner.required && takesAccount(inner)) {
          fields.push([field.name, inner.name]);
          required = true;
        }
  }
  return required ? { name: objects[0].name, fields } : undefined;
}

/** The strings a value holds, at any depth (an email inside the requester's object). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Whether a value holds anything but `account` (an email, an order), at any depth. */
function hasValueBesides(value: unknown, account: string): boolean {
  if (typeof value === 'object' && value !== null)
    return Object.values(value).some((inner) => hasValueBesides(inner, account));
  return value !== undefined && value !== account;
}

/** How high among all operations the one that opens a case must rank for a complaint to go to it. */
const REMEDY_RANK = 8;

/**
 * For a complaint: the operation that opens a case for it (a ticket, a return), when one ranks among
 * the first for the message, with its inputs filled or asked for; none otherwise.
 */
export function chooseRemedy(options: ChooseToolOptions): Choice {
  const { tools, text, earlierText } = options;
  if (tools.length === 0) return { type: 'none' };
  // When this message answers a question asked for the complaint before it (the email to reply to),
  // the complaint is the account and what the ranking reads; this message gives what it lacked.
  const complaint = earlierText ?? text;
  const ranking = rankOffered(options, complaint);
  // A case is a new record of another kind than the ones the customer names by id: "charged twice,
  // transactions 8c1f… and 3a9e…" opens no new transaction, "order 10390 arrived torn" no new order.
  const named = namedById(ranking.query);
  const remedy = ranking.tools
    .slice(0, REMEDY_RANK)
    .find((ranked) => opensCase(ranked.entry) && !named.has(ranked.entry.head?.stem ?? ''));
  if (!remedy) return { type: 'none' };
  const tool = remedy.entry.tool as EngineTool;
  const filled = fill({
    tool,
    entry: remedy.entry,
    query: ranking.query,
    text,
    earlierText,
    readings: options.readings ?? createTextReadings(options.now),
  });
  // The complaint itself is the account of the problem the case asks for.
  let account = complaint;
  for (const value of stringsOf(filled.input)) account = account.replace(value, ' ');
  account = account
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
  const missing = filled.missing.filter((parameter) => {
    if (parameter.type !== 'string' || !ACCOUNT_NAME.test(parameter.name) || !account) return true;
    filled.input[parameter.name] = account;
    return false;
  });
  // A body wrapped in one object takes the account in its own fields.
  const wrapper = account ? wrapperOf(buildToolDocument(tool).parameters) : undefined;
  if (wrapper) {
    const body = { ...((filled.input[wrapper.name] as Record<string, unknown> | undefined) ?? {}) };
    for (const [name, inner] of wrapper.fields)
      if (inner === undefined) body[name] ??= account;
      else body[name] = { ...((body[name] as Record<string, unknown> | undefined) ?? {}), [inner]: account };
    filled.input[wrapper.name] = body;
  }
  const stillMissing = missing.filter((parameter) => parameter.name !== wrapper?.name);
  if (stillMissing.length > 0) return { type: 'ask', tool, missing: stillMissing };
  // A case with nothing but the complaint's words (no email, no order) reaches nobody.
  const identified =
    Object.keys(filled.input).some((name) => !ACCOUNT_NAME.test(name)) &&
    (!wrapper || hasValueBesides(filled.input[wrapper.name], account));
  return identified ? { type: 'call', tool, input: filled.input, requests: true } : { type: 'none' };
}

/**
 * For a question in a catalog whose methods do not tell reading from writing (POSTs only): the
 * operations, without those that may change a record the message names when another operation reads
 * that record ("has my order W8732376 shipped?" is `get_order_details`'s, not that of
 * `modify_pending_order_address`, which takes the same order id and whose verb the corpus does not
 * know). Operations on other records, and all of them when none reads the record, stay.
 */
function readersFirst<Ranked extends { entry: IndexedTool; features: number[] }>(tools: Ranked[]): Ranked[] {
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
function namedById(query: AnalyzedQuery): Set<string> {
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
function withoutOtherCreates<Ranked extends { entry: IndexedTool; features: number[] }>(
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
    const operation = entry.tool.operation;
    if (operation?.method !== 'post' || operation.path.includes('{')) return true;
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
function withoutUnaskedRemoves<Ranked extends { entry: IndexedTool }>(
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
function withoutOtherDeeds<Ranked extends { entry: IndexedTool }>(
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
  if (!tools.slice(0, DEED_RANKS).some(({ entry }) => does(entry))) return tools;
  // Another deed: a path's action, or a verb of the corpus's table that is not its HTTP method's.
  const doesOther = (entry: IndexedTool) =>
    entry.action !== undefined ||
    (entry.verb !== stemOf(entry.tool.operation?.method ?? '') &&
      verbProfile(index.model, entry.verb) !== undefined);
  const kept = tools.filter(({ entry }) => does(entry) || entry.writes < DOES || !doesOther(entry));
  return kept.length > 0 ? kept : tools;
}

/** Chooses what to do for the message. */
export function chooseTool(options: ChooseToolOptions): Choice {
  const { tools, text, earlierText } = options;
  if (tools.length === 0) return { type: 'none' };
  const ranking = rankOffered(options, options.rankText ?? (earlierText ? `${earlierText}\n${text}` : text));
  // A question that asks for no change reads: where the catalog has operations that read (GET), those
  // that change something are not its answer (an API of POSTs only, a function catalog, keeps them all:
  // there the verb is all that tells, and the ranking reads it already; BFCL multiple lost 0.045 when
  // such catalogs kept only the operations whose verb reads).
  // A request in a question's words ("can you reactivate subscription …?") is no question.
  const reads = ranking.query.question && !asksChange(ranking.query);
  const eligible = reads
    ? ranking.tools.filter(
        (ranked) => isReadMethod(ranked.entry.tool.operation?.method) && ranked.entry.writes < DOES,
      )
    : [];
  const ranked = eligible.length > 0 ? eligible : reads ? readersFirst(ranking.tools) : ranking.tools;
  const candidates = withoutOtherDeeds(
    withoutUnaskedRemoves(withoutOtherCreates(ranked, ranking.query, ranking.index, text), ranking.query),
    ranking.query,
    ranking.index,
  );
  const readings = options.readings ?? createTextReadings(options.now);
  // An earlier turn's ids are read only when a fill needs them, once for every candidate.
  const turnIds: QueryId[][] = [];
  const earlierIds = (position: number) =>
    (turnIds[position] ??= readIds(options.earlierTurns?.[position] ?? '', ranking.index));
  const fillFor = (ranked: (typeof candidates)[number]) =>
    fill({
      tool: ranked.entry.tool as EngineTool,
      entry: ranked.entry,
      query: ranking.query,
      text,
      earlierText,
      earlierTurns: options.earlierTurns,
      earlierIds,
      promptIds: () => readPromptIds(options.system ?? '', ranking.index),
      promptLabel: (name: string, others: string[]) =>
        readPromptLabel({ prompt: options.system ?? '', index: ranking.index, name, others }),
      prompt: options.system,
      readings,
      minorUnits: minorUnitsOf(ranking.index),
    });
  let best = candidates[0];
  if (!best) return { type: 'none' };
  best = findIdOwner(best, candidates, ranking.query) ?? best;
  best = readInstead(best, candidates, ranking.query) ?? best;
  // "dana.p" after "What's your username?": the one value the agent asked for is for an operation
  // that takes an input of that name, among those the request ranks first.
  const askedFor =
    earlierText !== undefined ? takerOfAsked(text, options.earlierTurns?.[0], candidates) : undefined;
  if (askedFor) best = askedFor.ranked;
  const named = askedFor ? undefined : namedSibling(best, candidates);
  // A sibling that stands in for the first makes the first's claim against "nothing".
  const firstClaim = best.probability;
  if (named) best = named;
  let filled = fillFor(best);
  if (askedFor) {
    filled.input[askedFor.input] = text.trim();
    filled.missing = filled.missing.filter((parameter) => parameter.name !== askedFor.input);
  }
  const claim = named ? firstClaim : best.probability;
  // Of near-equal siblings, the one the message completes ("my cart" for the signed-in customer's
  // cart, not a guest cart by its id) rather than one that would have to ask for more.
  if (filled.missing.length > 0)
    for (const [position, other] of candidates.slice(0, RESOURCE_SIBLINGS).entries()) {
      if (position === 0) continue;
      const near = position < SIBLINGS && other.probability >= best.probability * SIBLING_SHARE;
      // Past the near ones, only a read stands in for a read on its resource (a list for a search
      // with nothing to search).
      const reading = best.entry.reads && other.entry.reads;
      if (!near && !(reading && sameResource(best.entry, other.entry))) continue;
      // A list of another resource is no stand-in for one record ("where is my order?" is no orders'
      // totals report).
      if (isRecordPath(best.entry) && other.entry.collection && !sameResource(best.entry, other.entry))
        continue;
      // A sibling that reads is no stand-in for one that writes ("add a gift message" is not "get" it).
      if (Math.abs(other.entry.writes - best.entry.writes) >= DOES) continue;
      // Creating a record is no stand-in for acting on one (a new schedule for cancelling one).
      if (createsInstead(best.entry, other.entry)) continue;
      // Nor is a change to another kind of record ("cancel my appointment" cancels no payment), nor
      // another change to it (closing an order is no update of it).
      if (
        best.entry.writes >= DOES &&
        (best.entry.head?.stem !== other.entry.head?.stem || best.entry.verb !== other.entry.verb)
      )
        continue;
      const completed = fillFor(other);
      if (completed.missing.length === 0) {
        best = other;
        filled = completed;
        break;
      }
    }
  // "I'd like to open a ticket. Our invoice export comes out blank": the record asked for is made,
  // however many of the message's words a search would take.
  const creation = findCreationOf(ranking.query, candidates);
  if (creation && creation !== best) {
    best = creation;
    filled = fillFor(creation);
  }
  // Nothing to call when "nothing" is more likely than the most likely operation, unless every word
  // of the message is the operation's own ("Where is my order?", and its answer "it's 44821"), or the
  // message is only a code in the form the operation's schema shows ("Tell me about SKU-1042"; a bare
  // number fits too many operations to say): then it is called, or its missing inputs are asked for.
  const whollyAbout =
    best.features[COVERAGE] >= 1 ||
    (ranking.query.terms.length === 0 &&
      ranking.query.ids.some((id) => /\D/.test(id.text.replace(/^#/, ''))) &&
      (best.features[ID_PREFIX_MATCH] > 0 || best.features[ID_FORM_FIT] > 0));
  // "my server 23498111 is unresponsive, can you reboot it?": a request whose verb is the operation's
  // own deed, for a record the message names, that the operation can do with what the message gives.
  // The record is named by an id, or by its noun where the message asks ("ok, please place my order"):
  // a polite request names no change by its mood alone.
  const query = ranking.query;
  const namesRecord = query.terms.some((term) => !term.verb && term.stem === best.entry.head?.stem);
  const asksItsDeed =
    ((asksChange(query) && query.ids.length > 0) || ((asksChange(query) || query.request) && namesRecord)) &&
    filled.missing.length === 0 &&
    query.terms.some(
      (term) => term.verb && (term.stem === best.entry.verb || term.stem === best.entry.action),
    );
  // "ethan.g@example.com" after "What's the email address on your account?": an answer that is only a
  // value, which the chosen operation takes whole, completes the request it answers.
  const answered =
    earlierText !== undefined &&
    filled.missing.length === 0 &&
    (askedFor !== undefined || contentStems(text.replace(VALUE_TOKENS, ' ')).length === 0) &&
    Object.values(filled.input).some(
      (value) => typeof value === 'string' && value.length > 3 && text.includes(value),
    );
  // "Nothing" weighs against the operations that could answer: those the message's kind leaves ("any
  // update on ticket 5531?" asks for no change, so the update it names is no rival).
  const noneProbability =
    candidates.length < ranking.tools.length
      ? noneAgainst(ranking, candidates, ranking.index)
      : ranking.none.probability;
  let nothing =
    noneProbability >= claim &&
    !whollyAbout &&
    !asksItsDeed &&
    !answered &&
    !looksUp(best, ranking, filled.input);
  if (nothing) {
    const lookUp =
      findLookUp(candidates.slice(1), ranking, fillFor) ?? findEmailLookUp(candidates, text, fillFor);
    if (lookUp) {
      best = lookUp.ranked;
      filled = lookUp.filled;
      nothing = false;
    }
  }
  // A change no operation makes ("cancel my order" where orders can only be read) is declined plainly,
  // rather than answered with a look-up.
  const action = ranking.query.action;
  if (action && (nothing || !makesChange(best.entry, ranking.query))) {
    // "please start a return for order 55512": a deed the catalog does by creating the record its
    // object names is no deed to decline.
    const creation = findCreationOf(ranking.query, candidates);
    if (!creation) return { type: 'unable', action: { word: action.word, rest: action.rest } };
    best = creation;
    filled = fillFor(creation);
    nothing = false;
  }
  if (nothing) return { type: 'none' };
  const lookUpFirst = findLookUpFirst(best, filled, candidates, fillFor);
  if (lookUpFirst) {
    best = lookUpFirst.ranked;
    filled = lookUpFirst.filled;
  }
  const ownRecord = findOwnRecord(best, filled, candidates, ranking.query, text);
  if (ownRecord) {
    // The message gives no id ("it's been 10 days" counts days): the record's id is asked for.
    const ids = new Set(ownRecord.entry.idParameters.map((parameter) => parameter.name));
    const { input, missing } = fillFor(ownRecord);
    const asked = listParameters(ownRecord.entry.tool.inputSchema).filter(
      (parameter) => ids.has(parameter.name) && !missing.some((entry) => entry.name === parameter.name),
    );
    for (const parameter of asked) delete input[parameter.name];
    best = ownRecord;
    filled = {
      input,
      missing: [...asked.map(classifyParameter), ...missing],
      found: Object.keys(input).length,
    };
  }
  const tool = best.entry.tool as EngineTool;
  if (filled.missing.length > 0) return { type: 'ask', tool, missing: filled.missing };
  // "My card was charged twice for order 1268…. Can you check the payment?" asks for the look-up.
  const requests = ranking.query.question || ranking.query.request || ranking.query.action !== undefined;
  return { type: 'call', tool, input: filled.input, requests };
}
