// The engine's answer from a passage: the passage's sentences that say most about the question (never
// words of its own beyond the source line), then the source's title and link.
import { contentStems } from '../../tools/index.js';
import type { FoundPassage } from './read-knowledge-results.js';

/** Words of an answer at most, unless its one best sentence is longer. */
const MAX_ANSWER_WORDS = 80;
/** A passage this short is the answer whole. */
const WHOLE_PASSAGE_WORDS = 60;

interface Sentence {
  text: string;
  /** Its line in the passage (a table row's header is the table's first row). */
  line: number;
  words: number;
  stems: Set<string>;
}

/** Sentences of the passage in order: each line (list item, table row) and each sentence of a paragraph. */
function readSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const [line, content] of text.split('\n').entries()) {
    const pieces = content.includes(' | ')
      ? [content]
      : content.split(/(?<=[.!?])\s+(?=["'(]?[\p{Lu}\p{N}])/u);
    for (const piece of pieces) {
      const trimmed = piece.trim();
      if (!trimmed) continue;
      sentences.push({
        text: trimmed,
        line,
        words: trimmed.split(/\s+/).length,
        stems: new Set(contentStems(trimmed)),
      });
    }
  }
  return sentences;
}

/** Whether two stems are one word's forms (`ship`/`shipping`, `pay`/`payment`). */
function related(left: string, right: string): boolean {
  if (left === right) return true;
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  return short.length >= 4 && long.startsWith(short);
}

/**
 * Each sentence's share of the question: its question words, each worth more the fewer sentences of
 * the passage have it (a word every sentence has tells them apart least).
 */
function scoreSentences(question: Set<string>, sentences: Sentence[]): number[] {
  const holders = new Map<string, number[]>();
  for (const stem of question) {
    const indexes = sentences.flatMap((sentence, index) =>
      [...sentence.stems].some((other) => related(stem, other)) ? [index] : [],
    );
    if (indexes.length > 0) holders.set(stem, indexes);
  }
  const scores = sentences.map(() => 0);
  for (const indexes of holders.values()) for (const index of indexes) scores[index] += 1 / indexes.length;
  return scores;
}

/** A table row read with its header: `Standard, Delivery time: 2–3 working days, Price: £3.95`. */
function withHeader(sentence: Sentence, header: Sentence | undefined): string {
  if (!sentence.text.includes(' | ')) return sentence.text;
  if (!header || header === sentence) return sentence.text.replaceAll(' | ', ', ');
  const names = header.text.split(' | ');
  const cells = sentence.text.split(' | ');
  if (names.length !== cells.length) return sentence.text.replaceAll(' | ', ', ');
  return cells.map((cell, index) => (index === 0 ? cell : `${names[index]}: ${cell}`)).join(', ');
}

function cite(passage: FoundPassage): string {
  return passage.url ? `(Source: ${passage.source} — ${passage.url})` : `(Source: ${passage.source})`;
}

/** The sentences of `passage` that answer `question`, in the passage's order, with the source named. */
export function answerFromPassage(question: string, passage: FoundPassage): string {
  const sentences = readSentences(passage.text);
  const total = sentences.reduce((sum, sentence) => sum + sentence.words, 0);
  const asked = new Set(contentStems(question));
  let chosen: Sentence[];
  if (total <= WHOLE_PASSAGE_WORDS) chosen = sentences;
  else {
    const scores = scoreSentences(asked, sentences);
    let best = 0;
    for (let index = 1; index < sentences.length; index++) if (scores[index] > scores[best]) best = index;
    const picked = new Set([best]);
    let words = sentences[best].words;
    // The best sentence's neighbours in its paragraph when they also speak to the question (the
    // sentence before often says what the best one goes on about), then the next best ones.
    const neighbours = [best - 1, best + 1].filter(
      (index) => sentences[index]?.line === sentences[best].line && scores[index] > 0,
    );
    const others = sentences
      .map((_, index) => index)
      .filter((index) => scores[index] > 0 && !neighbours.includes(index))
      .sort((left, right) => scores[right] - scores[left] || left - right);
    for (const index of [...neighbours, ...others]) {
      if (picked.has(index) || picked.size >= 3) continue;
      if (words + sentences[index].words > MAX_ANSWER_WORDS) continue;
      picked.add(index);
      words += sentences[index].words;
    }
    chosen = [...picked].sort((left, right) => left - right).map((index) => sentences[index]);
  }
  const header = sentences.find((sentence) => sentence.text.includes(' | '));
  // A table's header row is said with each row chosen, not on its own.
  const spoken = chosen.length > 1 ? chosen.filter((sentence) => sentence !== header) : chosen;
  const lines = spoken.map((sentence) => withHeader(sentence, header));
  const body = lines.every((line) => !line.startsWith('- ')) ? lines.join(' ') : lines.join('\n');
  return `${body}\n\n${cite(passage)}`;
}
