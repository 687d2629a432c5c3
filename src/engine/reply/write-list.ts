// Writes the answer about a returned list: about the one item the question names when it names one
// (with available alternatives when that one is not), an honest "I couldn't find" when nothing
// returned is what was searched for, else a short list with name, price and availability and how
// many more there are.
import type { SchemaNode } from '../catalog/engine-tool.js';
import { splitWords } from '../language/split-words.js';
import { stemWord } from '../language/stem-word.js';
import { isStopWord } from '../language/stop-words.js';
import { asksFor, type FactContext } from './choose-facts.js';
import { availabilityPhrase, formatScalar } from './describe-field.js';
import { capitalize, joinAnd, phraseOf } from './format-field.js';
import { matchShare, termsOfText } from './match-words.js';
import { singularOf } from './name-subject.js';
import { type Field, isRecord, readFields } from './read-fields.js';
import { writeRecord } from './write-record.js';

/** What writing about a list needs. */
export interface WriteListOptions {
  items: unknown[];
  /** The key the list sat under (`products`), if any. */
  listKey?: string;
  /** How many items there are in all, when the API says more than it returned. */
  total?: number;
  /** The schema of one item. */
  itemSchema?: SchemaNode;
  /** The noun of the operation's path (`product`), for lists under a generic key. */
  pathNoun?: string;
  /** The call's arguments and the parameters' names. */
  input: Record<string, unknown>;
  context: FactContext;
  apiCurrency?: string;
  now: Date;
}

const GENERIC_LIST_KEYS = new Set(
  'items results data hits records entries list rows values content docs objects nodes edges elements matches'.split(
    ' ',
  ),
);
const MAX_SHOWN = 5;
const MAX_WITH_LINKS = 3;
const MAX_ALTERNATIVES = 3;
const FOCUS = 0.85;

interface Item {
  value: unknown;
  fields: Field[];
  name?: string;
}

// A value's words as written, without splitting `IPod` into `i pod` as an identifier would be.
const contentStems = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{M}\d]+/gu) ?? []).filter((word) => !isStopWord(word)).map(stemWord);

/** How fully the question names an item: its name's words all in the question is 1. */
function coverage(item: Item, questionStems: Set<string>): number {
  let best = 0;
  for (const field of item.fields) {
    if (typeof field.value !== 'string' || field.personal || field.role === 'url') continue;
    const stems = contentStems(field.value);
    if (stems.length === 0 || stems.length > 5) continue;
    const share = stems.filter((stem) => questionStems.has(stem)).length / stems.length;
    best = Math.max(best, field.role === 'name' ? share : share * 0.9);
  }
  return best;
}

/** The one item the question is about, when exactly one stands out. */
function findFocus(items: Item[], questionStems: Set<string>): Item | undefined {
  const scored = items.map((item) => ({ item, score: coverage(item, questionStems) }));
  scored.sort((left, right) => right.score - left.score);
  const [first, second] = scored;
  if (!first || first.score < FOCUS || (second && second.score >= first.score)) return undefined;
  return first.item;
}

/** The customer's search words among the arguments (`q: "Leather Backpack"`), if any. */
function searchText(input: Record<string, unknown>, questionStems: Set<string>): string | undefined {
  let best: { value: string; matched: number } | undefined;
  for (const value of Object.values(input)) {
    // An email or phone number is whose the list is, not what was searched for: never echoed.
    if (typeof value !== 'string' || /@|^\+?[\d\s().-]{7,}$/.test(value)) continue;
    const matched = contentStems(value).filter((stem) => !/^\d/.test(stem) && questionStems.has(stem)).length;
    if (matched > 0 && (!best || matched > best.matched)) best = { value: value.trim(), matched };
  }
  return best?.value;
}

/** Whether some item holds every word of `text`. */
function anyItemHas(items: Item[], text: string): boolean {
  const wanted = contentStems(text).filter((stem) => !/^\d/.test(stem));
  return items.some((item) => {
    const words = new Set(
      item.fields.flatMap((field) =>
        typeof field.value === 'string' || Array.isArray(field.value)
          ? contentStems(String(field.value))
          : [],
      ),
    );
    return wanted.every((stem) => words.has(stem));
  });
}

/** The filters the call set to true, as words: `inStock: true` -> `in stock`. */
function trueFilters(input: Record<string, unknown>): string[] {
  return Object.entries(input)
    .filter(([, value]) => value === true)
    .map(([key]) => phraseOf(key).replace(/^(?:is|only|has) /, ''));
}

function availability(item: Item): Field | undefined {
  return item.fields.find((field) => field.role === 'availability');
}

const isAvailable = (field: Field | undefined) =>
  field !== undefined && !/^(?:out|not)/.test(availabilityPhrase(field));

/** One item in a line: `Leather Tote Bag — $189.00, in stock (12 available)`. */
function itemLine(item: Item, noun: string, context: FactContext, withLink: boolean): string {
  const parts: string[] = [];
  const { fields } = item;
  const status = fields.find((field) => field.role === 'status' && field.depth === 0);
  if (status) parts.push(formatScalar(status));
  // The item's own price, else its one variant's.
  const price = fields
    .filter((field) => field.role === 'money' && field.depth <= 1)
    .sort((left, right) => left.depth - right.depth)[0];
  for (const field of fields) {
    if (field === status || field.depth > 1) continue;
    if (field.personal && !asksFor(field, context, !status)) continue;
    if (field === price) parts.push(formatScalar(field));
    else if (field.role === 'availability') parts.push(availabilityPhrase(field));
    else if (
      ['text', 'scalars', 'date', 'number', 'boolean'].includes(field.role) &&
      matchShare(context.question.terms, field.words) >= 0.75
    )
      parts.push(
        `${phraseOf(field.key)} ${Array.isArray(field.value) ? joinAnd(field.value.map(String)) : formatScalar(field)}`,
      );
  }
  const link = fields.find((field) => field.role === 'url' && field.depth === 0);
  if (withLink && link) parts.push(String(link.value));
  const identifier = fields.find((field) => field.role === 'identifier' && field.depth === 0);
  const head =
    item.name ?? (identifier ? `${capitalize(noun)} ${String(identifier.value)}` : capitalize(noun));
  return parts.length > 0 ? `${head} — ${parts.join(', ')}` : head;
}

