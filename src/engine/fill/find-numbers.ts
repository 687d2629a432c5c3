// Numbers in a message: digits with signs, currency, percent and multipliers ("$1.2 million"), and
// spelled-out counts ("two").
import { type Mention, span } from './mention.js';
import type { MessageToken } from './tokenize-message.js';

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  single: 1,
  once: 1,
  twice: 2,
  first: 1,
  second: 2,
  third: 3,
};
/** Words that count occurrences ("charged twice"): how often, never how much. */
const FREQUENCY = new Set(['once', 'twice']);
const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
};
const NUMBER_PATTERN =
  /(?<![\p{L}\p{N}_.\-/])(-|−)?([$€£¥])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(%)?(?:\s?(thousand|million|billion|bn|k)\b)?(?![\p{N}]|[.,]\d)/giu;

/** Words of a message that speaks of temperature, where a number's "K" is kelvin. */
const TEMPERATURE = /\btemperature|\bkelvin|\bthermal|\bheat\b/i;

/** The units a length of time is counted in ("10 days", "3 weeks", "a month"). */
export const TIME_UNIT = '(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|nights?|weeks?|months?|years?)';
/** A unit of time after a number. */
const DURATION_UNIT = new RegExp(`^\\s?(${TIME_UNIT})\\b`, 'i');
/** Each unit of time by the ways it is written. */
const UNIT_NAMES: [RegExp, string][] = [
  [/^sec/, 'second'],
  [/^min/, 'minute'],
  [/^h/, 'hour'],
  [/^d/, 'day'],
  [/^n/, 'night'],
  [/^w/, 'week'],
  [/^mo/, 'month'],
  [/^y/, 'year'],
];

/** The unit of time a number counts ("10 days" -> "day"), if any. */
function durationUnit(after: string): string | undefined {
  const written = DURATION_UNIT.exec(after)?.[1].toLowerCase();
  return written === undefined ? undefined : UNIT_NAMES.find(([form]) => form.test(written))?.[1];
}

/** The numbers of `text`. */
export function findNumbers(text: string, tokens: MessageToken[]): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(NUMBER_PATTERN)) {
    const [whole, minus, currency, digits, percent, multiplier] = match;
    const before = text.slice(Math.max(0, match.index - 1), match.index);
    const negative = minus !== undefined && !/[\p{L}\p{N}]/u.test(before);
    // "298K" where the message speaks of temperature is kelvin, not thousands.
    const kelvin =
      multiplier === 'K' &&
      currency === undefined &&
      !/\s$/.test(whole.slice(0, -1)) &&
      TEMPERATURE.test(text);
    let value =
      Number(digits.replace(/,/g, '')) * (multiplier && !kelvin ? MULTIPLIERS[multiplier.toLowerCase()] : 1);
    if (negative) value = -value;
    const start = negative ? match.index : match.index + (minus?.length ?? 0);
    const after = text.slice(match.index + whole.length, match.index + whole.length + 12);
    const money = currency !== undefined || /^\s?(dollars?|usd|eur|euros?|pounds?|bucks)\b/i.test(after);
    const mention = span(tokens, 'number', start, match.index + whole.length, whole.trim(), value);
    const duration = !money && percent === undefined ? durationUnit(after) : undefined;
    mentions.push({ ...mention, money, percent: percent !== undefined, ...(duration ? { duration } : {}) });
  }
  for (const [index, token] of tokens.entries()) {
    const value = NUMBER_WORDS[token.lower];
    if (value === undefined) continue;
    const next = tokens[index + 1]?.lower;
    if ((token.lower === 'second' || token.lower === 'one') && !next) continue;
    mentions.push({
      ...span(tokens, 'number', token.start, token.end, token.text, value),
      spelled: true,
      ...(FREQUENCY.has(token.lower) ? { times: true } : {}),
    });
  }
  return mentions;
}
