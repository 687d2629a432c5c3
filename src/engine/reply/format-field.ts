// Formats one returned field for a customer: readable labels, dates, prices and stock.
import { splitWords } from '../language/split-words.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ACRONYMS = new Set(['url', 'id', 'sku', 'api', 'eta', 'vat', 'iban', 'pdf']);

/** A field name as words: `trackingUrl` -> `tracking URL`. */
export function labelOf(key: string): string {
  const words = splitWords(key).map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word));
  const label = words.join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A date string as `March 3, 2025` (with the time when one was given). */
export function formatDateText(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const hasTime = /[T ]\d{2}:\d{2}/.test(value);
  return new Intl.DateTimeFormat('en-US', {
    dateStyle: 'long',
    ...(hasTime ? { timeStyle: 'short', timeZone: 'UTC' } : { timeZone: 'UTC' }),
  }).format(date);
}

/** A scalar value as text; undefined for objects and empty values. */
export function formatValue(
  key: string,
  value: unknown,
  record: Record<string, unknown>,
): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (/^(stock|inventory|quantity_?available|available)$/i.test(key))
      return value <= 0 ? 'out of stock' : `${value} in stock`;
    const currency = typeof record.currency === 'string' ? record.currency : undefined;
    if (currency && /price|amount|total|balance|credit|cost/i.test(key))
      return `${value.toFixed(2)} ${currency}`;
    return String(value);
  }
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDateText(value) : value;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(', ');
  return undefined;
}
