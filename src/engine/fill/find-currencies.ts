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
  /smallest (?:currency )?(?:unit|denomination)|minor units?|\bin [_*]?cents\b|\(cents|cents for|\bin pence\b/i;

/**
 * `amount` as an input whose description is `description` takes it: in the currency's smallest unit
 * when the description says so ($12.50 -> 1250, ¥500 -> 500), else as written.
 */
export function toInputAmount(amount: number, description: string, currency: string | undefined): number {
  if (!MINOR_UNITS.test(description) || (currency && ZERO_DECIMAL.has(currency))) return amount;
  return Math.round(amount * 100);
}

/** The name of an input that takes an amount of money (`amount`, `unit_amount`, `amount_off`). */
const MONEY_AMOUNT_NAME = /amount/i;

/** A description that counts its amount in whole units of the currency. */
const MAJOR_UNITS =
  /\b(?:in|of) (?:whole )?(?:dollars|euros|pounds|major units?)\b|\bdecimal (?:amount|value)\b/i;

/**
 * Whether a catalog counts its money in the smallest unit: at least three of its integer amount inputs
 * say so and none says it counts whole units (Stripe's refund `amount` is "A positive integer
 * representing how much to refund": the API's other amounts say they are in cents).
 */
export function countsInMinorUnits(inputSchemas: Iterable<unknown>): boolean {
  let minor = 0;
  let major = 0;
  const visit = (schema: unknown, depth: number) => {
    if (!schema || typeof schema !== 'object' || depth > 2) return;
    const properties = (schema as { properties?: unknown }).properties;
    if (!properties || typeof properties !== 'object') return;
    for (const [name, property] of Object.entries(properties as Record<string, unknown>)) {
      if (!property || typeof property !== 'object') continue;
      const { type, description } = property as { type?: unknown; description?: unknown };
      if (type === 'integer' && MONEY_AMOUNT_NAME.test(name)) {
        if (typeof description !== 'string') continue;
        if (MINOR_UNITS.test(description)) minor++;
        else if (MAJOR_UNITS.test(description)) major++;
      } else visit(property, depth + 1);
    }
  };
  for (const schema of inputSchemas) visit(schema, 0);
  return minor >= 3 && major === 0;
}

/** An integer amount input read in the smallest unit where its catalog counts money so (see above). */
export function inMinorUnits<
  Parameter extends { name: string; type: string | undefined; description: string },
>(parameter: Parameter): Parameter {
  if (
    parameter.type !== 'integer' ||
    !MONEY_AMOUNT_NAME.test(parameter.name) ||
    MINOR_UNITS.test(parameter.description)
  )
    return parameter;
  return { ...parameter, description: `${parameter.description} In the currency's smallest unit.`.trim() };
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