function plural(noun: string, count: number): string {
  if (count === 1) return noun;
  if (/(?:s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** A short list of alternatives: `A ($189.00), B ($229.00) and C ($139.00)`. */
function alternativesText(items: Item[]): string {
  return joinAnd(
    items.map((item) => {
      const price = item.fields.find((field) => field.role === 'money' && field.depth === 0);
      const name = item.name ?? '';
      return price ? `${name} (${formatScalar(price)})` : name;
    }),
  );
}

/** Lower-cases the first letter unless it starts a name (`Demo Store Austin is open`). */
function lowerFirst(text: string): string {
  return /^(?:The|It|Your)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The answer about a list. */
export function writeList(options: WriteListOptions): string {
  const { context } = options;
  const keyNoun = options.listKey ? splitWords(options.listKey).pop() : undefined;
  const noun =
    keyNoun && !GENERIC_LIST_KEYS.has(keyNoun) ? singularOf(keyNoun) : (options.pathNoun ?? 'result');
  const items: Item[] = options.items.map((value) => {
    const fields = isRecord(value)
      ? readFields(value, { schema: options.itemSchema, apiCurrency: options.apiCurrency })
      : [];
    const name = fields.find((field) => field.role === 'name' && field.depth === 0);
    return { value, fields, ...(name ? { name: String(name.value) } : {}) };
  });
  const total = Math.max(options.total ?? 0, items.length);
  if (items.length === 0) return `I couldn't find any ${plural(noun, 2)} matching that.`;
  if (items.every((item) => item.fields.length === 0)) {
    const values = options.items.slice(0, MAX_SHOWN).map(String);
    const more = total > values.length ? ` and ${total - values.length} more` : '';
    return `I found ${joinAnd(values)}${more}.`;
  }
  const questionStems = new Set(context.question.words.map(stemWord));
  const searched = searchText(options.input, questionStems);
  // A follow-up ("what's their phone number?") is about the item the earlier messages named.
  const earlierStems = new Set(context.question.earlierWords.map(stemWord));
  const namesNone = items.every((item) => coverage(item, questionStems) === 0);
  const focus =
    findFocus(items, questionStems) ??
    (namesNone && earlierStems.size > 0 ? findFocus(items, earlierStems) : undefined);
  // "Do you have belts under $70?" found one belt: that is a yes with the item, not an answer about
  // it; "is the Braided Belt in stock?" names the item: the answer is about it.
  const byName = (item: Item) =>
    coverage({ ...item, fields: item.fields.filter((field) => field.role === 'name') }, questionStems) >=
    FOCUS;
  const isProduct = (item: Item) =>
    item.fields.some((field) => field.role === 'money' || field.role === 'availability');
  const existence = focus !== undefined && context.question.existence && !byName(focus);
  if (focus && !(existence && isProduct(focus))) {
    const fields = focus.fields;
    const record = writeRecord({
      fields,
      subject: focus.name ?? `the ${noun}`,
      context: { ...context, subjectTerms: new Set([...context.subjectTerms, ...termsOfText(noun)]) },
      now: options.now,
    });
    const answer = existence && !/^(?:Yes|No|Not yet)\b/.test(record) ? `Yes, ${lowerFirst(record)}` : record;
    const stock = availability(focus);
    const asked =
      context.question.kind === 'yes-no' || (stock && matchShare(context.question.terms, stock.words) >= 0.5);
    if (!stock || isAvailable(stock) || !asked) return answer;
    const others = items.filter((item) => item !== focus && isAvailable(availability(item)) && item.name);
    if (others.length === 0) return answer;
    const phrase = availabilityPhrase(availability(others[0]) as Field).replace(/ \(.*\)$/, '');
    return `${answer}\nThese ${plural(noun, 2)} are ${phrase}: ${alternativesText(others.slice(0, MAX_ALTERNATIVES))}.`;
  }
  const shown = items.slice(0, MAX_SHOWN);
  const withLinks = shown.length <= MAX_WITH_LINKS;
  const lines = shown.map((item) => `- ${itemLine(item, noun, context, withLinks)}`);
  const more = total > shown.length ? `\n…and ${total - shown.length} more.` : '';
  if (searched && !anyItemHas(items, searched)) {
    const filters = trueFilters(options.input);
    const among = filters.length > 0 ? ` among the ${plural(noun, 2)} ${joinAnd(filters)}` : '';
    const closest = items.slice(0, MAX_WITH_LINKS).map((item) => `- ${itemLine(item, noun, context, false)}`);
    const rest = total > closest.length ? `\n…and ${total - closest.length} more.` : '';
    return `I couldn't find “${searched}”${among}. The closest ${plural(noun, closest.length)} I found:\n${closest.join('\n')}${rest}`;
  }
  const matching = searched ? ` matching “${searched}”` : '';
  const opening = context.question.existence ? 'Yes, I found' : 'I found';
  return `${opening} ${total} ${plural(noun, total)}${matching}:\n${lines.join('\n')}${more}`;
}
