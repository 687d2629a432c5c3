// Splits text and identifiers into lower-case words: camelCase, snake_case, dotted names, kebab-case.

const WORD_PATTERN = /[\p{L}\p{M}]+|\d+(?:\.\d+)?/gu;

/** Inserts word boundaries inside identifiers: `trackOrder` -> `track Order`, `HTTPStatus` -> `HTTP Status`. */
function separateCamelCase(text: string): string {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
}

/** The words of `text` in order, lower-cased; identifiers are split into their parts. */
export function splitWords(text: string): string[] {
  return (separateCamelCase(text).match(WORD_PATTERN) ?? []).map((word) => word.toLowerCase());
}
