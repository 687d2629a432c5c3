// Splits text and identifiers into lower-case words: camelCase, snake_case, dotted names, kebab-case.

import { keepingSplits, separateCamelCase } from '../../tools/index.js';

const WORD_PATTERN = /[\p{L}\p{M}]+|\d+(?:\.\d+)?/gu;

function split(text: string): string[] {
  return (separateCamelCase(text).match(WORD_PATTERN) ?? []).map((word) => word.toLowerCase());
}

/** The words of `text` in order, lower-cased; identifiers are split into their parts. A new array each call. */
export const splitWords = keepingSplits(split);
