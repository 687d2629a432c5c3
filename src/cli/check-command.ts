// `concierge check DIR_OR_FILES... [--json]`: import-checks many schemas and prints per-document results and totals.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from './command.js';
import { count } from './count.js';
import { failureJson, type ImportFailureJson, importFromCommandLine } from './import-command-source.js';

/** The result for one document, as `--json` prints it. */
export interface CheckedDocument {
  path: string;
  ok: boolean;
  /** The document's OpenAPI/Swagger version; null when it was rejected. */
  version: string | null;
  /** Compiled operations, uncallable ones included. */
  tools: number;
  uncallable: number;
  /** Lint findings of severity warning. */
  warnings: number;
  /** All lint findings. */
  lint: number;
  error?: ImportFailureJson;
  /** Time to read and compile, in milliseconds. */
  ms: number;
}

const SCHEMA_FILE = /\.(ya?ml|json)$/i;
const PROGRESS_EVERY = 50;

/** The `check` command; exit code 0 when it ran (rejections are results), 2 for a path that does not exist. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Import-check many schemas: per document ok / rejected (reason), totals and timings',
  usage: 'concierge check DIR_OR_FILES... [--json]',
  booleanFlags: ['json'],
  async run(args, io) {
    if (args.positionals.length === 0) {
      io.stderr(`concierge check: name at least one directory or schema file\nUsage: ${this.usage}\n`);
      return 2;
    }
    const files: string[] = [];
    for (const path of args.positionals) {
      try {
        files.push(...((await stat(path)).isDirectory() ? await listSchemaFiles(path) : [path]));
      } catch {
        io.stderr(`concierge check: ${path}: no such file or directory\n`);
        return 2;
      }
    }
    const json = args.flags.json === true;
    const started = performance.now();
    const documents: CheckedDocument[] = [];
    for (const [index, path] of files.entries()) {
      const document = await checkDocument(path, io.env);
      documents.push(document);
      if (!json) io.stdout(`${formatDocument(document)}\n`);
      else if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === files.length) {
        const rejected = documents.filter((each) => !each.ok).length;
        io.stderr(`checked ${index + 1}/${files.length} documents (${rejected} rejected)\n`);
      }
    }
    const totals = {
      documents: documents.length,
      ok: documents.filter((document) => document.ok).length,
      rejected: documents.filter((document) => !document.ok).length,
      tools: documents.reduce((sum, document) => sum + document.tools, 0),
      uncallable: documents.reduce((sum, document) => sum + document.uncallable, 0),
      ms: round(performance.now() - started),
    };
    if (json) {
      io.stdout(`${JSON.stringify({ documents, totals }, null, 2)}\n`);
    } else {
      const slowest = [...documents].sort((left, right) => right.ms - left.ms)[0];
      io.stdout(
        `\n${count(totals.documents, 'document')}: ${totals.ok} ok, ${totals.rejected} rejected; ${count(totals.tools, 'tool')} (${totals.uncallable} uncallable); ${(totals.ms / 1000).toFixed(1)} s` +
          (slowest ? `, slowest ${slowest.path} ${slowest.ms} ms\n` : '\n'),
      );
    }
    return 0;
  },
};

async function checkDocument(path: string, env: NodeJS.ProcessEnv): Promise<CheckedDocument> {
  const started = performance.now();
  const base = { path, tools: 0, uncallable: 0, warnings: 0, lint: 0 };
  try {
    const result = await importFromCommandLine(path, { env });
    const ms = round(performance.now() - started);
    if (!result.ok) return { ...base, ok: false, version: null, error: failureJson(result.error, path), ms };
    const { tools, lint, openapiVersion } = result.value;
    return {
      path,
      ok: true,
      version: openapiVersion,
      tools: tools.length,
      uncallable: tools.filter((tool) => !tool.callable).length,
      warnings: lint.filter((finding) => finding.severity === 'warning').length,
      lint: lint.length,
      ms,
    };
  } catch (error) {
    // A bug in the compiler must not end a check of a thousand documents; it is reported as this document's result.
    const message = `internal error while importing: ${error instanceof Error ? error.message : String(error)}`;
    const ms = round(performance.now() - started);
    return {
      ...base,
      ok: false,
      version: null,
      error: { code: 'internal-error', message, where: { source: path } },
      ms,
    };
  }
}

/** Schema files under `directory`, recursively and sorted; names starting with `_` or `.` are skipped. */
async function listSchemaFiles(directory: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await listSchemaFiles(path)));
    else if (entry.isFile() && SCHEMA_FILE.test(entry.name)) found.push(path);
  }
  return found;
}

function formatDocument(document: CheckedDocument): string {
  const time = `${document.ms} ms`;
  if (!document.ok)
    return `rejected  ${document.path}  (${document.error?.code}: ${document.error?.message})  ${time}`;
  const uncallable = document.uncallable > 0 ? `, ${document.uncallable} uncallable` : '';
  return `ok        ${document.path}  ${document.version}  ${count(document.tools, 'tool')}${uncallable}, ${count(document.warnings, 'warning')}  ${time}`;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
