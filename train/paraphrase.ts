// Rewrites generated messages in other words: a word is swapped for one of its nearest neighbours in
// the word vectors, so the model learns to rely on meaning as well as on the operation's own words.
import { isContentWord } from '../src/tools/ranking/read-words.js';
import { loadWordVectors, similarity } from '../src/tools/ranking/word-vectors.js';

type Random = () => number;

const NEIGHBOURS = 3;
const MIN_SIMILARITY = 0.55;
/** Neighbours are looked for among the most frequent words only: rare words make odd messages. */
const CANDIDATE_WORDS = 15_000;

const cache = new Map<string, string[]>();

function neighboursOf(word: string): string[] {
  const known = cache.get(word);
  if (known) return known;
  const vectors = loadWordVectors();
  const row = vectors?.rows.get(word);
  let result: string[] = [];
  if (vectors && row !== undefined) {
    const words = [...vectors.rows.keys()].slice(0, CANDIDATE_WORDS);
    const scored: [string, number][] = [];
    words.forEach((candidate, candidateRow) => {
      if (candidateRow === row || candidate.slice(0, 4) === word.slice(0, 4)) return;
      const value = similarity(vectors, row, candidateRow);
      if (value >= MIN_SIMILARITY) scored.push([candidate, value]);
    });
    result = scored
      .sort((left, right) => right[1] - left[1])
      .slice(0, NEIGHBOURS)
      .map(([candidate]) => candidate);
  }
  cache.set(word, result);
  return result;
}

/** `text` with each content word swapped for a neighbour with probability `rate`. */
export function paraphrase(text: string, random: Random, rate = 0.3): string {
  return text.replace(/[A-Za-z]+/g, (word) => {
    const lower = word.toLowerCase();
    if (!isContentWord(lower) || word !== lower || random() >= rate) return word;
    const options = neighboursOf(lower);
    return options.length > 0 ? options[Math.floor(random() * options.length)] : word;
  });
}
