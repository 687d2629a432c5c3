// Misspelt words of a message read as the catalog's own words ("oder" for "order").
import type { CatalogIndex } from './index-catalog.js';
import { MIN_VERB_USES } from './ranking-model.js';
import { editDistance, stemOf } from './read-words.js';
import { loadWordVectors } from './word-vectors.js';

/**
 * How much more common (by its rank among English words) a catalog word must be than an English word
 * one edit from it before the English word counts as a misspelling of it ("oder", rank 18,828, for
 * "order", 424; "last" is not "list").
 */
const MORE_COMMON = 20;

/** The catalog word a misspelt word stands for, when exactly one is close. */
export function correct(word: string, index: CatalogIndex): string | undefined {
  if (word.length < 4) return undefined;
  const vectors = loadWordVectors();
  // A plural is as English as its singular ("spas" is no misspelling of "span").
  const rank =
    vectors?.rows.get(word) ?? (word.endsWith('s') ? vectors?.rows.get(word.slice(0, -1)) : undefined);
  const limit = rank === undefined && word.length >= 8 ? 2 : 1;
  let found: string | undefined;
  for (const candidate of index.vocabulary.get(word[0]) ?? []) {
    if (Math.abs(candidate.length - word.length) > limit || candidate.length < 4) continue;
    if (rank !== undefined) {
      // A word of the English vocabulary is a misspelling only of a far more common word.
      const candidateRank = vectors?.rows.get(candidate);
      if (candidateRank === undefined || candidateRank * MORE_COMMON > rank) continue;
    }
    if (editDistance(word, candidate, limit) <= limit) {
      if (found && stemOf(found) !== stemOf(candidate)) return undefined;
      found = candidate;
    }
  }
  return found;
}

/** Per verb table: the English words of each verb common enough to stand for a request. */
const verbWords = new WeakMap<CatalogIndex['model'], string[]>();

/** The verb table's common verbs as English writes them ("chang": "change", "changed", "changes"). */
function verbWordsOf(index: CatalogIndex): string[] {
  let words = verbWords.get(index.model);
  if (words) return words;
  const common = new Set(
    Object.entries(index.model.verbs)
      .filter(([, [count]]) => count >= MIN_VERB_USES)
      .map(([stem]) => stem),
  );
  // A word starts as its stem does, but for the stem's last letter ("appli": "apply", "applied"):
  // only such words are stemmed (2,000 of the vectors' 30,000; stemming them all took 0.3 s of the
  // first turn with a misspelt verb).
  const starts = new Map<string, string[]>();
  for (const stem of common) {
    const key = stem.slice(0, 3);
    starts.set(key, [...(starts.get(key) ?? []), stem.slice(0, Math.max(3, stem.length - 1))]);
  }
  const startsAsVerb = (word: string) =>
    starts.get(word.slice(0, 3))?.some((start) => word.startsWith(start)) === true;
  words = [...(loadWordVectors()?.rows.keys() ?? [])].filter(
    (word) => word.length >= 4 && startsAsVerb(word) && common.has(stemOf(word)),
  );
  verbWords.set(index.model, words);
  return words;
}

/**
 * The verb a misspelt word stands for, by the corpus's verb table, when exactly one is an edit away
 * ("cancle" for "cancel", where the catalog itself has no cancelling): a word of English is none.
 */
export function correctVerb(word: string, index: CatalogIndex): string | undefined {
  if (word.length < 5 || loadWordVectors()?.rows.has(word) !== false) return undefined;
  let found: string | undefined;
  for (const verb of verbWordsOf(index)) {
    if (Math.abs(verb.length - word.length) > 1 || editDistance(word, verb, 1) > 1) continue;
    if (found && stemOf(found) !== stemOf(verb)) return undefined;
    found ??= verb;
  }
  return found;
}

/** The stem a message word stands for in the catalog: its own, or its correction's when misspelt. */
export function catalogStem(word: string, index: CatalogIndex): string {
  const stem = stemOf(word);
  if (index.idf.has(stem)) return stem;
  const corrected = correct(word, index);
  return corrected ? stemOf(corrected) : (clippedRecord(word, index) ?? stem);
}

/** How long a clipped word must be to stand for a record ("sub", "acct" is no clipping). */
const MIN_CLIPPED = 3;

/**
 * The one record of the catalog whose noun a clipped word begins ("sub id 9b2e…" for subscriptions,
 * "cust 4411" for customers); undefined where none or several do.
 */
function clippedRecord(word: string, index: CatalogIndex): string | undefined {
  if (word.length < MIN_CLIPPED || !/^\p{L}+$/u.test(word)) return undefined;
  let found: string | undefined;
  for (const record of index.records) {
    if (record.length <= word.length || !record.startsWith(word)) continue;
    if (found) return undefined;
    found = record;
  }
  return found;
}
