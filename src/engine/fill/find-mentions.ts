// Finds the values a message names: numbers, emails, URLs, quoted text, identifiers, dates and proper names.
import * as chrono from 'chrono-node';
import { isRequestWord } from '../language/analyze-text.js';
import { STOP_WORDS } from '../language/stop-words.js';
import { type MessageToken, tokenAt } from './tokenize-message.js';

/** What kind of value a mention is. */
export type MentionKind =
  | 'number'
  | 'email'
  | 'url'
  | 'quoted'
  | 'identifier'
  | 'date'
  | 'proper'
  | 'tuple'
  | 'currency';

/** One value found in the message. */
export interface Mention {
  kind: MentionKind;
  /** The text as written (for quoted text: without the quotes). */
  text: string;
  /** The parsed value: a number, a Date, a number list for tuples, else the text. */
  value: unknown;
  /** Character span in the message. */
  start: number;
  end: number;
  /** Token span (inclusive first, exclusive last). */
  first: number;
  last: number;
  /** For numbers: written with a currency sign or word. */
  money?: boolean;
  /** For numbers: written with a percent sign. */
  percent?: boolean;
  /** For numbers: spelled out ("two"), often a count in the phrasing rather than a value. */
  spelled?: boolean;
  /** For the halves of a range: whether the value starts or ends it. */
  role?: 'start' | 'end';
}

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
const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'van', 'von', 'la', 'le', 'the', 'y', '&', 'v', 'vs']);

function span(
  tokens: MessageToken[],
  kind: MentionKind,
  start: number,
  end: number,
  text: string,
  value: unknown,
) {
  return { kind, text, value, start, end, first: tokenAt(tokens, start), last: tokenAt(tokens, end - 1) + 1 };
}

function findNumbers(text: string, tokens: MessageToken[]): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(NUMBER_PATTERN)) {
    const [whole, minus, currency, digits, percent, multiplier] = match;
    const before = text.slice(Math.max(0, match.index - 1), match.index);
    const negative = minus !== undefined && !/[\p{L}\p{N}]/u.test(before);
    let value = Number(digits.replace(/,/g, '')) * (multiplier ? MULTIPLIERS[multiplier.toLowerCase()] : 1);
    if (negative) value = -value;
    const start = negative ? match.index : match.index + (minus?.length ?? 0);
    const after = text.slice(match.index + whole.length, match.index + whole.length + 12);
    const money = currency !== undefined || /^\s?(dollars?|usd|eur|euros?|pounds?|bucks)\b/i.test(after);
    const mention = span(tokens, 'number', start, match.index + whole.length, whole.trim(), value);
    mentions.push({ ...mention, money, percent: percent !== undefined });
  }
  for (const [index, token] of tokens.entries()) {
    const value = NUMBER_WORDS[token.lower];
    if (value === undefined) continue;
    const next = tokens[index + 1]?.lower;
    if ((token.lower === 'second' || token.lower === 'one') && !next) continue;
    mentions.push({ ...span(tokens, 'number', token.start, token.end, token.text, value), spelled: true });
  }
  return mentions;
}

function findQuoted(text: string, tokens: MessageToken[]): Mention[] {
  const pattern = /"([^"]+)"|“([^”]+)”|‘([^’]+)’|`([^`]+)`|(?<![\p{L}\p{N}])'([^']+)'(?![\p{L}\p{N}])/gu;
  return [...text.matchAll(pattern)].map((match) => {
    const inner = match.slice(1).find((group) => group !== undefined) ?? '';
    return span(tokens, 'quoted', match.index + 1, match.index + match[0].length - 1, inner, inner);
  });
}

