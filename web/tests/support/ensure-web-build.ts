// Builds web/dist when it is missing or older than the web sources, once even when several test
// files ask at the same time (a lock directory serialises them across vitest workers).
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const webDir = fileURLToPath(new URL('../../', import.meta.url));
const rootDir = join(webDir, '..');
const stampFile = join(webDir, 'dist', '.build-stamp');
const lockDir = join(webDir, '.build-lock');

/** The newest modification time under the sources the build reads. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ['admin', 'widget', 'shared', 'vite.config.ts', 'vite.widget.config.ts']) {
    visit(join(webDir, entry));
  }
  return newest;
}

function isFresh(): boolean {
  try {
    return statSync(stampFile).mtimeMs >= newestSourceTime();
  } catch {
    return false;
  }
}

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

/** Runs `npm run build:web`'s two vite builds unless web/dist is up to date. */
export async function ensureWebBuild(): Promise<void> {
  if (isFresh()) return;
  await acquireLock();
  try {
    if (isFresh()) return;
    const vite = join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js');
    for (const config of ['web/vite.config.ts', 'web/vite.widget.config.ts']) {
      await run(process.execPath, [vite, 'build', '-c', config], { cwd: rootDir });
    }
    writeFileSync(stampFile, new Date().toISOString());
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
