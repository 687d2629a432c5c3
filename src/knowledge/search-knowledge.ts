// Answers "which passages of these sources answer this question": the question's words (spelling
// corrected against the property's own words, widened with synonyms) go to the database's full-text
// index for candidates, which are re-ranked here and cut at a relevance threshold, so a question no
// source covers finds nothing.
import type { KnowledgeRepository } from '../store/index.js';
import { loadWordVectors, stemOf } from '../tools/index.js';
import { type AnalyzedQuestion, analyzeQuestion } from './analyze-question.js';
import { type RankedPassage, rankPassages } from './rank-passages.js';
import { searchWordsOf } from './synonyms.js';

/** What to search. */
export interface SearchKnowledgeOptions {
  /** The store's knowledge repository (or anything with its two reads). */
  repository: Pick<KnowledgeRepository, 'countTerms' | 'searchPassages'>;
  propertyId: string;
  /** The sources switched on for the agent. */
  sourceIds: string[];
  question: string;
  /** Passages returned at most. Default 3. */
  limit?: number;
  /** Passages below this relevance are not returned. Default `MIN_RELEVANCE`. */
  minRelevance?: number;
}

/** The passages found, best first. */
export interface KnowledgeSearchResult {
  passages: RankedPassage[];
  /** Candidates the full-text index returned before the threshold. */
  candidates: number;
}

/** The share of a question's meaning a passage must hold to be returned. */
export const MIN_RELEVANCE = 0.5;
/** Candidates the full-text index is asked for. */
const CANDIDATES = 50;
/**
 * A word more than this share of the passages hold (and more than `least` of them: small collections
 * ask every word) is not asked of the full-text index; matching thousands of passages only costs.
 */
const COMMON_WORD = { share: 0.05, least: 300 } as const;
/** The same for asking a word's beginning (prefix queries cost more). */
const COMMON_PREFIX = { share: 0.02, least: 150 } as const;
/** Passages of one document returned at most. */
const PER_DOCUMENT = 2;

/** The words one edit away from `word` (deletion, transposition, substitution, insertion). */
function oneEditAway(word: string): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const edits = new Set<string>();
  for (let index = 0; index <= word.length; index++) {
    const head = word.slice(0, index);
    const tail = word.slice(index);
    if (tail) edits.add(head + tail.slice(1));
    if (tail.length > 1) edits.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of letters) {
      if (tail) edits.add(head + letter + tail.slice(1));
      edits.add(head + letter + tail);
    }
  }
  edits.delete(word);
  return [...edits];
}

/** Misspelt words (no passage holds them, nor do English word lists): their one-edit neighbours by stem. */
function spellingCandidates(
  question: AnalyzedQuestion,
  counts: Map<string, number>,
): Map<string, Map<string, string>> {
  const vectors = loadWordVectors();
  const candidates = new Map<string, Map<string, string>>();
  for (const term of question.terms) {
    if (counts.has(term.stem) || term.word.length < 4 || !/^[a-z]+$/.test(term.word)) continue;
    if (vectors?.rows.has(term.word)) continue;
    const byStem = new Map<string, string>();
    for (const edit of oneEditAway(term.word)) if (!byStem.has(stemOf(edit))) byStem.set(stemOf(edit), edit);
    candidates.set(term.stem, byStem);
  }
  return candidates;
}

/** Searches the sources for the passages answering `question`. */
export async function searchKnowledge(options: SearchKnowledgeOptions): Promise<KnowledgeSearchResult> {
  const question = analyzeQuestion(options.question);
  if (question.terms.length === 0 || options.sourceIds.length === 0) return { passages: [], candidates: 0 };
  const topic = question.terms.some((term) => !term.frame)
    ? question.terms.filter((term) => !term.frame)
    : question.terms;
  const synonymStems = new Map(
    topic.flatMap((term) => term.synonyms.map((word) => [stemOf(word), word] as const)),
  );
  const termCounts = await options.repository.countTerms(options.propertyId, [
    ...question.terms.map((term) => term.stem),
    ...synonymStems.keys(),
  ]);
  // Only words no passage holds are looked up again as one-edit neighbours (a second, rarer query).
  const misspelt = spellingCandidates(question, termCounts.counts);
  if (misspelt.size > 0) {
    const neighbours = await options.repository.countTerms(
      options.propertyId,
      [...misspelt.values()].flatMap((byStem) => [...byStem.keys()]),
    );
    for (const [stem, count] of neighbours.counts) termCounts.counts.set(stem, count);
  }
  const corrections = new Map<string, string>();
  const words = new Set(topic.flatMap((term) => searchWordsOf(term.word)));
  for (const [stem, byStem] of misspelt) {
    let best: [string, number] | undefined;
    for (const candidate of byStem.keys()) {
      const count = termCounts.counts.get(candidate) ?? 0;
      if (count > (best?.[1] ?? 0)) best = [candidate, count];
    }
    if (!best) continue;
    corrections.set(stem, best[0]);
    words.add(byStem.get(best[0]) as string);
  }
  for (const [stem, word] of synonymStems) if (termCounts.counts.has(stem)) words.add(word);
  // Words most passages hold find no candidates worth ranking, only work: the index is asked for the
  // rarer ones (the rarest word when every one is common), the ranking still weighs them all.
  const countOf = (word: string) => termCounts.counts.get(corrections.get(stemOf(word)) ?? stemOf(word)) ?? 0;
  const rare = (word: string, common: { share: number; least: number }) =>
    countOf(word) <= Math.max(common.least, termCounts.total * common.share);
  const asked = [...words].filter((word) => rare(word, COMMON_WORD));
  if (asked.length === 0 && words.size > 0)
    asked.push([...words].reduce((best, word) => (countOf(word) < countOf(best) ? word : best)));
  const candidates = await options.repository.searchPassages({
    sourceIds: options.sourceIds,
    words: asked,
    prefixes: topic
      .filter((term) => term.stem.length >= 3 && rare(term.stem, COMMON_PREFIX))
      .map((term) => term.stem),
    limit: CANDIDATES,
  });
  const ranked = rankPassages({ question, passages: candidates, termCounts, corrections });
  const minRelevance = options.minRelevance ?? MIN_RELEVANCE;
  const limit = options.limit ?? 3;
  const perDocument = new Map<string, number>();
  const passages: RankedPassage[] = [];
  for (const passage of ranked) {
    if (passages.length >= limit) break;
    if (passage.relevance < minRelevance) continue;
    const taken = perDocument.get(passage.documentId) ?? 0;
    if (taken >= PER_DOCUMENT) continue;
    perDocument.set(passage.documentId, taken + 1);
    passages.push(passage);
  }
  return { passages, candidates: candidates.length };
}
