// Writes the answer about one returned object in sentences: what was asked first (its status, its
// stock, the hours of the day named), then the facts that help, links whole at the end.
import { chooseFacts, type FactContext } from './choose-facts.js';
import {
  capitalize,
  endSentence,
  formatDateText,
  formatEpoch,
  formatMoney,
  formatTimeRange,
  humanizeValue,
  isTimeRange,
  joinAnd,
  phraseOf,
} from './format-field.js';
import { describeMapCompactly, namedKeys, weekRuns } from './format-map.js';
import { fieldWords, matchShare, stemsOfText } from './match-words.js';
import type { Field } from './read-fields.js';
import type { Question } from './read-question.js';
import { isParticiple, polarityOpening, statusPolarity, statusPredicate } from './status-words.js';

/** What writing about one object needs. */
export interface WriteRecordOptions {
  fields: Field[];
  /** How the object is referred to: `your order 12345`. */
  subject: string;
  context: FactContext;
  /** When the reply is made: resolves "today" for a map of weekdays. */
  now: Date;
}

type Row = Record<string, unknown>;
const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const DATE_ENDINGS = new Set(['at', 'on', 'date', 'time', 'timestamp', 'datetime']);
const HOURS_TERMS = stemsOfText('hours opening open schedule');
const TEXT_ABOUT = stemsOfText('description summary about details overview');
const LINK_WORDS = new Set(['url', 'link', 'href', 'uri']);
const NAME_KEYS = [
  'name',
  'title',
  'label',
  'displayName',
  'display_name',
  'productName',
  'product_name',
  'description',
];
const QUANTITY_KEYS = ['quantity', 'qty', 'count'];
const MAX_LISTED = 3;

const touches = (field: Field, terms: Set<string>) =>
  [...stemsOfText(field.words.join(' '))].some((term) => terms.has(term));

/** A scalar as the customer reads it. */
export function formatScalar(field: Field, value: unknown = field.value): string {
  if (field.money && value === field.value) return formatMoney(field.money.amount, field.money.currency);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (field.role === 'date') return formatEpoch(value) ?? String(value);
    return String(value);
  }
  const text = String(value);
  if (field.role === 'date') return formatDateText(text);
  if (isTimeRange(text)) return formatTimeRange(text);
  return field.role === 'status' || field.role === 'text' ? humanizeValue(text) : text;
}

/** `in stock (12 available)`, `out of stock`, `available`, `not available`. */
export function availabilityPhrase(field: Field): string {
  const stockWords = field.words.some((word) => /stock|inventory/.test(word));
  if (typeof field.value === 'number') {
    if (field.value <= 0) return stockWords ? 'out of stock' : 'not available';
    return stockWords ? `in stock (${field.value} available)` : `available (${field.value})`;
  }
  const sold = field.words.includes('sold') || field.words.includes('out');
  const positive = sold ? !field.value : Boolean(field.value);
  if (stockWords) return positive ? 'in stock' : 'out of stock';
  return positive ? 'available' : 'not available';
}

/** Whether the question asks about a field's stock (or availability). */
const asksAbout = (question: Question, field: Field) => matchShare(question.terms, field.words) >= 0.5;

/** The verb phrase of a date field: `was paid on`, `is due on`, `expires on`; undefined for a plain label. */
function dateVerb(field: Field): string | undefined {
  const words = fieldWords(field.key);
  const last = words[words.length - 1];
  const verb = DATE_ENDINGS.has(last) ? words[words.length - 2] : words.length === 1 ? last : undefined;
  if (!verb) return undefined;
  if (verb === 'due') return 'is due on';
  if (isParticiple(verb)) return `was ${verb} on`;
  // `expires_at`, `starts_at`: a verb of its own.
  if (/[^s]s$/.test(verb) && words.length === 2) return `${verb} on`;
  return undefined;
}

/** The label of a link without its link word: `trackingUrl` -> `tracking`. */
function linkLabel(field: Field): string {
  return phraseOf(field.key)
    .split(' ')
    .filter((word) => !LINK_WORDS.has(word.toLowerCase()))
    .join(' ');
}

