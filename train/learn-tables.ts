// Learns the model's word tables from the corpus: how each operation-id verb is used (reads, writes,
// deletes) and which words of operation summaries go with which words of operation names and paths.
import type { RankingModel } from '../src/tools/ranking/ranking-model.js';
import { contentStems, isContentWord, splitWords, stemOf } from '../src/tools/ranking/read-words.js';
import type { CorpusDocument } from './load-corpus.js';

const MIN_VERB_COUNT = 20;
const MIN_PAIR_COUNT = 6;
const MIN_PMI = 2.5;
const ASSOCIATIONS_PER_WORD = 4;
const MIN_NOISE_DOCUMENTS = 3;

/**
 * Verb stem -> [count, write share, delete share, create share], for first words of operation ids used
 * often enough; creating is a POST to a path without parameters (a new record of a collection).
 */
export function learnVerbs(documents: CorpusDocument[]): RankingModel['verbs'] {
  const counts = new Map<string, [number, number, number, number]>();
  for (const document of documents) {
    for (const tool of document.tools) {
      const word = splitWords(tool.operation?.operationId ?? tool.name).find(isContentWord);
      if (!word || !tool.operation) continue;
      const stem = stemOf(word);
      const entry = counts.get(stem) ?? [0, 0, 0, 0];
      entry[0]++;
      if (!['get', 'head', 'options'].includes(tool.operation.method)) entry[1]++;
      if (tool.operation.method === 'delete') entry[2]++;
      if (tool.operation.method === 'post' && !tool.operation.path.includes('{')) entry[3]++;
      counts.set(stem, entry);
    }
  }
  const verbs: RankingModel['verbs'] = {};
  for (const [stem, [count, writes, removes, creates]] of [...counts].sort(([left], [right]) =>
    left.localeCompare(right),
  )) {
    if (count < MIN_VERB_COUNT) continue;
    const share = (part: number, whole: number) => Math.round((part / whole) * 1000) / 1000;
    verbs[stem] = [count, share(writes, count), share(removes, count), share(creates, count)];
  }
  return verbs;
}

/** Summary stem -> name/path stems it goes with (PMI over operations), strongest first. */
export function learnAssociations(documents: CorpusDocument[]): RankingModel['associations'] {
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  const pairs = new Map<string, number>();
  let total = 0;
  for (const document of documents) {
    for (const tool of document.tools) {
      const summary = new Set(
        contentStems(tool.operation?.summary ?? tool.description.split(/[.\n]/)[0] ?? ''),
      );
      const named = new Set([
        ...contentStems(tool.operation?.operationId ?? tool.name),
        ...contentStems((tool.operation?.path ?? '').replace(/\{[^}]*\}/g, ' ')),
      ]);
      if (summary.size === 0 || named.size === 0) continue;
      total++;
      for (const stem of summary) left.set(stem, (left.get(stem) ?? 0) + 1);
      for (const stem of named) right.set(stem, (right.get(stem) ?? 0) + 1);
      for (const a of summary) {
        if (named.has(a)) continue;
        for (const b of named) {
          if (summary.has(b)) continue;
          const key = `${a} ${b}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      }
    }
  }
  const byWord = new Map<string, [string, number][]>();
  for (const [key, count] of pairs) {
    if (count < MIN_PAIR_COUNT) continue;
    const [a, b] = key.split(' ');
    const pmi = Math.log((count * total) / ((left.get(a) ?? 1) * (right.get(b) ?? 1)));
    if (pmi < MIN_PMI) continue;
    const list = byWord.get(a) ?? [];
    list.push([b, Math.round(Math.min(1, pmi / 8) * 1000) / 1000]);
    byWord.set(a, list);
  }
  const associations: RankingModel['associations'] = {};
  for (const [word, list] of [...byWord].sort(([l], [r]) => l.localeCompare(r))) {
    associations[word] = list
      .sort((l, r) => r[1] - l[1] || l[0].localeCompare(r[0]))
      .slice(0, ASSOCIATIONS_PER_WORD);
  }
  return associations;
}

/** Words of the path prefixes documents mount all their operations under, found in several documents. */
export function learnPathNoise(documents: CorpusDocument[]): string[] {
  const counts = new Map<string, number>();
  const anywhere = new Map<string, number>();
  for (const document of documents) {
    const paths = document.tools.map((tool) => (tool.operation?.path ?? '').split('/').filter(Boolean));
    const words = new Set(paths.flatMap((path) => path.flatMap((segment) => splitWords(segment))));
    for (const word of words) anywhere.set(word, (anywhere.get(word) ?? 0) + 1);
    if (paths.length < 3) continue;
    const prefix: string[] = [];
    for (let position = 0; ; position++) {
      const segment = paths[0][position];
      if (!segment || segment.startsWith('{') || position >= paths[0].length - 1) break;
      if (!paths.every((path) => path[position] === segment && path.length > position + 1)) break;
      prefix.push(segment);
    }
    for (const word of new Set(prefix.flatMap((segment) => splitWords(segment))))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // A mount prefix, not a resource: most documents that use the word at all use it as their prefix.
  return [...counts]
    .filter(
      ([word, count]) =>
        count >= MIN_NOISE_DOCUMENTS && count / (anywhere.get(word) ?? count) >= 0.5 && isContentWord(word),
    )
    .map(([word]) => word)
    .sort();
}

/** Stems found in the operation ids of at least `share` of the documents: words of every API, no resource. */
export function learnGenericWords(documents: CorpusDocument[], share = 0.12): string[] {
  const counts = new Map<string, number>();
  for (const document of documents) {
    const words = new Set(
      document.tools.flatMap((tool) => contentStems(tool.operation?.operationId ?? tool.name)),
    );
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= share * documents.length)
    .map(([word]) => word)
    .sort();
}
