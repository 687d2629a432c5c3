// Finds the values a message names: numbers, emails, phone numbers, URLs, quoted text, identifiers, dates
// and proper names.
import { PHONE } from '../../tools/index.js';
import { isRequestWord } from '../language/analyze-text.js';
import { STOP_WORDS } from '../language/stop-words.js';
import { findDates } from './find-dates.js';
import { findNumbers } from './find-numbers.js';
import { type Mention, type MentionKind, span } from './mention.js';
import type { MessageToken } from './tokenize-message.js';

const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'van', 'von', 'la', 'le', 'the', 'y', '&', 'v', 'vs']);

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
  // "I", and its contractions ("I've", "I'm"), name the customer, not a thing.
  return !/^I(?:['’](?:ve|m|ll|d))?$/.test(token.text);
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
export function findMentions(text: string, tokens: MessageToken[], now?: Date): Mention[] {
  const proper = findProperNames(tokens).map((mention) => {
    const value = text.slice(mention.start, mention.end);
    return { ...mention, text: value, value };
  });
  const phones = [...text.matchAll(PHONE)].map((match) =>
    span(tokens, 'phone', match.index, match.index + match[0].length, match[0], match[0]),
  );
  // The groups of a phone number are neither numbers nor ids of their own.
  const inPhone = (mention: Mention) =>
    phones.some((phone) => mention.start >= phone.start && mention.end <= phone.end);
  const mentions = [
    ...phones,
    ...[
      ...findQuoted(text, tokens),
      ...findTokenValues(tokens),
      ...findNumbers(text, tokens),
      ...findDates(text, tokens, now),
      ...findTuples(text, tokens),
      ...proper,
    ].filter((mention) => !inPhone(mention)),
  ];
  return mentions.sort((left, right) => left.start - right.start || right.end - left.end);
}
