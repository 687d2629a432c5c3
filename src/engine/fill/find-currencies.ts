// Currencies named in a message, as ISO 4217 codes: "US dollars" -> USD, "yen" -> JPY, "EUR" -> EUR.
import type { Mention } from './mention.js';
import { type MessageToken, tokenAt } from './tokenize-message.js';

const NAMES: [RegExp, string][] = [
  [/\b(?:us|u\.s\.|american|united states)\s+dollars?\b/i, 'USD'],
  [/\bcanadian\s+dollars?\b/i, 'CAD'],
  [/\baustralian\s+dollars?\b/i, 'AUD'],
  [/\b(?:new zealand|nz)\s+dollars?\b/i, 'NZD'],
  [/\bhong kong\s+dollars?\b/i, 'HKD'],
  [/\bsingapore\s+dollars?\b/i, 'SGD'],
  [/\beuros?\b/i, 'EUR'],
  [/\b(?:british\s+)?pounds?(?:\s+sterling)?\b(?!\s+of)/i, 'GBP'],
  [/\b(?:japanese\s+)?yen\b/i, 'JPY'],
  [/\b(?:chinese\s+)?(?:yuan|renminbi|rmb)\b/i, 'CNY'],
  [/\b(?:indian\s+)?rupees?\b/i, 'INR'],
  [/\b(?:swiss\s+)?francs?\b/i, 'CHF'],
  [/\b(?:mexican\s+)?pesos?\b/i, 'MXN'],
  [/\b(?:south\s+)?korean\s+won\b/i, 'KRW'],
  [/\bbrazilian\s+reals?\b|\breais\b/i, 'BRL'],
  [/\b(?:swedish\s+)?krona\b|\bkronor\b/i, 'SEK'],
  [/\bdollars?\b/i, 'USD'],
];
const CODES = new Set([
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'INR',
  'CHF',
  'CAD',
  'AUD',
  'NZD',
  'HKD',
  'SGD',
  'MXN',
  'KRW',
  'BRL',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'ZAR',
  'RUB',
  'TRY',
  'THB',
  'VND',
]);

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/** Currencies without minor units: an amount in their smallest unit is the amount itself (ISO 4217). */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);

/** A description that says its amount is counted in the currency's smallest unit ("in cents"). */
const MINOR_UNITS =
  /smallest (?:currency )?(?:unit|denomination)|minor units?|\bin cents\b|\(cents|cents for|\bin pence\b/i;

/**
 * `amount` as an input whose description is `description` takes it: in the currency's smallest unit
 * when the description says so ($12.50 -> 1250, ¥500 -> 500), else as written.
 */
export function toInputAmount(amount: number, description: string, currency: string | undefined): number {
  if (!MINOR_UNITS.test(description) || (currency && ZERO_DECIMAL.has(currency))) return amount;
  return Math.round(amount * 100);
}

/** The code of a currency symbol (`$` -> USD), undefined for none. */
export function currencyOfSymbol(symbol: string): string | undefined {
  return SYMBOLS[symbol];
}

/** Currency mentions (kind `currency`, value the code), for parameters that take a currency. */
export function findCurrencies(text: string, tokens: MessageToken[]): Mention[] {
  const mentions: Mention[] = [];
  const taken: [number, number][] = [];
  const add = (start: number, end: number, code: string) => {
    if (taken.some(([from, to]) => start < to && end > from)) return;
    taken.push([start, end]);
    mentions.push({
      kind: 'currency',
      text: text.slice(start, end),
      value: code,
      start,
      end,
      first: tokenAt(tokens, start),
      last: tokenAt(tokens, end - 1) + 1,
    });
  };
  for (const token of tokens) if (CODES.has(token.text)) add(token.start, token.end, token.text);
  for (const [pattern, code] of NAMES) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'gi')))
      add(match.index, match.index + match[0].length, code);
  }
  return mentions.sort((left, right) => left.start - right.start);
}
