// Re-ranks the passages the full-text index found for a question, the same way on both databases:
// how much of the question's meaning each passage holds (words weighted by how rare they are among
// the property's passages; stems, synonyms, corrected spellings and derived forms count), whether
// its title says it, whether the question's phrases recur in it.
import type { KnowledgePassage } from '../store/index.js';
import { isContentWord, loadWordVectors, splitWords, stemOf } from '../tools/index.js';
import type { AnalyzedQuestion, QuestionTerm } from './analyze-question.js';
import { PASSAGE_TARGET_WORDS } from './split-passages.js';
import { normalizePhrases, synonymGroupOf } from './synonyms.js';

/** A passage with its scores. */
export interface RankedPassage extends KnowledgePassage {
  /**
   * 0 to 1: the share of the question's meaning (its topic words, weighted by rarity) the passage
   * holds. The search's threshold and the engine's choice read it.
   */
  relevance: number;
  /** The ranking's score (relevance, then title, phrase and frequency evidence); orders passages only. */
  score: number;
}

/** What ranking reads besides the passages. */
export interface RankPassagesOptions {
  question: AnalyzedQuestion;
  passages: KnowledgePassage[];
  /** Passages of the property holding each stem, and all of them. */
  termCounts: { total: number; counts: Map<string, number> };
  /** Spelling corrections by the stem of a word no passage holds: the stem it was corrected to. */
  corrections?: Map<string, string>;
}

/** How much each kind of match is worth, against the word itself. */
const MATCH = { exact: 1, corrected: 0.85, synonym: 0.75, derived: 0.7 } as const;
/**
 * A word no passage of the property holds weighs this much of the rarest word's weight: from
 * `ABSENT_WEIGHT.common` for the most frequent English words ("week", "little": the customer's story)
 * to 1 for rare ones and words English lists lack ("parking", "bitcoin": what the question is about).
 */
const ABSENT_WEIGHT = { common: 0.35, commonRank: 300, rareRank: 8_000 } as const;
/** Frame words weigh this much in the title evidence, and nothing in the relevance. */
const FRAME_WEIGHT = 0.3;
const SUFFIXES = /^(?:s|es|e|i|y|al|er|or|ion|ation|ment|ing|ive|able|ible|ance|ence|eri|ery|ure|ship)$/;
const LEAD_BONUS = 0.1;
/** A lead passage shorter than this is an introduction, not a summary. */
const LEAD_MIN_WORDS = 25;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

interface WordForms {
  stem: string;
  group: string | undefined;
}

const forms = new Map<string, WordForms>();

function formsOf(word: string): WordForms {
  let known = forms.get(word);
  if (!known) {
    const stem = stemOf(word);
    known = { stem, group: synonymGroupOf(stem) };
    // Passages repeat their words; the cap only bounds memory against unbounded input.
    if (forms.size > 200_000) forms.clear();
    forms.set(word, known);
  }
  return known;
}

/** Whether one stem is the other with a derivational ending (`ship`/`shipment`, `pay`/`payment`). */
function derives(left: string, right: string): boolean {
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  if (short.length < 3 || short === long || !long.startsWith(short)) return false;
  return short.length >= 5 || SUFFIXES.test(long.slice(short.length));
}

interface PassageWords {
  /** Stem -> occurrences in the text. */
  body: Map<string, number>;
  /** Stems of title and heading. */
  title: Set<string>;
  /** Synonym groups of the text's words, and of the title's. */
  groups: Set<string>;
  titleGroups: Set<string>;
  /** Pairs of adjacent content stems of the text, `left right` (for phrases). */
  adjacent: Set<string>;
  length: number;
}

/**
 * Passages already read, by id: a search re-ranks the passages its question's words find, the same
 * ones for the same topic turn after turn, and reading one (phrases, words, stems, synonym groups)
 * costs more than ranking it. Kept with the text they were read from, which a re-read source changes.
 */
const readPassages = new Map<number, { passage: KnowledgePassage; words: PassageWords }>();
/** Passages kept at most; the map starts over past it (only memory is at stake). */
const MAX_READ_PASSAGES = 2000;

function readPassageOnce(passage: KnowledgePassage): PassageWords {
  const known = readPassages.get(passage.id);
  if (
    known &&
    known.passage.text === passage.text &&
    known.passage.title === passage.title &&
    known.passage.heading === passage.heading
  )
    return known.words;
  const words = readPassage(passage);
  if (readPassages.size >= MAX_READ_PASSAGES) readPassages.clear();
  readPassages.set(passage.id, { passage, words });
  return words;
}

function readPassage(passage: KnowledgePassage): PassageWords {
  const read: PassageWords = {
    body: new Map(),
    title: new Set(),
    groups: new Set(),
    titleGroups: new Set(),
    adjacent: new Set(),
    length: 0,
  };
  let previous: string | undefined;
  for (const word of splitWords(normalizePhrases(`${passage.title} ${passage.heading}`))) {
    if (!isContentWord(word)) continue;
    const { stem, group } = formsOf(word);
    read.title.add(stem);
    if (group) read.titleGroups.add(group);
  }
  for (const word of splitWords(normalizePhrases(passage.text))) {
    read.length++;
    if (!isContentWord(word)) continue;
    const { stem, group } = formsOf(word);
    read.body.set(stem, (read.body.get(stem) ?? 0) + 1);
    if (group) read.groups.add(group);
    if (previous !== undefined) read.adjacent.add(`${previous} ${stem}`);
    previous = stem;
  }
  return read;
}

