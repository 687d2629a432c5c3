#!/usr/bin/env node
// Builds the server (tsc -> dist/) and the web UI (vite -> web/dist/). `--if-changed` (what `npm start`
// runs) skips each part whose output is newer than every file it is built from, so a second start
// serves within seconds; `--only server|web` builds one part.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ifChanged = args.includes('--if-changed');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

/** The newest modification time of the files under `paths` (relative to the root). */
function newestTime(paths) {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

function run(command, commandArgs) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', ...command), ...commandArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Writes `.br` and `.gz` beside each text file of `dir`, which the server sends to browsers that accept them. */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) precompress(path);
    else if (/\.(js|css|html|svg|json)$/.test(entry.name)) {
      const content = readFileSync(path);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    }
  }
}

// The stamp files are written after a successful build; web/tests/support/ensure-web-build.ts reads
// the web one too.
const parts = [
  {
    name: 'server',
    sources: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    stamp: 'dist/.build-stamp',
    build: () => run(['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.build.json']),
  },
  {
    name: 'web',
    sources: ['web/admin', 'web/widget', 'web/shared', 'web/vite.config.ts', 'web/vite.widget.config.ts'],
    stamp: 'web/dist/.build-stamp',
    build: () => {
      for (const config of ['web/vite.config.ts', 'web/vite.widget.config.ts']) {
        run(['vite', 'bin', 'vite.js'], ['build', '-c', config]);
      }
      precompress(join(root, 'web', 'dist'));
    },
  },
];

for (const part of parts) {
  if (only && part.name !== only) continue;
  const stampTime = statSync(join(root, part.stamp), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (ifChanged && stampTime >= newestTime(part.sources)) {
    process.stderr.write(`build: ${part.name} is up to date\n`);
    continue;
  }
  const started = Date.now();
  part.build();
  mkdirSync(dirname(join(root, part.stamp)), { recursive: true });
  writeFileSync(join(root, part.stamp), new Date().toISOString());
  process.stderr.write(`build: ${part.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
