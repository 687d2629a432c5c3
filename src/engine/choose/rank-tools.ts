// Ranks the tools of an index against a message: BM25 over field-weighted concepts, plus how much of
// the message each tool covers and whether the tool's own subject is named.
import type { ToolDocument } from '../catalog/build-tool-document.js';
import type { ToolIndex } from '../catalog/build-tool-index.js';
import type { Term } from '../language/analyze-text.js';

/** How well one tool fits a message. */
export interface ToolMatch {
  document: ToolDocument;
  /** BM25 score; comparable only within one ranking. */
  score: number;
  /** Share of the message's topic weight that the tool's words cover, 0 to 1. */
  coverage: number;
  /** Whether a concept of the tool's name (its subject) appears in the message. */
  nameHit: boolean;
  /** Concepts of the message the tool matched. */
  matched: Set<string>;
  /** How many matched concepts name a topic (not request phrasing). */
  topicMatches: number;
}

/** Extra concepts per tool name, e.g. from the base prompt's "if the customer asks about X, use Y". */
export type HintConcepts = Map<string, Set<string>>;

const K1 = 1.2;
const B = 0.5;
const HINT_WEIGHT = 3;

/** The strongest weight of each concept in the message. */
export function weighConcepts(terms: Term[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of terms) weights.set(term.concept, Math.max(weights.get(term.concept) ?? 0, term.weight));
  return weights;
}

/** Every tool with its fit to the message, best first. */
export function rankTools(index: ToolIndex, terms: Term[], hints: HintConcepts = new Map()): ToolMatch[] {
  const message = weighConcepts(terms);
  let total = 0;
  for (const weight of message.values()) total += weight;
  const matches = index.documents.map((document): ToolMatch => {
    const hinted = hints.get(document.tool.name);
    const normalizer = K1 * (1 - B + (B * document.length) / Math.max(index.averageLength, 1));
    let score = 0;
    let covered = 0;
    let nameHit = false;
    let topicMatches = 0;
    const matched = new Set<string>();
    for (const [concept, weight] of message) {
      const frequency = (document.weights.get(concept) ?? 0) + (hinted?.has(concept) ? HINT_WEIGHT : 0);
      if (frequency === 0) continue;
      matched.add(concept);
      covered += weight;
      if (weight === 1) topicMatches++;
      if (document.nameConcepts.has(concept) || hinted?.has(concept)) nameHit = true;
      const idf = index.idf.get(concept) ?? Math.log(1 + 0.5 / 1.5);
      score += (weight * idf * frequency * (K1 + 1)) / (frequency + normalizer);
    }
    return { document, score, coverage: total > 0 ? covered / total : 0, nameHit, matched, topicMatches };
  });
  return matches.sort((left, right) => right.score - left.score);
}
