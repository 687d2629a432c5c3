// Benchmark of the schema import: the GitHub REST document (13 MB, 1,200+ operations) from ../shared,
// compiled several times; prints the first run, the median, and the process's peak memory.
// Usage: node --import tsx bench/import.ts [SCHEMA_FILE] [RUNS] (default: the largest file under
// ../shared/corpus/openapi/github, 7 runs)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importSchema } from '../src/openapi/index.js';

const githubDir = join(import.meta.dirname, '../../shared/corpus/openapi/github');

function defaultSchema(): string | undefined {
  if (!existsSync(githubDir)) return undefined;
  const files = readdirSync(githubDir)
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .map((name) => join(githubDir, name));
  return files.sort((left, right) => statSync(right).size - statSync(left).size)[0];
}

const file = process.argv[2] ? resolve(process.argv[2]) : defaultSchema();
if (!file || !existsSync(file)) {
  const reason = process.argv[2]
    ? `${process.argv[2]} does not exist`
    : `${githubDir} is absent (no ../shared)`;
  console.log(`skipped: no schema to benchmark: ${reason}`);
  process.exit(0);
}
const runs = Number(process.argv[3] ?? 7);
const text = readFileSync(file, 'utf8');
const timings: number[] = [];
let summary = '';
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const result = await importSchema(text);
  timings.push(performance.now() - started);
  if (!result.ok) {
    console.error(`import failed: ${result.error.message}`);
    process.exit(1);
  }
  const { tools, lint } = result.value;
  summary = `${tools.length} tools (${tools.filter((tool) => !tool.callable).length} uncallable), ${lint.length} lint findings`;
}
const sorted = [...timings].sort((left, right) => left - right);
const median = sorted[Math.floor(sorted.length / 2)];
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(`schema      ${file} (${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MiB): ${summary}`);
console.log(`first run   ${timings[0].toFixed(0)} ms`);
console.log(
  `median      ${median.toFixed(0)} ms over ${runs} runs (min ${sorted[0].toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)})`,
);
console.log(`peak RSS    ${peakMiB.toFixed(0)} MiB`);
