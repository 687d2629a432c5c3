import { loadSuite } from '../src/agent/eval/index.js';
import { readSourceContent, searchKnowledge, analyzeQuestion } from '../src/knowledge/index.js';
import { createStore } from '../src/store/index.js';
const [file, ...questions] = process.argv.slice(2);
const suite = await loadSuite(file);
const store = await createStore({ sqlitePath: ':memory:', secretKey: Buffer.alloc(32, 1) });
const property = await store.properties.create({ name: 'x' });
const names = new Map<string, string>(); const sourceIds: string[] = [];
for (const content of suite.cases[0].knowledge ?? []) {
  const read = readSourceContent(content as never); if (!read.ok) throw new Error(read.message);
  const source = await store.knowledge.createSource({ propertyId: property.id, kind: content.kind, name: read.name }, read.documents);
  names.set(source.id, read.name); sourceIds.push(source.id);
}
for (const q of questions) {
  const c = suite.cases.find((x) => x.id === q);
  const say = c?.say ?? q;
  const a = analyzeQuestion(say);
  const counts = await store.knowledge.countTerms(property.id, a.terms.map((t) => t.stem));
  console.log(`\n${say}  N=${counts.total}`);
  console.log(a.terms.map((t) => `${t.word}/${t.stem}${t.frame ? '(f)' : ''} df=${counts.counts.get(t.stem) ?? 0} syn=${t.synonyms.slice(0, 4).join(',')}`).join('\n'));
  const r = await searchKnowledge({ repository: store.knowledge, propertyId: property.id, sourceIds, question: say, minRelevance: 0, limit: 8 });
  console.log('candidates', r.candidates);
  for (const p of r.passages) console.log(`  ${p.relevance.toFixed(2)}/${p.score.toFixed(2)} ${names.get(p.sourceId)} :: ${p.title} :: ${p.heading} :: ${p.text.slice(0, 90).replace(/\n/g, ' ')}`);
}
