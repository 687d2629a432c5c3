// Cuts knowledge text into passages a search can return on their own: a new passage at every heading
// (the headings above it kept as its heading), long sections cut between blocks, long blocks between
// sentences.
import type { KnowledgeText } from './knowledge-text.js';

/** One passage of a document, before it is stored. */
export interface PassageDraft {
  /** The headings the passage sits under, outermost first, joined by ` › `; empty at the top. */
  heading: string;
  /** Its blocks, one per line (`- ` marks list items). */
  text: string;
}

/** Words a passage grows to before the next block starts a new one. */
export const PASSAGE_TARGET_WORDS = 120;
/** A passage shorter than this before a heading joins the next one. */
export const PASSAGE_MIN_WORDS = 20;
/** Words a passage never exceeds unless one sentence does. */
export const PASSAGE_MAX_WORDS = 220;

const HEADING = /^(#{1,6})\s+(.*)$/;

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Sentences of a long block, kept whole (a sentence ends at `.`, `!` or `?` before a space and a capital or digit). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]["')\]]?)\s+(?=["'([]?[\p{Lu}\p{N}])|\n+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Cuts a block longer than the maximum into runs of whole sentences near the target length. */
function cutBlock(block: string): string[] {
  if (countWords(block) <= PASSAGE_MAX_WORDS) return [block];
  const runs: string[] = [];
  let run: string[] = [];
  let words = 0;
  for (const sentence of splitSentences(block)) {
    const count = countWords(sentence);
    if (run.length > 0 && words + count > PASSAGE_TARGET_WORDS) {
      runs.push(run.join(' '));
      run = [];
      words = 0;
    }
    run.push(sentence);
    words += count;
  }
  if (run.length > 0) runs.push(run.join(' '));
  return runs;
}

/** Splits `document` into passages; a document without text has none. */
export function splitPassages(document: KnowledgeText): PassageDraft[] {
  const passages: PassageDraft[] = [];
  const headings: { level: number; text: string }[] = [];
  let blocks: string[] = [];
  let words = 0;
  const heading = () => headings.map((entry) => entry.text).join(' › ');
  // A few words before a deeper heading (an article's one-line introduction) open the next passage
  // instead of standing alone: alone they match a question's words without answering it.
  let carried: string[] = [];
  /** `nextLevel`: the heading that follows (0 at the end). */
  const flush = (nextLevel = 0) => {
    const level = headings.length > 0 ? headings[headings.length - 1].level : 0;
    if (nextLevel > level && words < PASSAGE_MIN_WORDS) {
      // An introduction to the subsections that follow (or nothing yet): it opens the next passage.
      carried = [...carried, ...blocks];
    } else if (blocks.length > 0 || carried.length > 0) {
      passages.push({ heading: heading(), text: [...carried, ...blocks].join('\n') });
      carried = [];
    }
    blocks = [];
    words = 0;
  };
  const title = document.title.trim().toLowerCase();
  for (const block of document.text.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    const match = HEADING.exec(trimmed);
    if (match) {
      const level = match[1].length;
      flush(level);
      while (headings.length > 0 && headings[headings.length - 1].level >= level) headings.pop();
      // The document's title repeated as its first heading says nothing new.
      if (match[2].trim().toLowerCase() !== title || headings.length > 0)
        headings.push({ level, text: match[2].trim() });
      continue;
    }
    for (const piece of cutBlock(trimmed)) {
      const count = countWords(piece);
      if (blocks.length > 0 && (words >= PASSAGE_TARGET_WORDS || words + count > PASSAGE_MAX_WORDS)) flush();
      blocks.push(piece);
      words += count;
    }
  }
  flush();
  return passages;
}
