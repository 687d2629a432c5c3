// Turns text into weighted concepts for ranking: split, drop function words, stem, map synonyms.
import { splitWords } from './split-words.js';
import { stemWord } from './stem-word.js';
import { REQUEST_WORDS, STOP_WORDS } from './stop-words.js';
import { conceptOf } from './synonyms.js';

/** One content word of a text. */
export interface Term {
  /** The word as written, lower-cased. */
  word: string;
  /** The synonym-group concept of its stem. */
  concept: string;
  /** Its position among the text's words (function words counted). */
  position: number;
  /** 1 for topic words, less for request phrasing ("show", "calculate"). */
  weight: number;
}

/** Weight of a request word relative to a topic word. */
export const REQUEST_WORD_WEIGHT = 0.25;

const REQUEST_STEMS = new Set([...REQUEST_WORDS].map((word) => stemWord(word)));

/** Whether a word phrases a request rather than naming a topic ("show", "requests", "calculating"). */
export function isRequestWord(word: string): boolean {
  return REQUEST_WORDS.has(word) || REQUEST_STEMS.has(stemWord(word));
}

/** The content words of `text` as terms; numbers and function words are left out. */
export function analyzeText(text: string): Term[] {
  const terms: Term[] = [];
  const words = splitWords(text);
  for (let position = 0; position < words.length; position++) {
    const word = words[position];
    if (STOP_WORDS.has(word) || /^\d/.test(word) || word.length < 2) continue;
    const weight = isRequestWord(word) ? REQUEST_WORD_WEIGHT : 1;
    terms.push({ word, concept: conceptOf(stemWord(word)), position, weight });
  }
  return terms;
}
