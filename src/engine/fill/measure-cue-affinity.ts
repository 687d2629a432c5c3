// Affinity from how a value is written rather than the words beside it: "$100" fits a price, "under
// $100" a maximum, "20%" a rate or percentage.
import { splitWords } from '../language/split-words.js';
import { stemWord } from '../language/stem-word.js';
import { conceptOf } from '../language/synonyms.js';
import type { ClassifiedParameter } from './classify-parameter.js';
import { PLACE_PREPOSITIONS } from './extract-free-text.js';
import type { Mention } from './mention.js';
import type { MessageToken } from './tokenize-message.js';

const concept = (word: string) => conceptOf(stemWord(word));
const PRICE = concept('price');
const PERCENT_WORDS = ['percent', 'percentage', 'rate', 'discount', 'tax', 'ratio'].map(concept);
const UPPER_WORDS = ['max', 'maximum', 'highest', 'upper', 'limit', 'most'].map(concept);
const LOWER_WORDS = ['min', 'minimum', 'lowest', 'lower', 'least'].map(concept);
const UPPER_CUES =
  /\b(?:under|below|less than|up to|at most|no more than|max(?:imum)?|cheaper than|within)\s*$/i;
const LOWER_CUES = /\b(?:over|above|more than|at least|min(?:imum)?|from|starting at)\s*$/i;

const SOURCE_WORDS = new Set([
  'in',
  'since',
  'after',
  'from',
  'base',
  'source',
  'origin',
  'start',
  'departure',
  'sender',
  'initial',
  'old',
  'current',
]);
const TARGET_WORDS = new Set([
  'out',
  'until',
  'before',
  'to',
  'target',
  'destination',
  'end',
  'arrival',
  'recipient',
  'final',
  'new',
  'into',
]);

const STARTING = new Set(['from', 'after', 'since', 'starting', 'beginning']);
const ENDING = new Set(['to', 'into', 'until', 'till', 'before', 'through', 'ending']);

/** Whether the value starts or ends something: its role in a range, else the word before it. */
function roleOf(tokens: MessageToken[], mention: Mention): 'start' | 'end' | undefined {
  if (mention.role) return mention.role;
  let before = mention.first - 1;
  while (before >= 0 && /^(?:\d[\d.,]*|the|a|an|my|on|[$€£¥])$/.test(tokens[before].lower)) before--;
  const previous = tokens[before]?.lower ?? '';
  if (STARTING.has(previous)) return 'start';
  if (ENDING.has(previous) || (previous === 'in' && mention.kind === 'currency')) return 'end';
  return undefined;
}

/** Whether an input names the start (`start_date`, `check_in`) or the end (`end_date`, `check_out`) of something. */
export function rangeRoleOf(name: string): 'start' | 'end' | undefined {
  const words = splitWords(name);
  const starts = words.some((word) => SOURCE_WORDS.has(word));
  const ends = words.some((word) => TARGET_WORDS.has(word));
  return starts === ends ? undefined : starts ? 'start' : 'end';
}

/** "from X to Y": X fits a source, origin or start parameter, Y a target, destination or end one. */
function measureDirection(tokens: MessageToken[], mention: Mention, parameter: ClassifiedParameter): number {
  const role = roleOf(tokens, mention);
  if (!role) return 0;
  const words = splitWords(parameter.name);
  const [fitting, opposite] = role === 'start' ? [SOURCE_WORDS, TARGET_WORDS] : [TARGET_WORDS, SOURCE_WORDS];
  if (words.some((word) => fitting.has(word))) return 0.4;
  return words.some((word) => opposite.has(word)) ? -0.4 : 0;
}

/**
 * Affinity of `mention` to `parameter` from how it is written: currency, percent and comparison cues,
 * a place preposition before a name ("in Seattle" fits a location, not a cuisine), and a parameter
 * word inside the name itself ("Louvre Museum" fits `museum`).
 */
export function measureCueAffinity(
  text: string,
  tokens: MessageToken[],
  mention: Mention,
  parameter: ClassifiedParameter,
): number {
  const keywords = parameter.keywords;
  const direction = measureDirection(tokens, mention, parameter);
  if (mention.kind === 'proper') {
    const placed = PLACE_PREPOSITIONS.has(tokens[mention.first - 1]?.lower ?? '');
    let score = placed ? (parameter.kind === 'location' ? 0.3 : -0.2) : 0;
    let named = 0;
    for (let index = mention.first; index < mention.last; index++)
      if (keywords.get(tokens[index].concept) === 1) named++;
    // "Louvre Museum" names a museum; "API" alone is the label of the API key, not its value.
    if (named > 0) score += named < mention.last - mention.first ? 0.6 : -1;
    return score + direction;
  }
  const before = text.slice(Math.max(0, mention.start - 20), mention.start);
  let score = direction;
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