/** A list of objects in one phrase: `Leather Tote Bag (2) and Slim Wallet`, or `3 items`. */
function summarizeRecords(list: unknown[]): string {
  const names = list.map((item) => {
    if (!isRecord(item)) return undefined;
    const key = NAME_KEYS.find((candidate) => typeof item[candidate] === 'string');
    if (!key) return undefined;
    const quantity = QUANTITY_KEYS.map((candidate) => item[candidate]).find(
      (value) => typeof value === 'number',
    );
    return typeof quantity === 'number' && quantity > 1 ? `${item[key]} (${quantity})` : String(item[key]);
  });
  if (names.some((name) => name === undefined)) return `${list.length}`;
  const shown = names.slice(0, MAX_LISTED) as string[];
  if (list.length > MAX_LISTED) shown.push(`${list.length - MAX_LISTED} more`);
  return joinAnd(shown);
}

/** Sentences for a map (opening hours per day): the keys the question names, else all of it, compactly. */
function mapSentences(field: Field, subject: string, question: Question, now: Date): string[] {
  const map = field.value as Record<string, string | number>;
  const label = phraseOf(field.key);
  const hours = touches(field, HOURS_TERMS);
  const named = namedKeys(Object.keys(map), question, now);
  if (named.length > 0) {
    // "Is it open on Sunday?" is answered yes or no by the hours of that day.
    const answersYesNo = hours && question.kind === 'yes-no';
    return named.map((key, index) => {
      const raw = String(map[key]);
      const value = formatTimeRange(raw);
      const day = capitalize(humanizeValue(key));
      const open = /\d/.test(raw);
      const opening = answersYesNo && index === 0 ? (open ? 'Yes, ' : 'No, ') : '';
      const name = opening ? subject : capitalize(subject);
      if (hours && isTimeRange(raw)) return `${opening}${name} is open from ${value} on ${day}.`;
      if (hours && !open) return `${opening}${name} is ${value.toLowerCase()} on ${day}.`;
      return `The ${label} of ${subject} for ${day}: ${value}.`;
    });
  }
  const runs = hours ? weekRuns(map) : undefined;
  if (runs) {
    // Opening hours: when it is open, then the days it is closed.
    const open = runs.filter((run) => /\d/.test(run.value)).map((run) => `${run.days} ${run.value}`);
    const closed = runs.filter((run) => !/\d/.test(run.value)).map((run) => run.days);
    const closedText =
      closed.length > 0 ? `${open.length > 0 ? ', and' : ' is'} closed on ${joinAnd(closed)}` : '';
    return [`${capitalize(subject)}${open.length > 0 ? ` is open ${joinAnd(open)}` : ''}${closedText}.`];
  }
  return [`The ${label} of ${subject} are ${describeMapCompactly(map)}.`];
}

/** One fact as a sentence; `subject` is the object's name in the first sentence, `it` after. */
function factSentence(field: Field, subject: string, options: WriteRecordOptions): string[] {
  const label = phraseOf(field.key);
  const isFirst = subject !== 'it';
  const of = isFirst ? ` of ${subject}` : '';
  const Subject = capitalize(subject);
  switch (field.role) {
    case 'availability':
      return [`${Subject} is ${availabilityPhrase(field)}.`];
    case 'money':
      return [`The ${label}${of} is ${formatScalar(field)}.`];
    case 'date': {
      const verb = dateVerb(field);
      return [
        verb ? `${Subject} ${verb} ${formatScalar(field)}.` : `The ${label}${of} is ${formatScalar(field)}.`,
      ];
    }
    case 'map':
      return mapSentences(
        field,
        subject === 'it' ? options.subject : subject,
        options.context.question,
        options.now,
      );
    case 'scalars': {
      const values = (field.value as unknown[]).map((value) => formatScalar(field, value));
      return [`The ${label}${of} ${values.length === 1 ? 'is' : 'are'} ${joinAnd(values)}.`];
    }
    case 'records': {
      const list = field.value as unknown[];
      return [`The ${label}${of} ${list.length === 1 ? 'is' : 'are'} ${summarizeRecords(list)}.`];
    }
    case 'boolean': {
      const words = label.split(' ');
      if (words[0] === 'is' || words[0] === 'can') {
        const rest = words.slice(1).join(' ');
        const verb = words[0] === 'is' ? 'is' : 'can be';
        return [
          `${Subject} ${field.value ? verb : `${verb.replace(/^is$/, 'is not').replace(/^can be$/, 'cannot be')}`} ${rest}.`,
        ];
      }
      if (words[0] === 'has')
        return [`${Subject} ${field.value ? 'has' : 'has no'} ${words.slice(1).join(' ')}.`];
      return [`${capitalize(label)}${of}: ${field.value ? 'yes' : 'no'}.`];
    }
    case 'text':
      // A description, or a reason written as a sentence ("The card was declined."), is said as written.
      if (touches(field, TEXT_ABOUT) || isSentence(String(field.value)))
        return [endSentence(capitalize(String(field.value)))];
      return [`The ${label}${of} is ${formatScalar(field)}.`];
    default:
      return [`The ${label}${of} is ${formatScalar(field)}.`];
  }
}

