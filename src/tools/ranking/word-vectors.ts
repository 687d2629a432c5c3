// Word vectors for meaning beyond shared words ("basket" near "cart", "transaction" near "payment"):
// 30,000 frequent English words, unit length, int8, built by `npm run train` from the wink skip-gram
// embeddings and committed under models/.
import { existsSync, readFileSync } from 'node:fs';

/** The vectors file (int8, one row per word), from src/ and dist/ alike. */
export const WORD_VECTORS_URL = new URL('../../../models/word-vectors.bin', import.meta.url);
/** The words of the rows, the dimensions and the int8 scale. */
export const WORD_VECTORS_WORDS_URL = new URL('../../../models/word-vectors.json', import.meta.url);

/** Loaded word vectors. */
export interface WordVectors {
  dimensions: number;
  /** Row of each word. */
  rows: Map<string, number>;
  data: Int8Array;
  /** Divides a dot product of two rows into a cosine. */
  norm: number;
}

let loaded: WordVectors | null | undefined;

/** The committed vectors, read once; null when the files are absent (the ranking then goes without). */
export function loadWordVectors(): WordVectors | null {
  if (loaded !== undefined) return loaded;
  if (!existsSync(WORD_VECTORS_URL) || !existsSync(WORD_VECTORS_WORDS_URL)) {
    loaded = null;
    return loaded;
  }
  const meta = JSON.parse(readFileSync(WORD_VECTORS_WORDS_URL, 'utf8')) as {
    dimensions: number;
    scale: number;
    words: string[];
  };
  const buffer = readFileSync(WORD_VECTORS_URL);
  loaded = {
    dimensions: meta.dimensions,
    rows: new Map(meta.words.map((word, row) => [word, row])),
    data: new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    norm: meta.scale * meta.scale,
  };
  return loaded;
}

/** Cosine similarity of two rows. */
export function similarity(vectors: WordVectors, left: number, right: number): number {
  const { data, dimensions } = vectors;
  let sum = 0;
  const a = left * dimensions;
  const b = right * dimensions;
  for (let index = 0; index < dimensions; index++) sum += data[a + index] * data[b + index];
  return sum / vectors.norm;
}
