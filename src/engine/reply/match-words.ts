// How much of a field's name a question (or an operation's summary) speaks of: shared stems, shared
// concepts of the synonym table, a few abbreviations of API field names, and close word vectors.
import { loadWordVectors, similarity } from '../../tools/index.js';
import { splitWords } from '../language/split-words.js';
import { stemWord } from '../language/stem-word.js';
import { isStopWord } from '../language/stop-words.js';
import { conceptOf } from '../language/synonyms.js';

// Spellings API field names use for one idea: `trackingUrl` is the tracking link a customer asks for.
const FIELD_ALIASES: string[][] = [
  ['url', 'link', 'href', 'uri', 'website', 'page'],
  ['qty', 'quantity'],
  ['addr', 'address'],
  ['tel', 'phone'],
  ['desc', 'description'],
  ['amt', 'amount'],
  // "When will it arrive?" asks for the estimated delivery.
  ['eta', 'arrival', 'arrive', 'delivery', 'deliver'],
  ['dob', 'birthday'],
];
const aliasOf = new Map<string, string>();
for (const group of FIELD_ALIASES) for (const word of group) aliasOf.set(stemWord(word), `alias:${group[0]}`);

/** Words of a field name that say little about what it holds: they count for less. */
const GENERIC_FIELD_WORDS = new Set([
  'id',
  'number',
  'no',
  'num',
  'code',
  'date',
  'time',
  'value',
  'type',
  'info',
  'data',
  'details',
  'text',
  'is',
  'has',
  'at',
  'on',
]);

/** The terms a word stands for: its stem, its concept, and an alias group. */
export function termsOfWord(word: string): string[] {
  const stem = stemWord(word);
  const terms = [stem, conceptOf(stem)];
  const alias = aliasOf.get(stem);
  if (alias) terms.push(alias);
  return terms;
}

/** The terms of every content word of `text`. */
export function termsOfText(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of splitWords(text)) {
    if (isStopWord(word)) continue;
    for (const term of termsOfWord(word)) terms.add(term);
  }
  return terms;
}

/**
 * The stems (and abbreviation groups) of the content words of `text`, without the synonym table's
 * concepts: for cue words, where "placed" must not meet "place" as a location.
 */
export function stemsOfText(text: string): Set<string> {
  return stemsOfWords(splitWords(text));
}

/** `stemsOfText` for words already split and lower case (a field's `words`). */
export function stemsOfWords(words: Iterable<string>): Set<string> {
  const terms = new Set<string>();
  for (const word of words) {
    if (isStopWord(word)) continue;
    const stem = stemWord(word);
    terms.add(stem);
    const alias = aliasOf.get(stem);
    if (alias) terms.add(alias);
  }
  return terms;
}

/** The words of a field name, lower case (`estimatedDelivery` -> estimated, delivery). */
export function fieldWords(key: string): string[] {
  return splitWords(key).filter((word) => !/^\d+$/.test(word));
}

const VECTOR_THRESHOLD = 0.7;
const VECTOR_CREDIT = 0.6;

function vectorMatch(word: string, against: readonly string[]): boolean {
  const vectors = loadWordVectors();
  const row = vectors?.rows.get(word);
  if (!vectors || row === undefined) return false;
  for (const other of against) {
    const otherRow = vectors.rows.get(other);
    if (otherRow !== undefined && similarity(vectors, row, otherRow) >= VECTOR_THRESHOLD) return true;
  }
  return false;
}

/**
 * The share (0 to 1) of a field's words that `terms` speak of, generic words counting a third. With
 * `words` (the raw words behind `terms`), a field word with a close word vector counts in part.
 */
export function matchShare(terms: Set<string>, field: readonly string[], words?: readonly string[]): number {
  let total = 0;
  let matched = 0;
  for (const word of field) {
    const weight = GENERIC_FIELD_WORDS.has(word) ? 1 / 3 : 1;
    total += weight;
    if (termsOfWord(word).some((term) => terms.has(term))) matched += weight;
    else if (words && weight === 1 && vectorMatch(word, words)) matched += weight * VECTOR_CREDIT;
  }
  return total === 0 ? 0 : matched / total;
}
