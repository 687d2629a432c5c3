// Splits a customer message into tokens with their character offsets and concepts.
import { stemWord } from '../language/stem-word.js';
import { conceptOf } from '../language/synonyms.js';

/** One token of a message. */
export interface MessageToken {
  /** The token as written. */
  text: string;
  /** Lower-cased text. */
  lower: string;
  /** Synonym concept of its stem ('' for punctuation). */
  concept: string;
  /** Character offset where it starts. */
  start: number;
  /** Character offset just after it. */
  end: number;
  /** True for words (letters first), false for numbers, identifiers and punctuation. */
  isWord: boolean;
}

const TOKEN_PATTERN =
  /https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:(?<![\p{L}\p{N}])[/~])?[\p{L}\p{N}][\p{L}\p{M}\p{N}_'’.\-/:*\\]*[\p{L}\p{M}\p{N}]|[\p{L}\p{N}]|\S/gu;

/** The tokens of `text`, in order. */
export function tokenizeMessage(text: string): MessageToken[] {
  const tokens: MessageToken[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const value = match[0];
    const lower = value.toLowerCase();
    const isWord = /^[\p{L}][\p{L}\p{M}'’-]*$/u.test(value);
    const concept = isWord ? conceptOf(stemWord(lower.replace(/['’]s$/, '').replace(/-/g, ''))) : '';
    tokens.push({ text: value, lower, concept, start: match.index, end: match.index + value.length, isWord });
  }
  return tokens;
}

/** The index of the token that contains character `offset` (or the next one after it). */
export function tokenAt(tokens: MessageToken[], offset: number): number {
  for (let index = 0; index < tokens.length; index++) if (tokens[index].end > offset) return index;
  return tokens.length;
}
