#!/usr/bin/env node
// Entry point of the `concierge` command: runs the compiled CLI (built by `npm install` / `npm start`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('concierge: the build is missing; run `npm run build` (npm install does it too)\n');
  process.exit(1);
}
const { runCli } = await import(main);
process.exitCode = await runCli(process.argv.slice(2));
