// Splits text and identifiers into lower-case words: camelCase, snake_case, dotted names, kebab-case.

const WORD_PATTERN = /[\p{L}\p{M}]+|\d+(?:\.\d+)?/gu;

/**
 * Words of texts already split. A turn splits the same few dozen texts every time (its tools' names,
 * parameters and descriptions, the response's field names and values): three Unicode regular
 * expressions each, about 1% of a demo turn, for words that never change.
 */
const known = new Map<string, readonly string[]>();
/** Texts kept at most; the map starts over past it (only memory is at stake). */
const MAX_KNOWN = 4096;
/** Longer texts (a customer's story, a passage) rarely come again: they are split, not kept. */
const MAX_KNOWN_LENGTH = 200;

/** Inserts word boundaries inside identifiers: `trackOrder` -> `track Order`, `HTTPStatus` -> `HTTP Status`. */
function separateCamelCase(text: string): string {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
}

function split(text: string): string[] {
  return (separateCamelCase(text).match(WORD_PATTERN) ?? []).map((word) => word.toLowerCase());
}

/** The words of `text` in order, lower-cased; identifiers are split into their parts. A new array each call. */
export function splitWords(text: string): string[] {
  if (text.length > MAX_KNOWN_LENGTH) return split(text);
  let words = known.get(text);
  if (words === undefined) {
    if (known.size >= MAX_KNOWN) known.clear();
    words = split(text);
    known.set(text, words);
  }
  // Callers may change what they get (`pop`): the kept words stay as split.
  return words.slice();
}
