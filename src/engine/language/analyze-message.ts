// Analyzes a customer's message for ranking. Unlike a tool's text, a message quotes values ("a review
// 'I love the food here'") whose words are not its topic, and asks with question words that point at
// a kind of answer ("when" asks for a date, "where" for a place).
import * as chrono from 'chrono-node';
import { analyzeText, REQUEST_WORD_WEIGHT, type Term } from './analyze-text.js';
import { splitWords } from './split-words.js';
import { stemWord } from './stem-word.js';
import { conceptOf } from './synonyms.js';

const QUOTED = /"[^"]*"|“[^”]*”|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])/gu;

/** Spans of `text` that are values, not topic: quoted text and dates ("upcoming Saturday", "April 25th"). */
function valueSpans(text: string): { index: number; text: string }[] {
  const quoted = [...text.matchAll(QUOTED)].map((match) => ({ index: match.index, text: match[0] }));
  const dates = chrono.parse(text).map((result) => ({ index: result.index, text: result.text }));
  return [...quoted, ...dates].sort((left, right) => left.index - right.index);
}
const QUESTION_CONCEPTS: Record<string, string> = {
  when: conceptOf(stemWord('date')),
  where: conceptOf(stemWord('location')),
};

/** The terms of a message: quoted and date words weigh like request words, question words name what they ask for. */
export function analyzeMessage(text: string): Term[] {
  const quotedWords = new Set<number>();
  let position = 0;
  let cursor = 0;
  for (const match of valueSpans(text)) {
    if (match.index < cursor) continue;
    position += splitWords(text.slice(cursor, match.index)).length;
    const inside = splitWords(match.text).length;
    for (let offset = 0; offset < inside; offset++) quotedWords.add(position + offset);
    position += inside;
    cursor = match.index + match.text.length;
  }
  const terms = analyzeText(text).map((term) =>
    quotedWords.has(term.position) ? { ...term, weight: Math.min(term.weight, REQUEST_WORD_WEIGHT) } : term,
  );
  return [...terms, ...analyzeQuestionWords(text)];
}

/** Terms for the question words of `text` ("when" -> date, "where" -> place), weighted like request words. */
export function analyzeQuestionWords(text: string): Term[] {
  return splitWords(text).flatMap((word, position) => {
    const concept = QUESTION_CONCEPTS[word];
    return concept ? [{ word, concept, position, weight: REQUEST_WORD_WEIGHT }] : [];
  });
}
