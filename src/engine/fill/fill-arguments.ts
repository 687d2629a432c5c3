// Fills a tool's input from a message, each parameter from what its schema says, and lists the
// required parameters it could not find. Optional parameters are filled only on evidence.

import { isIdName, stemOf } from '../../tools/index.js';
import { listParameters, type ParameterInfo } from '../catalog/list-parameters.js';
import { isRequestWord } from '../language/analyze-text.js';
import { splitWords } from '../language/split-words.js';
import { conceptsOf } from '../language/synonyms.js';
import { type ClassifiedParameter, classifyParameter } from './classify-parameter.js';
import { convertMention, formatDate, isHostName } from './convert-mention.js';
import {
  extractAddition,
  extractReason,
  extractTopicWords,
  PLACE_PREPOSITIONS,
} from './extract-free-text.js';
import { fillMoney } from './fill-money.js';
import { fillCountedSize, fillPaging } from './fill-paging.js';
import { findCurrencies } from './find-currencies.js';
import type { DateValue } from './find-dates.js';
import { matchArray, matchBoolean, matchEnumValue } from './match-choices.js';
import { measureAffinity } from './measure-affinity.js';
import { measureCueAffinity, rangeRoleOf } from './measure-cue-affinity.js';
import type { Mention } from './mention.js';
import { createTextReadings, readText, type TextReadings } from './read-text.js';
import { type FoundAddress, findAddress, splitAddress, takesAddress } from './split-address.js';
import { splitFullName } from './split-full-name.js';
import { type MessageToken, tokenizeMessage } from './tokenize-message.js';

/** The input built for one tool. */
export interface FilledArguments {
  /** The input object, only with parameters that were found (or required with a schema default). */
  input: Record<string, unknown>;
  /** Required parameters that the message does not give. */
  missing: ClassifiedParameter[];
  /** How many parameters were found in the message. */
  found: number;
}

/** What the filler reads. */
export interface FillArgumentsOptions {
  parameters: readonly ParameterInfo[];
  /** The customer's message. */
  text: string;
  /** Concepts naming the operation itself, left out of free-text values. */
  subjectConcepts: Set<string>;
  /** What relative dates count from; default the clock's now. */
  now?: Date;
  /** How deep inside object inputs this fill is (0: the tool's own inputs). */
  depth?: number;
  /** Inside an object input: whether the operation requires that object. */
  required?: boolean;
  /**
   * Inside an object input: the concepts of its name and of the objects around it (a body wrapped as
   * `{"ticket": {...}}` is the ticket), whose words name the record rather than a value of its fields.
   */
  recordConcepts?: Set<string>;
  /** The stem of the verb the message asks with ("refund" in "please refund the $15 difference"). */
  asks?: string;
  /** The texts the decision has read already (`now` then comes from them); default: none yet. */
  readings?: TextReadings;
}

const EVIDENCE = 0.45;
/** An input for a place larger than a street (`geoip_country`, `city`, `region`). */
const AREA_INPUT = /country|city|town|region|state|province|county|district|iso/i;
const REQUIRED_PRIORITY = 0.3;
/** measureCueAffinity's verdict on a name that only repeats the parameter's label ("API" for an API key). */
const LABEL_ONLY = -1;
const MENTION_KINDS_BY_PARAMETER: Record<string, string[]> = {
  number: ['number'],
  integer: ['number', 'identifier'],
  email: ['email'],
  phone: ['phone'],
  url: ['url', 'identifier'],
  date: ['date'],
  identifier: ['identifier', 'quoted', 'number'],
  location: ['proper', 'quoted'],
  text: ['quoted', 'proper', 'identifier', 'url', 'number', 'phone'],
  keyword: ['quoted', 'phone'],
  array: ['tuple'],
  currency: ['currency'],
};

function isPlaced(tokens: MessageToken[], mention: Mention): boolean {
  return PLACE_PREPOSITIONS.has(tokens[mention.first - 1]?.lower ?? '');
}

function overlaps(mention: Pick<Mention, 'first' | 'last'>, used: Set<number>): boolean {
  for (let index = mention.first; index < mention.last; index++) if (used.has(index)) return true;
  return false;
}

function wordMentions(tokens: MessageToken[]): Mention[] {
  return tokens
    .map(
      (token, index): Mention => ({
        kind: 'identifier',
        text: token.text,
        value: token.text,
        start: token.start,
        end: token.end,
        first: index,
        last: index + 1,
      }),
    )
    .filter((mention) => /[\p{L}\p{N}]/u.test(mention.text));
}

