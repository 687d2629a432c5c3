// Affinity from how a value is written rather than the words beside it: "$100" fits a price, "under
// $100" a maximum, "20%" a rate or percentage.
import { stemWord } from '../language/stem-word.js';
import { conceptOf } from '../language/synonyms.js';
import type { ClassifiedParameter } from './classify-parameter.js';
import type { Mention } from './find-mentions.js';

const concept = (word: string) => conceptOf(stemWord(word));
const PRICE = concept('price');
const PERCENT_WORDS = ['percent', 'percentage', 'rate', 'discount', 'tax', 'ratio'].map(concept);
const UPPER_WORDS = ['max', 'maximum', 'highest', 'upper', 'limit', 'most'].map(concept);
const LOWER_WORDS = ['min', 'minimum', 'lowest', 'lower', 'least'].map(concept);
const UPPER_CUES =
  /\b(?:under|below|less than|up to|at most|no more than|max(?:imum)?|cheaper than|within)\s*$/i;
const LOWER_CUES = /\b(?:over|above|more than|at least|min(?:imum)?|from|starting at)\s*$/i;

/** Affinity of `mention` to `parameter` from currency, percent and comparison cues, 0 to 1. */
export function measureCueAffinity(text: string, mention: Mention, parameter: ClassifiedParameter): number {
  const keywords = parameter.keywords;
  const before = text.slice(Math.max(0, mention.start - 20), mention.start);
  let score = 0;
  if (mention.money && keywords.has(PRICE)) score = 0.5;
  if (mention.percent && PERCENT_WORDS.some((word) => keywords.has(word))) score = 0.5;
  const upper = UPPER_CUES.test(before);
  const lower = LOWER_CUES.test(before);
  if (upper && UPPER_WORDS.some((word) => keywords.has(word))) score += 0.5;
  if (lower && LOWER_WORDS.some((word) => keywords.has(word))) score += 0.5;
  if (
    (upper && LOWER_WORDS.some((word) => keywords.has(word))) ||
    (lower && UPPER_WORDS.some((word) => keywords.has(word)))
  )
    score -= 0.5;
  return score;
}
