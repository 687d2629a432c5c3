// How one returned field reads in a sentence: a scalar formatted for its role, a stock level, the
// verb of a date field ("was paid on"), a link's label, a nested list in one phrase.
import {
  formatDateText,
  formatEpoch,
  formatMoney,
  formatTimeRange,
  humanizeValue,
  isTimeRange,
  joinAnd,
  phraseOf,
} from './format-field.js';
import { fieldWords } from './match-words.js';
import { type Field, isRecord, readFields } from './read-fields.js';
import { isParticiple } from './status-words.js';

const DATE_ENDINGS = new Set(['at', 'on', 'date', 'time', 'timestamp', 'datetime']);
const LINK_WORDS = new Set(['url', 'link', 'href', 'uri']);
const QUANTITY_WORDS = new Set(['quantity', 'qty', 'count']);
const MAX_LISTED = 3;

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

/** The verb phrase of a date field: `was paid on`, `is due on`, `expires on`; undefined for a plain label. */
export function dateVerb(field: Field): string | undefined {
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
export function linkLabel(field: Field): string {
  return phraseOf(field.key)
    .split(' ')
    .filter((word) => !LINK_WORDS.has(word.toLowerCase()))
    .join(' ');
}

/** A list of objects in one phrase: `Leather Tote Bag (2) and Slim Wallet`, or `3` when they have no names. */
export function summarizeRecords(list: unknown[]): string {
  const names = list.map((item) => {
    if (!isRecord(item)) return undefined;
    const fields = readFields(item);
    // Its name, else its first plain text (`roomType: "Sea view double"`).
    const name =
      fields.find((field) => field.role === 'name' && field.depth === 0) ??
      fields.find((field) => field.role === 'text' && field.depth === 0 && !field.personal);
    if (!name) return undefined;
    const quantity = fields.find(
      (field) => typeof field.value === 'number' && field.words.some((word) => QUANTITY_WORDS.has(word)),
    )?.value as number | undefined;
    return quantity !== undefined && quantity > 1 ? `${name.value} (${quantity})` : String(name.value);
  });
  if (names.some((name) => name === undefined)) return `${list.length}`;
  const shown = names.slice(0, MAX_LISTED) as string[];
  if (list.length > MAX_LISTED) shown.push(`${list.length - MAX_LISTED} more`);
  return joinAnd(shown);
}
