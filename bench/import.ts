// Benchmark of the schema import against swagger-parser's `dereference` of the same file (its baseline):
// Stripe's 4 MB YAML and GitHub's 13 MB JSON from ../shared. Each run is a fresh process, as a
// `concierge import` is, timed from reading the file to the compiled catalog (module loading left out).
// Target (issue 17): the import within 1.5x of `dereference`.
// Usage: node --import tsx bench/import.ts [SCHEMA_FILE...] [--runs N] (default: Stripe and GitHub, 5 runs)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';

const corpus = join(import.meta.dirname, '../../shared/corpus/openapi');

/** What a child process times: our import, or swagger-parser's parse + dereference. */
async function runChild(kind: string, file: string): Promise<void> {
  const { importSchema } = await import('../src/openapi/index.js');
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  const started = performance.now();
  let summary = 'dereferenced';
  if (kind === 'import') {
    const result = await importSchema(readFileSync(file, 'utf8'));
    if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
    summary = `${result.value.tools.length} tools, ${result.value.lint.length} lint findings`;
  } else {
    await SwaggerParser.dereference(file);
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, summary, rssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

function defaultSchemas(): string[] {
  const largestIn = (dir: string) =>
    readdirSync(dir)
      .filter((name) => /\.(json|ya?ml)$/.test(name))
      .map((name) => join(dir, name))
      .sort((left, right) => statSync(right).size - statSync(left).size)[0];
  return ['stripe', 'github']
    .map((dir) => join(corpus, dir))
    .filter(existsSync)
    .map(largestIn);
}

function timeInChild(kind: string, file: string): { ms: number; summary: string; rssMiB: number } {
  // The child loads the modules before its clock starts; only the work on the file is timed.
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', kind, file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`${kind} of ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

const median = (values: number[]) =>
  [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)];

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await runChild(args[1], args[2]);
} else {
  const runsAt = args.indexOf('--runs');
  const runs = runsAt === -1 ? 5 : Number(args[runsAt + 1]);
  const named = runsAt === -1 ? args : [...args.slice(0, runsAt), ...args.slice(runsAt + 2)];
  const files = named.length > 0 ? named.map((file) => resolve(file)) : defaultSchemas();
  if (files.length === 0) {
    console.log(`skipped: no schema to benchmark: ${corpus} is absent (no ../shared)`);
    process.exit(0);
  }
  for (const file of files) {
    if (!existsSync(file)) {
      console.log(`skipped: ${file} does not exist`);
      continue;
    }
    const ours: number[] = [];
    const baseline: number[] = [];
    let summary = '';
    let peakMiB = 0;
    // Alternate the two so a noisy neighbour slows both alike.
    for (let run = 0; run < runs; run++) {
      const imported = timeInChild('import', file);
      ours.push(imported.ms);
      summary = imported.summary;
      peakMiB = Math.max(peakMiB, imported.rssMiB);
      baseline.push(timeInChild('dereference', file).ms);
    }
    const ratio = median(ours) / median(baseline);
    const fastest = (values: number[]) => Math.min(...values).toFixed(0);
    const size = (statSync(file).size / 1024 / 1024).toFixed(1);
    console.log(`schema       ${basename(file)} (${size} MiB): ${summary}`);
    console.log(
      `import       median ${median(ours).toFixed(0)} ms over ${runs} fresh processes (peak RSS ${peakMiB.toFixed(0)} MiB)`,
    );
    console.log(`dereference  median ${median(baseline).toFixed(0)} ms (swagger-parser, the baseline)`);
    console.log(`fastest      import ${fastest(ours)} ms, dereference ${fastest(baseline)} ms`);
    // A busy machine slows the import (more allocation, so more garbage collection) more than the baseline.
    const load = loadavg()[0].toFixed(1);
    console.log(
      `ratio        ${ratio.toFixed(2)}x (target at most 1.5x) ${ratio <= 1.5 ? 'ok' : 'OVER'}, load average ${load} on ${availableParallelism()} cores`,
    );
  }
}