function findTokenValues(tokens: MessageToken[]): Mention[] {
  const mentions: Mention[] = [];
  for (const [index, token] of tokens.entries()) {
    const make = (kind: MentionKind, value: string, start = token.start) => ({
      kind,
      text: value,
      value,
      start,
      end: token.end,
      first: start === token.start ? index : index - 1,
      last: index + 1,
    });
    if (/^https?:\/\//i.test(token.text)) mentions.push(make('url', token.text));
    else if (/^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(token.text)) mentions.push(make('email', token.text));
    else if (/^[/~]|[\p{L}\p{N}][._/\\*][\p{L}\p{N}]/u.test(token.text) && !/\d/.test(token.text)) {
      // A path, host, file or snake_case name ("/foo/bar", "pg.example.org", "main_db") is a value.
      mentions.push(make('identifier', token.text));
    } else if (/\d/.test(token.text) && /^[#\p{L}\p{N}/~]/u.test(token.text)) {
      const hashed = tokens[index - 1]?.text === '#' && tokens[index - 1].end === token.start;
      if (hashed || /[\p{L}_\-/.:]/u.test(token.text) || token.text.length >= 4) {
        mentions.push(make('identifier', token.text, hashed ? tokens[index - 1].start : token.start));
      }
    }
  }
  return mentions;
}

function findDates(text: string, tokens: MessageToken[]): Mention[] {
  const mentions: Mention[] = [];
  for (const result of chrono.parse(text, new Date(), { forwardDate: true })) {
    const end = result.index + result.text.length;
    const dateValue = (component: chrono.ParsedComponents) => ({
      date: component.date(),
      hasTime: component.isCertain('hour'),
    });
    const separator = result.end
      ? /\s*(?:\bto\b|\buntil\b|\btill\b|\bthrough\b|[-–—])\s*/i.exec(result.text)
      : null;
    if (!result.end || !separator) {
      mentions.push({
        ...span(tokens, 'date', result.index, end, result.text, undefined),
        value: dateValue(result.start),
      });
      continue;
    }
    // A range ("July 10 to July 20") is two values: where it starts and where it ends.
    const middle = result.index + separator.index;
    const first = span(
      tokens,
      'date',
      result.index,
      middle,
      result.text.slice(0, separator.index),
      undefined,
    );
    const second = span(tokens, 'date', middle + separator[0].length, end, '', undefined);
    mentions.push({ ...first, value: dateValue(result.start), role: 'start' });
    mentions.push({
      ...second,
      text: text.slice(second.start, end),
      value: dateValue(result.end),
      role: 'end',
    });
  }
  return mentions;
}

function findTuples(text: string, tokens: MessageToken[]): Mention[] {
  const pattern = /[([]\s*(-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)+)\s*[)\]]/g;
  return [...text.matchAll(pattern)].map((match) =>
    span(
      tokens,
      'tuple',
      match.index,
      match.index + match[0].length,
      match[0],
      match[1].split(',').map(Number),
    ),
  );
}

function isNameWord(token: MessageToken | undefined, sentenceStart: boolean): boolean {
  // Initials such as "D.C" or "U.S" are name words too.
  const initials = token !== undefined && /^(?:\p{Lu}\.)+\p{Lu}$/u.test(token.text);
  if (!token || (!initials && (!token.isWord || !/^\p{Lu}/u.test(token.text)))) return false;
  if (sentenceStart && (STOP_WORDS.has(token.lower) || isRequestWord(token.lower))) return false;
  return !(token.text.length === 1 && token.text === 'I');
}

function findProperNames(tokens: MessageToken[]): Mention[] {
  const mentions: Mention[] = [];
  let index = 0;
  while (index < tokens.length) {
    const sentenceStart = index === 0 || /^[.!?:]$/.test(tokens[index - 1].text);
    if (!isNameWord(tokens[index], sentenceStart) || STOP_WORDS.has(tokens[index].lower)) {
      index++;
      continue;
    }
    let last = index + 1;
    while (
      isNameWord(tokens[last], false) ||
      (CONNECTORS.has(tokens[last]?.lower ?? '') && isNameWord(tokens[last + 1], false))
    ) {
      last += CONNECTORS.has(tokens[last].lower) ? 2 : 1;
    }
    if (tokens[last]?.text === ',' && /^\p{Lu}{2}$/u.test(tokens[last + 1]?.text ?? '')) last += 2;
    // Requests open with a verb ("Mix yellow and blue"): a lone capitalised first word is not a name.
    if (sentenceStart && last === index + 1) {
      index++;
      continue;
    }
    if (
      tokens[last]?.text === '.' &&
      /^\p{Lu}(?:\.\p{Lu})*$/u.test(tokens[last - 1].text) &&
      tokens[last].start === tokens[last - 1].end
    )
      last += 1;
    const start = tokens[index].start;
    const end = tokens[last - 1].end;
    mentions.push({ kind: 'proper', text: '', value: '', start, end, first: index, last });
    index = last;
  }
  return mentions;
}

/** Every value mention in `text`, in order of position (a span may carry several readings). */
export function findMentions(text: string, tokens: MessageToken[]): Mention[] {
  const proper = findProperNames(tokens).map((mention) => {
    const value = text.slice(mention.start, mention.end);
    return { ...mention, text: value, value };
  });
  const mentions = [
    ...findQuoted(text, tokens),
    ...findTokenValues(tokens),
    ...findNumbers(text, tokens),
    ...findDates(text, tokens),
    ...findTuples(text, tokens),
    ...proper,
  ];
  return mentions.sort((left, right) => left.start - right.start || right.end - left.end);
}