/** How well `term` matches the passage (0 to 1) and whether in its title or heading. */
function matchTerm(term: QuestionTerm, words: PassageWords, corrected: string | undefined) {
  const inTitle = (stem: string) => words.title.has(stem);
  if (inTitle(term.stem) || words.body.has(term.stem))
    return { value: MATCH.exact, title: inTitle(term.stem), tf: words.body.get(term.stem) ?? 0 };
  if (corrected && (inTitle(corrected) || words.body.has(corrected)))
    return { value: MATCH.corrected, title: inTitle(corrected), tf: words.body.get(corrected) ?? 0 };
  const { group } = term;
  if (group && (words.groups.has(group) || words.titleGroups.has(group)))
    return { value: MATCH.synonym, title: words.titleGroups.has(group), tf: 1 };
  for (const stem of words.title)
    if (derives(term.stem, stem)) return { value: MATCH.derived, title: true, tf: 1 };
  for (const [stem, tf] of words.body)
    if (derives(term.stem, stem)) return { value: MATCH.derived, title: false, tf };
  return { value: 0, title: false, tf: 0 };
}

/** The weight of a word no passage holds, by how common it is in English (the word vectors' order). */
function absentWeight(word: string): number {
  const rank = loadWordVectors()?.rows.get(word);
  if (rank === undefined) return 1;
  const { common, commonRank, rareRank } = ABSENT_WEIGHT;
  const share = (Math.log(rank + 1) - Math.log(commonRank)) / (Math.log(rareRank) - Math.log(commonRank));
  return common + (1 - common) * Math.min(1, Math.max(0, share));
}

/** Inverse document frequency over the property's passages (a stem no passage holds counts as in half of one). */
function idfOf(count: number | undefined, total: number): number {
  const documents = Math.max(total, 1);
  const holding = count ?? 0;
  return Math.log(1 + (documents - holding + 0.5) / (holding + 0.5));
}

/** The share of adjacent topic-word pairs of the question that stand adjacent in the passage too. */
function phraseShare(terms: QuestionTerm[], adjacent: Set<string>): number {
  const pairs: [string, string][] = [];
  for (let index = 1; index < terms.length; index++) pairs.push([terms[index - 1].stem, terms[index].stem]);
  if (pairs.length === 0) return 0;
  return pairs.filter(([left, right]) => adjacent.has(`${left} ${right}`)).length / pairs.length;
}

/** Scores every passage for the question, best first. */
export function rankPassages(options: RankPassagesOptions): RankedPassage[] {
  const { question, termCounts } = options;
  const topic = question.terms.filter((term) => !term.frame);
  // A question made only of frame words ("what are your policies?") is about them.
  const scored = topic.length > 0 ? topic : question.terms;
  const frames = topic.length > 0 ? question.terms.filter((term) => term.frame) : [];
  const maxIdf = idfOf(0, termCounts.total);
  const weightOf = (term: QuestionTerm) => {
    const corrected = options.corrections?.get(term.stem);
    const count = termCounts.counts.get(corrected ?? term.stem);
    return count === undefined ? maxIdf * absentWeight(term.word) : idfOf(count, termCounts.total);
  };
  const weights = scored.map(weightOf);
  const frameWeights = frames.map((term) => weightOf(term) * FRAME_WEIGHT);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const titleTotal = total + frameWeights.reduce((sum, weight) => sum + weight, 0);
  const ranked = options.passages.map((passage): RankedPassage => {
    if (total === 0) return { ...passage, relevance: 0, score: 0 };
    const words = readPassageOnce(passage);
    let covered = 0;
    let titled = 0;
    let frequency = 0;
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * words.length) / PASSAGE_TARGET_WORDS);
    for (const [index, term] of scored.entries()) {
      const match = matchTerm(term, words, options.corrections?.get(term.stem));
      covered += weights[index] * match.value;
      if (match.title) titled += weights[index] * match.value;
      frequency += (weights[index] * match.value * match.tf) / (match.tf + norm);
    }
    for (const [index, term] of frames.entries()) {
      const match = matchTerm(term, words, undefined);
      if (match.title) titled += frameWeights[index] * match.value;
    }
    const relevance = covered / total;
    // A document's first passage usually states what the rest details (a policy before its steps).
    const lead = passage.position === 0 && words.length >= LEAD_MIN_WORDS ? LEAD_BONUS : 0;
    const score =
      relevance +
      0.3 * (titled / titleTotal) +
      0.15 * phraseShare(scored, words.adjacent) +
      0.15 * (frequency / total) +
      lead;
    return { ...passage, relevance: Math.round(relevance * 1000) / 1000, score };
  });
  return ranked.sort((left, right) => right.score - left.score || left.id - right.id);
}
