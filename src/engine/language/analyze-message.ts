// Analyzes a customer's message for ranking. Unlike a tool's text, a message quotes values ("a review
// 'I love the food here'") whose words are not its topic, and asks with question words that point at
// a kind of answer ("when" asks for a date, "where" for a place).
import { analyzeText, REQUEST_WORD_WEIGHT, type Term } from './analyze-text.js';
import { splitWords } from './split-words.js';
import { stemWord } from './stem-word.js';
import { conceptOf } from './synonyms.js';

const QUOTED = /"[^"]*"|“[^”]*”|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])/gu;
const QUESTION_CONCEPTS: Record<string, string> = {
  when: conceptOf(stemWord('date')),
  where: conceptOf(stemWord('location')),
};

/** The terms of a message: quoted words weigh like request words, question words name what they ask for. */
export function analyzeMessage(text: string): Term[] {
  const quotedWords = new Set<number>();
  let position = 0;
  let cursor = 0;
  for (const match of text.matchAll(QUOTED)) {
    position += splitWords(text.slice(cursor, match.index)).length;
    const inside = splitWords(match[0]).length;
    for (let offset = 0; offset < inside; offset++) quotedWords.add(position + offset);
    position += inside;
    cursor = match.index + match[0].length;
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
