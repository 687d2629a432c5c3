// The knowledge search over 10,000 passages, on SQLite and (with TEST_POSTGRES_URL or
// BENCH_POSTGRES_URL) PostgreSQL: the repository's help-center suites (eval/fern-and-fable,
// eval/ledgerly) among generated distractor passages in the same property, their questions asked.
// Prints the median time of the whole search (term counts, spelling, full-text candidates, re-ranking)
// beside the database's full-text query alone, and how often the right source still comes first.
// Run: node --import tsx bench/knowledge.ts [passages]
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadSuite, type SuiteCase } from '../src/agent/eval/index.js';
import { analyzeQuestion, readSourceContent, searchKnowledge } from '../src/knowledge/index.js';
import { createStore, type KnowledgeDocumentInput, type Store } from '../src/store/index.js';
import { loadWordVectors, STOP_WORDS, stemOf } from '../src/tools/index.js';

const TOTAL = Number(process.argv[2] ?? 10_000);
const SUITES = ['eval/fern-and-fable/cases.yaml', 'eval/ledgerly/cases.yaml'];
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;

/** A deterministic generator, so every run indexes the same distractors. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Distractor documents: sentences of English words drawn by frequency (Zipf), about 100 words a passage. */
function distractors(count: number): KnowledgeDocumentInput[] {
  const vectors = loadWordVectors();
  if (!vectors) throw new Error('the word vectors (models/word-vectors.*) are missing');
  const words = [...vectors.rows.keys()].filter((word) => /^[a-z]+$/.test(word));
  const next = random(7);
  // Zipf over the frequency order: word i drawn with probability ∝ 1/(i + 10).
  const weights = words.map((_, index) => 1 / (index + 10));
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) {
    sum += weight;
    cumulative.push(sum);
  }
  const draw = () => {
    const target = next() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle - 1;
    }
    return words[low];
  };
  const sentence = () => {
    const length = 8 + Math.floor(next() * 14);
    const text = Array.from({ length }, draw).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const documents: KnowledgeDocumentInput[] = [];
  for (let index = 0; index < count; index += 4) {
    const title = Array.from({ length: 3 }, draw).join(' ');
    const passages = Array.from({ length: Math.min(4, count - index) }, () => {
      const text = Array.from({ length: 6 }, sentence).join(' ');
      const terms = [
        ...new Set(
          `${title} ${text}`
            .toLowerCase()
            .split(/\W+/)
            .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
            .map(stemOf),
        ),
      ];
      return { heading: '', text, terms };
    });
    documents.push({ title, text: passages.map((passage) => passage.text).join('\n\n'), passages });
  }
  return documents;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(store: Store, label: string): Promise<void> {
  const property = await store.properties.create({ name: 'bench' });
  const names = new Map<string, string>();
  const cases: SuiteCase[] = [];
  let started = performance.now();
  let passages = 0;
  for (const path of SUITES) {
    const suite = await loadSuite(path);
    cases.push(...suite.cases);
    for (const content of suite.cases[0].knowledge ?? []) {
      const read = readSourceContent(content);
      if (!read.ok) throw new Error(read.message);
      const source = await store.knowledge.createSource(
        { propertyId: property.id, kind: content.kind, name: read.name },
        read.documents,
      );
      names.set(source.id, read.name);
      passages += source.passageCount;
    }
  }
  const generated = distractors(Math.max(0, TOTAL - passages));
  for (let index = 0; index < generated.length; index += 250) {
    const source = await store.knowledge.createSource(
      { propertyId: property.id, kind: 'article', name: `Distractor ${index}` },
      generated.slice(index, index + 250),
    );
    names.set(source.id, source.name);
    passages += source.passageCount;
  }
  const indexMs = performance.now() - started;
  const sourceIds = [...names.keys()];
  const search = (question: string) =>
    searchKnowledge({ repository: store.knowledge, propertyId: property.id, sourceIds, question });
  const ftsOnly = (question: string) =>
    store.knowledge.searchPassages({
      sourceIds,
      words: analyzeQuestion(question).terms.map((term) => term.word),
      limit: 50,
    });
  // Warm the caches (stems, word vectors, the database's pages) once.
  for (const suiteCase of cases) await search(suiteCase.say);
  const searchMs: number[] = [];
  const ftsMs: number[] = [];
  let hits = 0;
  for (let round = 0; round < 3; round++) {
    for (const suiteCase of cases) {
      started = performance.now();
      await ftsOnly(suiteCase.say);
      ftsMs.push(performance.now() - started);
      started = performance.now();
      const found = await search(suiteCase.say);
      searchMs.push(performance.now() - started);
      if (round > 0) continue;
      const expected = [suiteCase.expect.source ?? []].flat().map((name) => name.toLowerCase());
      const first = found.passages[0];
      const got = first ? (names.get(first.sourceId) ?? '').toLowerCase() : 'none';
      if (expected.includes(got)) hits++;
    }
  }
  console.log(
    `${label.padEnd(10)} ${passages} passages (indexed in ${(indexMs / 1000).toFixed(1)} s): search median ${median(searchMs).toFixed(2)} ms, p90 ${[...searchMs].sort((a, b) => a - b)[Math.floor(searchMs.length * 0.9)].toFixed(2)} ms; the full-text query alone ${median(ftsMs).toFixed(2)} ms; right source first ${hits}/${cases.length}`,
  );
}

const sqlite = await createStore({ sqlitePath: ':memory:', secretKey: randomBytes(32) });
try {
  await measure(sqlite, 'SQLite');
} finally {
  await sqlite.close();
}
if (postgresUrl) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await createStore({
    databaseUrl: postgresUrl,
    postgresSchema: schema,
    secretKey: randomBytes(32),
  });
  try {
    await measure(store, 'PostgreSQL');
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
} else {
  console.log('PostgreSQL skipped: set TEST_POSTGRES_URL or BENCH_POSTGRES_URL');
}
