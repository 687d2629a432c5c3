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
  const cpuBefore = process.cpuUsage();
  let summary = 'dereferenced';
  if (kind === 'import') {
    const result = await importSchema(readFileSync(file, 'utf8'));
    if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
    summary = `${result.value.tools.length} tools, ${result.value.lint.length} lint findings`;
  } else {
    await SwaggerParser.dereference(file);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs, summary, rssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
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

/** What a child reports: wall and CPU milliseconds of the work, what it made, its peak memory. */
interface Timing {
  ms: number;
  cpuMs: number;
  summary: string;
  rssMiB: number;
}

function timeInChild(kind: string, file: string): Timing {
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
    const ours: Timing[] = [];
    const baseline: Timing[] = [];
    // Alternate the two so a noisy neighbour slows both alike.
    for (let run = 0; run < runs; run++) {
      ours.push(timeInChild('import', file));
      baseline.push(timeInChild('dereference', file));
    }
    const size = (statSync(file).size / 1024 / 1024).toFixed(1);
    const peakMiB = Math.max(...ours.map((timing) => timing.rssMiB)).toFixed(0);
    console.log(`schema       ${basename(file)} (${size} MiB): ${ours[0].summary}, peak RSS ${peakMiB} MiB`);
    for (const [label, key] of [
      ['wall', 'ms'],
      ['CPU', 'cpuMs'],
    ] as const) {
      const [importMs, baselineMs] = [ours, baseline].map((timings) =>
        median(timings.map((each) => each[key])),
      );
      const fastest = [ours, baseline].map((timings) =>
        Math.min(...timings.map((each) => each[key])).toFixed(0),
      );
      const ratio = importMs / baselineMs;
      console.log(
        `${label.padEnd(5)}        import ${importMs.toFixed(0)} ms, dereference ${baselineMs.toFixed(0)} ms (medians of ${runs} fresh processes; fastest ${fastest.join(' and ')}): ${ratio.toFixed(2)}x, target at most 1.5x ${ratio <= 1.5 ? 'ok' : 'OVER'}`,
      );
    }
    // A busy machine slows the import (more allocation, so more garbage collection) more than the baseline.
    console.log(`machine      load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  }
}
