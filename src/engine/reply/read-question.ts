// Reads what the customer asked, for answering it from a tool result: the content words, the kind of
// question (where, when, how much, yes or no…), whether they speak of their own things, and the parts
// of a message that asks two things at once.
import { splitWords } from '../language/split-words.js';
import { isStopWord, REQUEST_WORDS } from '../language/stop-words.js';
import { termsOfWord } from './match-words.js';

/** What kind of answer the question wants first. */
export type QuestionKind = 'yes-no' | 'where' | 'when' | 'how-much' | 'how-many' | 'other';

/** A customer's question as the reply writer reads it. */
export interface Question {
  /** The text as written. */
  text: string;
  /** Content words in order, lower case: no function words and no request phrasing. */
  words: string[];
  /** Stems and concepts of the content words. */
  terms: Set<string>;
  /** What kind of answer it asks for first. */
  kind: QuestionKind;
  /** Every kind its sentences ask for ("did it go through? how much was it?": yes-no and how-much). */
  kinds: Set<QuestionKind>;
  /** The customer speaks of their own things ("my order"): the reply says "your". */
  own: boolean;
  /** Content words of the customer's earlier messages, for what "their" or "it" refers to. */
  earlierWords: string[];
  /** It asks whether something exists or is sold ("is there…", "do you have…"). */
  existence: boolean;
}

// English question openers; a question about a thing's state starts with an auxiliary verb.
const AUXILIARIES = new Set(
  'is are was were do does did has have had can could will would should may might shall am'.split(' '),
);
// Words a message opens with before its question ("hi, also, where is…").
const OPENERS = new Set(
  'hi hello hey so and also plus ok okay oh then um please thanks well but now quick question'.split(' '),
);

// Question words as customers mistype them ("wher is my order"): one letter off, never an English
// word of its own ("were", "hen").
const WH_WORDS = ['where', 'when', 'much', 'many'];
const ENGLISH_NEIGHBOURS = new Set([
  'were',
  'here',
  'there',
  'whee',
  'hen',
  'men',
  'mush',
  'mach',
  'mane',
  'wren',
]);

function withinOneEdit(word: string, target: string): boolean {
  if (Math.abs(word.length - target.length) > 1) return false;
  let left = 0;
  while (left < word.length && word[left] === target[left]) left++;
  let right = 0;
  while (
    right < word.length - left &&
    right < target.length - left &&
    word[word.length - 1 - right] === target[target.length - 1 - right]
  )
    right++;
  return Math.max(word.length, target.length) - left - right <= 1;
}

function correctWhWord(word: string): string {
  if (word.length < 4 || WH_WORDS.includes(word) || ENGLISH_NEIGHBOURS.has(word)) return word;
  return WH_WORDS.find((target) => withinOneEdit(word, target)) ?? word;
}

function kindOf(rawWords: string[]): QuestionKind {
  const words = rawWords.map(correctWhWord);
  let start = 0;
  while (start < words.length && OPENERS.has(words[start])) start++;
  const first = words[start];
  const second = words[start + 1];
  if (first === 'where') return 'where';
  if (first === 'when' || (first === 'what' && ['time', 'date', 'day'].includes(second ?? ''))) return 'when';
  if (first === 'how' && second === 'much') return 'how-much';
  if (first === 'how' && second === 'many') return 'how-many';
  if (first === 'how' && second === 'long') return 'when';
  // "Can you send me the receipt?" asks for something, not whether something is so.
  const request = ['can', 'could', 'would', 'will'].includes(first ?? '') && second === 'you';
  if (first !== undefined && AUXILIARIES.has(first) && !request) return 'yes-no';
  // "I'd like to know where my parcel is", "can you tell me when it opens": the first wh-word.
  for (let index = start; index < words.length; index++) {
    const word = words[index];
    if (word === 'where') return 'where';
    if (word === 'when') return 'when';
    if (word === 'how' && words[index + 1] === 'much') return 'how-much';
    if (word === 'how' && words[index + 1] === 'many') return 'how-many';
  }
  return 'other';
}

// How English asks whether something exists or is on offer.
const EXISTENCE =
  /\b(?:is|are) there\b|\bdo(?:es)? (?:you|they|it) (?:have|sell|carry|stock|offer)\b|\bhave you got\b|\bany\b/i;

const contentWords = (text: string) =>
  splitWords(text.replace(/[’']/g, '')).filter((word) => !isStopWord(word) && !REQUEST_WORDS.has(word));

/** Reads `text` as a question; `earlier` is what the customer said before it. */
export function readQuestion(text: string, earlier = ''): Question {
  const words = contentWords(text);
  const terms = new Set<string>();
  for (const word of words) for (const term of termsOfWord(word)) terms.add(term);
  const kinds = new Set(splitQuestion(text).map((part) => kindOf(splitWords(part))));
  // "What are the dates of my booking?" asks when, without the word.
  if (words.some((word) => /^(?:dates?|days?|times?)$/.test(word))) kinds.add('when');
  return {
    text,
    words,
    terms,
    kind: kindOf(splitWords(text)),
    kinds,
    own: /\b(?:my|mine|i|me|our|we)\b/i.test(text),
    earlierWords: contentWords(earlier),
    existence: EXISTENCE.test(text),
  };
}

// Where a message turns to another request: after a sentence, or at "also" / "and what…".
const PART_BREAK =
  /(?<=[?!.])\s+(?=\S)|\s*;\s*|,?\s+(?:and\s+)?(?:also|plus|as well as|additionally)\s+|,?\s+and\s+(?=(?:what|where|when|how|which|who|is|are|do|does|did|can|could|will)\b)/i;

/** The parts of a message that may each ask something: its sentences and "also …" clauses. */
export function splitQuestion(text: string): string[] {
  return text
    .split(PART_BREAK)
    .map((part) => part.trim().replace(/^(?:and\s+)?(?:also|plus|additionally),?\s+/i, ''))
    .filter((part) => splitWords(part).length > 0);
}
