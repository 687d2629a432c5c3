// Porter2 stems with a cache, so repeated words (the tool catalog's) are stemmed once.
import { createRequire } from 'node:module';

const stem = createRequire(import.meta.url)('wink-porter2-stemmer') as (word: string) => string;
const cache = new Map<string, string>();

/** The Porter2 stem of a lower-case word, applied twice (`shipped` -> `ship`); numbers are returned unchanged. */
export function stemWord(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    // Stemming the stem once more joins agent nouns to their verbs: discoverer -> discover -> discov.
    stemmed = /^\d/.test(word) ? word : stem(stem(word));
    if (cache.size > 50_000) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}
