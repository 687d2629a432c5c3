// Benchmark of tool selection: a tool-choice suite's store API hidden among 1,000 generated operations;
// prints how often the expected tool is among those offered, and the time per selection.
// Usage: node --import tsx bench/select-tools.ts [SUITE_DIR] (default ../shared/eval/acme-store)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { compileToolCatalog, selectTools } from '../src/tools/index.js';
import { compileCatalog, loadLargeCatalog } from '../src/tools/test-support/load-catalogs.js';

interface SuiteCase {
  id: string;
  say: string;
  history?: { text: string }[];
  expect: { call: string };
}

const suiteDir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../shared/eval/acme-store'));
if (!existsSync(join(suiteDir, 'cases.yaml'))) {
  console.error(`no suite at ${suiteDir} (expected cases.yaml and openapi.yaml)`);
  process.exit(2);
}
const suite = parse(readFileSync(join(suiteDir, 'cases.yaml'), 'utf8')) as {
  basePrompt?: string;
  cases: SuiteCase[];
};
const { tools, store } = await loadLargeCatalog(
  await compileCatalog(readFileSync(join(suiteDir, 'openapi.yaml'), 'utf8')),
);

// Compiled once, as an agent's catalog is for every turn of its version.
const catalog = compileToolCatalog(tools);
let started = performance.now();
selectTools({ tools: catalog, query: 'index build' });
const buildMs = performance.now() - started;

const rows: { id: string; rank: number; offered: number }[] = [];
started = performance.now();
for (const suiteCase of suite.cases.filter((each) => each.expect.call !== 'none')) {
  const context = (suiteCase.history ?? []).map((message) => message.text).join('\n');
  const chosen = selectTools({ tools: catalog, query: suiteCase.say, context, basePrompt: suite.basePrompt });
  const rank = chosen.findIndex((tool) => (tool.operationId ?? tool.name) === suiteCase.expect.call);
  rows.push({ id: suiteCase.id, rank, offered: chosen.length });
}
const selectMs = (performance.now() - started) / rows.length;

const found = rows.filter((row) => row.rank >= 0);
console.log(`catalog: ${tools.length} tools (${store.length} from ${suiteDir})`);
for (const row of rows)
  console.log(`  ${row.rank < 0 ? 'MISS' : `#${row.rank + 1}`.padEnd(4)} ${row.id} (${row.offered} offered)`);
console.log(`in the 20 offered: ${found.length}/${rows.length}`);
console.log(`in the top 5: ${rows.filter((row) => row.rank >= 0 && row.rank < 5).length}/${rows.length}`);
console.log(`index build: ${buildMs.toFixed(0)} ms; selection: ${selectMs.toFixed(2)} ms per message`);
process.exitCode = found.length === rows.length ? 0 : 1;