/** Whether a text is a sentence of its own: words, a capital first, a full stop last. */
function isSentence(text: string): boolean {
  return /^\p{Lu}/u.test(text) && /[.!?]$/.test(text.trim()) && text.trim().split(/\s+/).length >= 3;
}

/** Joins two short sentences of the same kind into one, so a few facts do not read like a form. */
function joinPairs(sentences: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < sentences.length; index++) {
    const current = sentences[index];
    const next = sentences[index + 1];
    const simple = (text: string | undefined) =>
      text !== undefined && /^The [^:]+ is [^:]+\.$/.test(text) && text.length < 70;
    if (simple(current) && simple(next)) {
      joined.push(`${current.slice(0, -1)}, and ${next.charAt(0).toLowerCase()}${next.slice(1)}`);
      index++;
    } else joined.push(current);
  }
  return joined;
}

/** Link sentences: `Here is the tracking link: https://…`. */
function linkSentences(links: Field[], subject: string): string[] {
  return links.map((field, index) => {
    const label = linkLabel(field);
    const url = String(field.value);
    if (!label)
      return index === 0 ? `You can find ${subject === 'it' ? 'it' : subject} here: ${url}` : `Link: ${url}`;
    return index === 0 ? `Here is the ${label} link: ${url}` : `The ${label} link is ${url}`;
  });
}

/** The first few plain fields, for an object none of whose fields the question or the operation points at. */
function anyFacts(fields: Field[]): Field[] {
  return fields
    .filter(
      (field) =>
        !field.personal &&
        !['secret', 'currency', 'name', 'identifier', 'records', 'map'].includes(field.role) &&
        String(field.value).length <= 200,
    )
    .slice(0, 3);
}

/** The answer about one object. */
export function writeRecord(options: WriteRecordOptions): string {
  const { fields, context } = options;
  const { question } = context;
  const chosen = chooseFacts(fields, context);
  let facts = chosen.facts;
  if (!chosen.status && facts.length === 0 && chosen.links.length === 0) facts = anyFacts(fields);
  const sentences: string[] = [];
  let subject = options.subject;
  const askedFacts = facts.slice(0, chosen.asked);
  const statusAsked =
    chosen.status !== undefined &&
    (askedFacts.length === 0 ||
      question.kinds.has('where') ||
      question.kinds.has('yes-no') ||
      matchShare(question.terms, chosen.status.words) >= 0.5);
  // "Is the X in stock?" asks for its stock; so does "do you have the X?" when nothing else is asked.
  const availability = facts.find(
    (field) =>
      field.role === 'availability' &&
      (asksAbout(question, field) || (question.kind === 'yes-no' && !chosen.status && chosen.asked === 0)),
  );
  if (chosen.status && statusAsked) {
    const value = String(chosen.status.value);
    const polarity = statusPolarity(question, value, chosen.status.schema?.enum as unknown[] | undefined);
    sentences.push(`${polarityOpening(polarity)}${subject} ${statusPredicate(value)}.`);
    subject = 'it';
  } else if (availability) {
    const inStock = !/^(?:out|not)/.test(availabilityPhrase(availability));
    const opening = question.kind === 'yes-no' ? (inStock ? 'Yes, ' : 'No, ') : '';
    sentences.push(
      `${opening}${subject} is ${availabilityPhrase(availability)}${inStock ? '' : ' right now'}.`,
    );
    facts = facts.filter((field) => field !== availability);
    subject = 'it';
  }
  for (const field of facts) {
    sentences.push(...factSentence(field, subject, options));
    subject = 'it';
  }
  if (chosen.status && !statusAsked) {
    sentences.push(`${capitalize(subject)} ${statusPredicate(String(chosen.status.value))}.`);
    subject = 'it';
  }
  const text = joinPairs(sentences.map((sentence) => capitalize(sentence))).join(' ');
  const links = linkSentences(chosen.links, subject === 'it' ? 'it' : subject);
  if (!text) return links.map(endSentence).join('\n') || `Here is ${subject}.`;
  return [text, ...links].join(links.length > 0 ? '\n' : '');
}