/** How much more a length of time belongs to an input measured in its unit: -1 for a rate per unit. */
const MEASURED_IN = 0.3;

/**
 * Whether an input counts lengths of time in `unit` ("Total duration in hours", `duration_hours`,
 * "the number of years"): MEASURED_IN; -1 when it counts per that unit or any ("duplications per hour",
 * `compounds_per_year`, "times compounded per unit time"), which no length of time fills; 0 otherwise.
 */
function measuredIn(parameter: ClassifiedParameter, unit: string): number {
  const about = `${splitWords(parameter.name).join(' ')} ${parameter.description}`.toLowerCase();
  if (
    new RegExp(`\\bper\\s+(?:an?\\s+|one\\s+)?(?:${unit}|unit|period)\\b|\\bnumber of times\\b`).test(about)
  )
    return -1;
  return new RegExp(`\\b(?:in|of|number of|how many)\\s+${unit}s\\b|\\(${unit}s\\)|\\b${unit}s$`).test(about)
    ? MEASURED_IN
    : 0;
}

/** The first of `examples` the text has word for word (any case, a hyphen for a space), where. */
function findExample(
  text: string,
  examples: string[],
): { value: string; start: number; end: number } | undefined {
  for (const value of [...examples].sort((left, right) => right.length - left.length)) {
    const words = value.split(/[\s-]+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const match = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'iu').exec(
      text,
    );
    if (match) return { value, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** Days in each unit a stay or a rental is counted in. */
const LENGTH_DAYS: Record<string, number> = { day: 1, night: 1, week: 7 };

/**
 * A range the message starts and does not end: an end-date input nothing filled, beside a start-date
 * input filled from the message's one date. Its end input and that date, or undefined.
 */
function openRange(
  parameters: ClassifiedParameter[],
  input: Record<string, unknown>,
  mentions: Mention[],
): { end: ClassifiedParameter; date: Mention } | undefined {
  const end = parameters.find(
    (parameter) =>
      parameter.kind === 'date' && !(parameter.name in input) && rangeRoleOf(parameter.name) === 'end',
  );
  const started = parameters.some(
    (parameter) =>
      parameter.kind === 'date' && parameter.name in input && rangeRoleOf(parameter.name) === 'start',
  );
  const dates = mentions.filter((mention) => mention.kind === 'date');
  return end && started && dates.length === 1 ? { end, date: dates[0] } : undefined;
}

/**
 * "3 nights starting from 1st June": the end date of a range whose start the message dates and whose
 * length it counts in days, nights or weeks, for an end-date input nothing else filled.
 */
function fillEndFromLength(
  parameters: ClassifiedParameter[],
  input: Record<string, unknown>,
  mentions: Mention[],
): void {
  const range = openRange(parameters, input, mentions);
  const length = mentions.find((mention) => mention.duration && mention.duration in LENGTH_DAYS);
  if (!range || !length?.duration) return;
  const { date, hasTime } = range.date.value as DateValue;
  const days = Number(length.value) * LENGTH_DAYS[length.duration];
  if (!Number.isInteger(days) || days <= 0) return;
  input[range.end.name] = formatDate(new Date(date.getTime() + days * 86_400_000), hasTime, range.end);
}

/**
 * "bank summary for May 2024", "orders from January": a month named without a day is a period, which
 * ends where the month does, for an end-date input nothing else filled beside the start it filled
 * ("since May 2024" starts a period the message does not end).
 */
function fillPeriodEnd(
  parameters: ClassifiedParameter[],
  input: Record<string, unknown>,
  mentions: Mention[],
  tokens: MessageToken[],
): void {
  const range = openRange(parameters, input, mentions);
  if (!range || OPEN_START.has(tokens[range.date.first - 1]?.lower ?? '')) return;
  const { date, month } = range.date.value as DateValue;
  if (!month) return;
  const last = new Date(date.getFullYear(), date.getMonth() + 1, 0, 23, 59, 59);
  input[range.end.name] = formatDate(last, false, range.end);
}
/** Words before a date that start a period without ending it. */
const OPEN_START = new Set(['since', 'after']);

/** Words of an id input that takes a site's host name. */
const SITE_WORDS = /domain|host|site|url|uri|web/i;

/** Input names for how many things. */
const QUANTITY_NAME = /quantity|qty|^count$|number_of|units?$/i;

/** Whether a number counts things: a small whole number followed by "of", "x" or "×" ("3 of pet 87"). */
function isCount(text: string, mention: Mention): boolean {
  const value = Number(mention.value);
  if (!Number.isInteger(value) || value < 1 || value > 999) return false;
  return /^\s*(?:of\b|x\b|×)/i.test(text.slice(mention.end));
}

/** Input names for an amount of money or goods. */
const AMOUNT_NAME = /amount|price|cost|total|fee|balance|quantity|qty/i;

interface Candidate {
  parameter: ClassifiedParameter;
  mention: Mention;
  value: unknown;
  score: number;
}

/** How many words before an amount the verb that asks for it may stand ("refund the full $15"). */
const ASKED_REACH = 3;

/** The amounts of money the asking verb acts on: those standing just after the verb. */
function askedAmounts(tokens: MessageToken[], mentions: Mention[], asks: string | undefined): Set<Mention> {
  const asked = new Set<Mention>();
  if (!asks) return asked;
  for (const mention of mentions) {
    if (!mention.money) continue;
    for (let index = Math.max(0, mention.first - ASKED_REACH); index < mention.first; index++)
      if (stemOf(tokens[index].lower) === asks) asked.add(mention);
  }
  return asked;
}

/** The words of a date input for a moment to come: when something is due, ends or expires. */
const FUTURE_DATE_WORDS = new Set([
  'due',
  'deadline',
  'expires',
  'expiry',
  'expiration',
  'until',
  'end',
  'ends',
]);

/** Whether a date input names a moment to come (`due_at`, `dueDate`, `expires_at`). */
function datesToCome(name: string): boolean {
  return splitWords(name).some((word) => FUTURE_DATE_WORDS.has(word.toLowerCase()));
}

function collectCandidates(
  text: string,
  parameters: ClassifiedParameter[],
  mentions: Mention[],
  tokens: MessageToken[],
  asked: ReadonlySet<Mention>,
  place: FoundAddress | undefined,
) {
  const values = mentions.filter((mention) => mention.kind !== 'proper');
  const valueStarts = values.map((mention) => mention.first);
  const valueEnds = values.map((mention) => mention.last);
  const candidates: Candidate[] = [];
  const hasPlace = parameters.some((parameter) => parameter.kind === 'location');
  const dates = mentions.filter((mention) => mention.kind === 'date');
  // "30 June 2024": its day, month and year are the date's, no record's id nor a text of their own;
  // only a number input ("year") takes one of them.
  const inDate = (mention: Mention) =>
    mention.kind !== 'date' &&
    dates.some(
      (date) =>
        date.start <= mention.start &&
        mention.end <= date.end &&
        date.end - date.start > mention.end - mention.start,
    );
  parameters.forEach((parameter, parameterIndex) => {
    const pool = parameter.kind === 'pattern' ? [...mentions, ...wordMentions(tokens)] : mentions;
    const kinds = MENTION_KINDS_BY_PARAMETER[parameter.kind];
    pool.forEach((mention, mentionIndex) => {
      if (kinds && !kinds.includes(mention.kind)) return;
      // "charged twice" says how often, not how much.
      if (mention.times && AMOUNT_NAME.test(parameter.name)) return;
      // "it's been 10 days" counts days, "once we've checked" says when, "the first one" points into a
      // list: no record's id, which is written in digits.
      if ((mention.duration || mention.times || ORDINAL.test(mention.text)) && isIdName(parameter.name))
        return;
      if (!(parameter.kind === 'integer' || parameter.kind === 'number') && inDate(mention)) return;
      // A host name ("my order for mycoolshop.net") is a site's, no record's id, unless the input
      // says it takes sites.
      if (
        parameter.kind === 'identifier' &&
        isHostName(mention) &&
        !SITE_WORDS.test(`${parameter.name} ${parameter.description}`)
      )
        return;
      // Nor is a name of several words ("the Tone Poet series"): an id is written without spaces.
      if (mention.kind === 'proper' && /\s/.test(mention.text) && isIdName(parameter.name)) return;
      const value = convertMention(mention, parameter);
      if (value === undefined) return;
      // An address the message gives fills places, not other inputs ("change it to 19 Cottage St, Bar
      // Harbor ME 04609": no quantity, no channel id); and a name after a house number is a street's,
      // which no country, city or region takes ("412 Birch Hollow Rd" is no `geoip_country`).
      if (
        parameter.kind !== 'location' &&
        place !== undefined &&
        mention.start >= place.start &&
        mention.end <= place.end
      )
        return;
      if (
        parameter.kind === 'location' &&
        AREA_INPUT.test(parameter.name) &&
        mention.kind === 'proper' &&
        /^\d+[a-z]?$/i.test(tokens[mention.first - 1]?.text ?? '')
      )
        return;
      // A name after "in"/"at" is the place when the operation takes one ("theft in California").
      if (hasPlace && parameter.kind !== 'location' && mention.kind === 'proper' && isPlaced(tokens, mention))
        return;
      // "since yesterday" dates what has been going on: never when something is due or ends.
      if (
        parameter.kind === 'date' &&
        datesToCome(parameter.name) &&
        tokens[mention.first - 1]?.lower === 'since'
      )
        return;
      const cue = measureCueAffinity(text, tokens, mention, parameter);
      if (cue <= LABEL_ONLY) return;
      // "for 6 hours" is a length counted in hours: never a rate per hour, and the input measured in
      // hours first.
      const measure = mention.duration ? measuredIn(parameter, mention.duration) : 0;
      if (measure < 0) return;
      // "3 of pet 87", "2 x the blue mug": a small count of things is how many, for a quantity input.
      const counts =
        QUANTITY_NAME.test(parameter.name) &&
        mention.kind === 'number' &&
        !mention.money &&
        isCount(text, mention)
          ? EVIDENCE
          : 0;
      // "you charged me $60 … please refund the $15 difference": the amount the request is for.
      const askedAmount = asked.has(mention) ? EVIDENCE : 0;
      const affinity =
        measureAffinity(tokens, parameter.keywords, mention, valueStarts, valueEnds) +
        cue +
        measure +
        counts +
        askedAmount;
      // A bare number is a free-text value only when the parameter's words stand beside it.
      if (parameter.kind === 'text' && mention.kind === 'number' && affinity < EVIDENCE) return;
      // An optional input takes a value only with evidence, unless the value's form is the input's
      // own (an email, a date, a place's proper name for a location).
      const ownForm =
        ['email', 'phone', 'url', 'pattern', 'date'].includes(parameter.kind) ||
        (parameter.kind === 'location' && mention.kind === 'proper');
      if (!parameter.required && affinity < EVIDENCE && !ownForm) return;
      const named = mention.kind === 'proper' && parameter.takesName ? 0.04 : 0;
      const spelled = mention.spelled ? 0.03 : 0;
      const fallback = 0.05 + named - spelled - 0.001 * mentionIndex - 0.0001 * parameterIndex;
      // A required parameter outranks an optional one that is only loosely tied to the same value.
      const priority = parameter.required ? REQUIRED_PRIORITY : 0;
      candidates.push({ parameter, mention, value, score: affinity + fallback + priority });
    });
  });
  return candidates.sort((left, right) => right.score - left.score);
}

const VALUE_INTRODUCERS = new Set([
  'of',
  'for',
  'about',
  'in',
  'on',
  'by',
  'with',
  'from',
  'to',
  'at',
  'named',
  'called',
  'titled',
  'like',
  'as',
  'between',
  'and',
]);

/** Whether a free-text value may start after `token`: a preposition, a request verb ("find an acoustic guitar") or one of the parameter's own words. */
/** An input that takes a unit of measure ("The unit in which to return the result"). */
const TAKES_UNIT = /\b(?:units?|measure)\b/i;

function introducesValue(token: MessageToken | undefined, parameter: ClassifiedParameter): boolean {
  if (!token) return false;
  return (
    VALUE_INTRODUCERS.has(token.lower) ||
    // "in grams/mole", "per ounce": a unit, where the input takes one.
    ((token.lower === 'in' || token.lower === 'per') &&
      TAKES_UNIT.test(`${parameter.name} ${parameter.description}`)) ||
    isRequestWord(token.lower) ||
    parameter.keywords.has(token.concept) ||
    token.text === ',' ||
    token.text === ':'
  );
}

/** Whether the message has every content word of an input's name (`shipping` in "change the shipping address"). */
function namesParameter(text: string, name: string): boolean {
  const words = new Set(tokenizeMessage(text).map((token) => token.concept));
  const named = tokenizeMessage(splitWords(name).join(' ')).filter((token) => token.concept.length > 1);
  return named.length > 0 && named.every((token) => words.has(token.concept));
}

/** Days in each unit of time a message or an input may count in. */
const DAYS_IN: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const SPAN = /\b(?:next|coming|following|past|last|for)\s+(?:the\s+)?(?:(\d+)\s+)?(day|week|month|year)s?\b/i;
/** An input that counts days, weeks, months or years: so named, or "the number of days …". */
const COUNTS_IN = /^(day|week|month|year)s\b|\b(?:number of|how many)\s+(day|week|month|year)s\b/i;

/**
 * A span of time the message gives ("the next week", "next 5 years", "for 3 months") in the unit an
 * input counts in (its name or description names days, weeks, months or years), when it is whole.
 */
function readSpan(text: string, about: string): number | undefined {
  const span = SPAN.exec(text);
  const counts = COUNTS_IN.exec(about);
  const unit = (counts?.[1] ?? counts?.[2])?.toLowerCase();
  if (!span || !unit) return undefined;
  const days = Number(span[1] ?? 1) * DAYS_IN[span[2].toLowerCase()];
  const counted = days / DAYS_IN[unit];
  return Number.isInteger(counted) ? counted : undefined;
}

/** A question answered with yes or no. */
const YES_NO_QUESTION = /^\s*(?:is|are|was|were|do|does|did|has|have|can|could|will)\b[^?]*\?\s*$/i;

/** An object for a comment or a note, and the field of it that holds its text. */
const NOTE_NAME = /^(?:comment|note|message|reply)$/i;
const TEXT_FIELD = /^(?:body|text|content|message|value|comment|note)$/i;

/** An input or a message about billing (`billing_address`, "my billing address"). */
const BILLING = /bill/i;

/** How deep objects inside objects are filled. */
const MAX_DEPTH = 3;

/** "the first one", "that one": a place in a list or a thing pointed at, not a number. */
const ORDINAL = /^(?:first|second|third|one)$/i;

/** Whether a token of the mention went to an input already. */
function takenFrom(mention: Mention, used: Set<number>): boolean {
  for (let index = mention.first; index < mention.last; index++) if (used.has(index)) return true;
  return false;
}

/**
 * A schema's default, unless it only stands in for a value to fill (`{{maxLot}}`, `{orderId}`,
 * `<token>`, a Postman collection's variables), which no request should carry.
 */
function usableDefault(value: unknown): unknown {
  return typeof value === 'string' && PLACEHOLDER.test(value) ? undefined : value;
}
const PLACEHOLDER = /^\s*(?:\{\{[^{}]+\}\}|\{[^{}]+\}|<[^<>]+>|\$\{[^{}]+\})\s*$/;

/**
 * An object input filled field by field from the same message ("2 of SKU TR-TENT-2P" -> the cart
 * item's sku and qty), when the message gives at least half of its required fields (or, with none
 * required, one field); a field the message does not give is left to the API's own default.
 */
function fillObject(
  parameter: ClassifiedParameter,
  options: FillArgumentsOptions,
  givesEmail: boolean,
): Record<string, unknown> | undefined {
  const depth = options.depth ?? 0;
  if (depth >= MAX_DEPTH) return undefined;
  // An object the tool does not require is filled only when the message names it ("the shipping
  // address", not the billing one), and then each field only on evidence; or, inside an object the
  // operation does require (a body wrapped as `{"ticket": {...}}`), when an email the message gives
  // has its field there (the requester's).
  // An operation's only input, an object, is its body whatever the message calls it (SupportBee's
  // `{"ticket": {...}}`).
  const wholeBody = depth === 0 && options.parameters.length === 1;
  // Inside a change the operation requires (`{"order": {...}}`), an address the message gives goes to
  // the address object, whatever the message calls it ("it should go to 48 Larkspur Lane, Asheville
  // NC 28801"), unless that object is for billing and the message says nothing of billing.
  const addressGiven =
    depth > 0 &&
    options.required === true &&
    takesAddress(listParameters(parameter.schema).map((field) => field.name)) &&
    findAddress(options.text) !== undefined &&
    (!BILLING.test(parameter.name) || BILLING.test(options.text));
  // "please add that it also happens on android": a comment or note of a change the operation
  // requires says what the message asks to add, in its text field (Zendesk's `comment.body`).
  const addition = depth > 0 && options.required === true ? extractAddition(options.text) : undefined;
  if (addition && NOTE_NAME.test(parameter.name)) {
    const field = listParameters(parameter.schema).find(
      (candidate) => candidate.schema.type === 'string' && TEXT_FIELD.test(candidate.name),
    );
    if (field) return { [field.name]: addition };
  }
  if (!parameter.required && !wholeBody && !addressGiven && !namesParameter(options.text, parameter.name)) {
    const inRequired = (options.depth ?? 0) > 0 && options.required === true;
    const email = inRequired && givesEmail;
    const takesEmail = listParameters(parameter.schema).some(
      (field) => field.schema.format === 'email' || /(^|_)e-?mail$/i.test(field.name),
    );
    if (!(email && takesEmail)) return undefined;
  }
  const fields = listParameters(parameter.schema).map((field) =>
    parameter.required ? field : { ...field, required: false },
  );
  if (fields.length === 0) return undefined;
  const nested = fillArguments({
    ...options,
    parameters: fields,
    depth: depth + 1,
    required: parameter.required || wholeBody,
    recordConcepts: new Set([...(options.recordConcepts ?? []), ...conceptsOf(parameter.name)]),
  });
  // A default or the one value an enum allows (`"object": "card"`) says nothing the message gave.
  const found = Object.keys(nested.input).filter((name) => {
    const schema = fields.find((field) => field.name === name)?.schema;
    return !schema?.default && !(Array.isArray(schema?.enum) && schema.enum.length === 1);
  });
  const required = fields.filter((field) => field.required).length;
  if (found.length === 0 || found.length < required / 2) return undefined;
  return nested.input;
}

/** Fills `parameters` from `text`. */
export function fillArguments(options: FillArgumentsOptions): FilledArguments {
  const { text, subjectConcepts } = options;
  const parameters = options.parameters.map(classifyParameter);
  const readings = options.readings ?? createTextReadings(options.now);
  const read = readText(readings, text);
  const tokens = read.tokens;
  const mentions = [...read.mentions];
  if (parameters.some((parameter) => parameter.kind === 'currency'))
    mentions.push(...findCurrencies(text, tokens));
  const input: Record<string, unknown> = {};
  const used = new Set<number>();
  const asked = askedAmounts(tokens, mentions, options.asks);
  const place = findAddress(text);
  // Enum words stay available to free text: "leather bags" is the search even when "bags" is a category.
  const usedByEnums = new Set<number>();
  const take = (parameter: ClassifiedParameter, value: unknown, first: number, last: number) => {
    input[parameter.name] = value;
    for (let index = first; index < last; index++) used.add(index);
  };
  for (const parameter of parameters) {
    const labels = parameter.codedValues.map((code) => code.label);
    const offered =
      parameter.kind === 'enum' ? parameter.enumValues : [...parameter.suggestedValues, ...labels];
    if (!offered || offered.length === 0) continue;
    const match = matchEnumValue(
      { ...parameter, enumValues: offered },
      tokens,
      mentions,
      new Set([...used, ...usedByEnums]),
      options.recordConcepts,
      subjectConcepts,
    );
    if (!match) continue;
    const code = parameter.codedValues.find((entry) => entry.label === match.value);
    input[parameter.name] = code ? code.value : match.value;
    for (let index = match.first; index < match.last; index++) usedByEnums.add(index);
  }
  // "a vegan recipe": a value the description gives as an example, word for word.
  for (const parameter of parameters) {
    if (parameter.kind !== 'text' || parameter.name in input) continue;
    const found = findExample(text, parameter.exampleValues);
    if (!found) continue;
    const first = tokens.findIndex((token) => token.end > found.start);
    const last = tokens.findIndex((token) => token.start >= found.end);
    const end = last < 0 ? tokens.length : last;
    if (first < 0 || overlaps({ first, last: end }, used)) continue;
    take(parameter, found.value, first, end);
  }
  // A name inside the address is the street's ("7 Harbor View Rd"), not a person's.
  const name = splitFullName(
    parameters,
    place ? mentions.filter((mention) => mention.end <= place.start || mention.start >= place.end) : mentions,
  );
  if (name) {
    take(name.first, name.values[0], name.mention.first, name.mention.last);
    input[name.last.name] = name.values[1];
  }
  // The parts of an address the message gives go to their inputs; the parts it lacks (a second
  // line) take nothing else ("John Carter, 45 Elm Street, …" is no address line).
  const address = splitAddress(parameters, place);
  const settled = new Set(address?.parts.map((parameter) => parameter.name));
  if (address) {
    for (const [parameter, value] of address.values) input[parameter.name] = value;
    tokens.forEach((token, index) => {
      if (token.start >= address.start && token.end <= address.end) used.add(index);
    });
  }
  for (const candidate of collectCandidates(text, parameters, mentions, tokens, asked, place)) {
    if (
      candidate.parameter.name in input ||
      settled.has(candidate.parameter.name) ||
      overlaps(candidate.mention, used) ||
      overlaps(candidate.mention, usedByEnums)
    )
      continue;
    take(candidate.parameter, candidate.value, candidate.mention.first, candidate.mention.last);
  }
  for (const parameter of parameters) {
    if (parameter.name in input || settled.has(parameter.name)) continue;
    if (parameter.kind === 'boolean') {
      // "Is the backpack in stock?" asks whether it is: a filter set to yes would hide the answer.
      if (!parameter.required && YES_NO_QUESTION.test(text)) continue;
      const value = matchBoolean(parameter, tokens);
      // A required flag the message does not mention is a feature not asked for: false, not a question.
      if (value !== undefined || parameter.required)
        input[parameter.name] = value ?? parameter.schema.default ?? false;
    } else if (parameter.kind === 'array') {
      const match = matchArray(parameter, tokens, mentions, used);
      if (match) take(parameter, match.value, match.first, match.last);
    }
  }
  for (const parameter of parameters) {
    if (parameter.name in input || settled.has(parameter.name)) continue;
    let value: string | undefined;
    if (parameter.kind === 'location' && parameter.required)
      value = extractTopicWords(text, tokens, used, subjectConcepts, (token) =>
        PLACE_PREPOSITIONS.has(token?.lower ?? ''),
      );
    else if (parameter.kind === 'reason')
      value = extractReason(text, tokens, used, {
        exclude: subjectConcepts,
        required: parameter.required,
        name: parameter.name,
      });
    else if (parameter.kind === 'keyword')
      // "pull up the account for jenna.k@fastmail.com": an email or a phone number no other input
      // took is what to search for, before any word around it.
      value =
        mentions.find(
          (mention) => (mention.kind === 'email' || mention.kind === 'phone') && !takenFrom(mention, used),
        )?.text ?? extractTopicWords(text, tokens, used, subjectConcepts);
    else if (parameter.required && parameter.kind === 'text')
      value = extractTopicWords(text, tokens, used, subjectConcepts, (token) =>
        introducesValue(token, parameter),
      );
    if (!value) continue;
    input[parameter.name] = value;
    const start = text.indexOf(value);
    // Words given to one free-text parameter are not given to another.
    tokens.forEach((token, index) => {
      if (start >= 0 && token.start >= start && token.end <= start + value.length) used.add(index);
    });
  }
  // One amount fills one money object: the first the operation requires ("refund $85" is the refund's
  // amount, not its app fee too).
  let moneyFilled = false;
  const objects = parameters.filter((parameter) => parameter.kind === 'object');
  objects.sort((left, right) => Number(right.required) - Number(left.required));
  for (const parameter of objects) {
    if (parameter.name in input) continue;
    const money = moneyFilled
      ? undefined
      : fillMoney(parameter.schema, text, tokens, [...asked, ...mentions]);
    if (money) moneyFilled = true;
    const nested =
      money ??
      fillObject(
        parameter,
        { ...options, readings },
        mentions.some((mention) => mention.kind === 'email'),
      );
    if (nested) input[parameter.name] = nested;
  }
  for (const parameter of parameters) {
    const fallback = usableDefault(parameter.schema.default);
    if (!(parameter.name in input) && parameter.required && fallback !== undefined)
      input[parameter.name] = fallback;
  }
  // "for the next week" to an input counting days: 7.
  for (const parameter of parameters) {
    if (parameter.name in input || !parameter.required || parameter.kind !== 'integer') continue;
    const span = readSpan(text, `${parameter.name} ${parameter.description}`);
    if (span !== undefined) input[parameter.name] = span;
  }
  fillEndFromLength(parameters, input, mentions);
  fillPeriodEnd(parameters, input, mentions, tokens);
  fillCountedSize(parameters, input, text, mentions, (mention) => overlaps(mention, used));
  fillPaging(parameters, input);
  const missing = parameters.filter((parameter) => parameter.required && !(parameter.name in input));
  return { input, missing, found: Object.keys(input).length };
}
