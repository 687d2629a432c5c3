// Formats returned values for a customer: readable labels, dates as written (no time-zone shift),
// money with its currency, opening-time ranges, enum values as words, lists joined as English does.
import { splitWords } from '../language/split-words.js';

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const ACRONYMS = new Set(['url', 'id', 'sku', 'api', 'eta', 'vat', 'iban', 'pdf', 'sms', 'utc']);

/** A field name as lower-case words for the middle of a sentence: `estimatedDelivery` -> `estimated delivery`. */
export function phraseOf(key: string): string {
  return splitWords(key)
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(' ');
}

/** Whether `value` is an ISO 8601 date or date-time. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value.trim());
}

const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

function clock(hours: number, minutes: number): string {
  const suffix = hours >= 12 ? 'PM' : 'AM';
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return minutes === 0 ? `${hour} ${suffix}` : `${hour}:${String(minutes).padStart(2, '0')} ${suffix}`;
}

/**
 * A date as `November 27, 2026`, a date-time as `November 2, 2026 at 9:06 AM UTC`: the wall-clock
 * time as the API wrote it, with its offset named, never shifted into the server's zone.
 */
export function formatDateText(value: string): string {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return value;
  const [, year, month, day, hours, minutes, zone] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (Number.isNaN(date.getTime())) return value;
  const dayText = dayFormat.format(date);
  if (hours === undefined) return dayText;
  const zoneText =
    zone === undefined
      ? ''
      : /^(?:Z|[+-]00:?00)$/.test(zone)
        ? ' UTC'
        : ` (UTC${zone.replace(/(\d{2})(\d{2})$/, '$1:$2')})`;
  return `${dayText} at ${clock(Number(hours), Number(minutes))}${zoneText}`;
}

/** An epoch timestamp (seconds or milliseconds) as a date-time, or undefined when it is none. */
export function formatEpoch(value: number): string | undefined {
  const ms = value >= 1e12 && value < 1e13 ? value : value >= 1e9 && value < 1e10 ? value * 1000 : undefined;
  if (ms === undefined) return undefined;
  return formatDateText(new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z'));
}

const TIME_RANGE = /^(\d{1,2}):(\d{2})\s*(?:-|–|to)\s*(\d{1,2}):(\d{2})$/;

/** `10:00-19:00` as `10 AM to 7 PM`; other text unchanged. */
export function formatTimeRange(value: string): string {
  const match = TIME_RANGE.exec(value.trim());
  if (!match) return value;
  const [, fromHours, fromMinutes, toHours, toMinutes] = match.map(Number);
  return `${clock(fromHours, fromMinutes)} to ${clock(toHours, toMinutes)}`;
}

/** Whether a text is a time range such as `10:00-19:00`. */
export function isTimeRange(value: string): boolean {
  return TIME_RANGE.test(value.trim());
}

/** Currency formats by code, built once each (building one costs more than formatting a list). */
const currencyFormats = new Map<string, Intl.NumberFormat | null>();
/** Codes kept: ISO 4217 has fewer than 200, so a field with made-up codes cannot grow it past this. */
const MAX_CURRENCY_FORMATS = 256;

function currencyFormat(currency: string): Intl.NumberFormat | null {
  let format = currencyFormats.get(currency);
  if (format !== undefined) return format;
  try {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  } catch {
    format = null;
  }
  if (currencyFormats.size < MAX_CURRENCY_FORMATS) currencyFormats.set(currency, format);
  return format;
}

/** An amount in a currency: `$189.00`, `€49.90`; `189.00 XYZ` for a code Intl does not know; `189.00` without one. */
export function formatMoney(amount: number, currency: string | undefined): string {
  if (currency) {
    const format = currencyFormat(currency);
    // Intl puts a no-break space after a code (`CHF 12.50`); plain text reads a plain space.
    return format ? format.format(amount).replace(/\u00a0/g, ' ') : `${amount.toFixed(2)} ${currency}`;
  }
  return Number.isInteger(amount) ? amount.toFixed(2) : String(Math.round(amount * 100) / 100);
}

/**
 * An enum-like value as words: `out_for_delivery` -> `out for delivery`, `IN_TRANSIT` -> `in transit`,
 * `in-transit` and `inTransit` too. Names, codes and acronyms (`Jean-Luc`, `INV-2026-001`, `UPS`) stay.
 */
export function humanizeValue(value: string): string {
  const enumLike =
    /^[A-Za-z]+(?:_[A-Za-z]+)+$/.test(value) ||
    /^[a-z]+(?:-[a-z]+)+$/.test(value) ||
    /^[a-z]+(?:[A-Z][a-z]+)+$/.test(value);
  return enumLike ? splitWords(value).join(' ') : value;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ends a sentence with a full stop unless it already ends with punctuation or a link. */
export function endSentence(text: string): string {
  const trimmed = text.trim();
  if (/[.!?…:]$/.test(trimmed) || /https?:\/\/\S+$/.test(trimmed)) return trimmed;
  return `${trimmed}.`;
}
