// Builds web/dist when it is missing or older than the web sources (scripts/build.js decides), once
// even when several test files ask at the same time (a lock directory serialises them across workers).
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const webDir = fileURLToPath(new URL('../../', import.meta.url));
const rootDir = join(webDir, '..');
const lockDir = join(webDir, '.build-lock');

async function acquireLock(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch {
      // A lock left by a killed run is taken over after two minutes.
      const age = Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`web build lock ${lockDir} held too long`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Runs the web part of `npm run build` unless web/dist is up to date. */
export async function ensureWebBuild(): Promise<void> {
  await acquireLock();
  try {
    await run(process.execPath, [join(rootDir, 'scripts', 'build.js'), '--if-changed', '--only', 'web'], {
      cwd: rootDir,
    });
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
