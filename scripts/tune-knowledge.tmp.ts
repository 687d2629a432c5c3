import { loadSuite } from '../src/agent/eval/index.js';
import { readSourceContent, searchKnowledge } from '../src/knowledge/index.js';
import { createStore } from '../src/store/index.js';

const files = process.argv.slice(2);
const verbose = process.env.VERBOSE === '1';
const min = Number(process.env.MIN ?? 0.5);
let total = 0, hits = 0, noneCases = 0, noneOk = 0, coveredCases = 0, coveredHits = 0;
for (const file of files) {
  const suite = await loadSuite(file);
  const store = await createStore({ sqlitePath: ':memory:', secretKey: Buffer.alloc(32, 1) });
  const property = await store.properties.create({ name: 'x' });
  const names = new Map<string, string>();
  const sourceIds: string[] = [];
  for (const content of suite.cases[0].knowledge ?? []) {
    const read = readSourceContent(content as never);
    if (!read.ok) throw new Error(read.message);
    const source = await store.knowledge.createSource({ propertyId: property.id, kind: content.kind, name: read.name }, read.documents);
    names.set(source.id, read.name);
    sourceIds.push(source.id);
  }
  for (const c of suite.cases) {
    const expected = c.expect.source === undefined ? [] : ([] as string[]).concat(c.expect.source).map((s) => s.toLowerCase());
    const result = await searchKnowledge({ repository: store.knowledge, propertyId: property.id, sourceIds, question: c.say, minRelevance: min });
    const got = result.passages[0] ? names.get(result.passages[0].sourceId)!.toLowerCase() : 'none';
    const ok = expected.includes(got) || (got === 'none' && expected.includes('none'));
    total++; if (ok) hits++;
    if (expected.includes('none') && expected.length === 1) { noneCases++; if (ok) noneOk++; } else { coveredCases++; if (ok) coveredHits++; }
    const all = (!ok || verbose) ? await searchKnowledge({ repository: store.knowledge, propertyId: property.id, sourceIds, question: c.say, minRelevance: 0, limit: 3 }) : result;
    if (!ok || verbose) console.log(`${ok ? 'ok  ' : 'MISS'} ${c.id.padEnd(22)} want ${expected.join('|').padEnd(30)} got ${got.padEnd(30)} ${all.passages.slice(0,3).map(p=>`${p.relevance.toFixed(2)}/${p.score.toFixed(2)} ${names.get(p.sourceId)}:${p.heading}`).join(' ; ')}`);
  }
  await store.close();
}
console.log(`hit ${hits}/${total} = ${(hits/total).toFixed(3)}; covered ${coveredHits}/${coveredCases}; none ${noneOk}/${noneCases}`);
