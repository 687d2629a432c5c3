// Loads a tool-choice suite (YAML or JSON): cases with their schema (suite-level or per-case, inline
// or by path), base prompt, history and expectation. Format: shared/eval/README.md.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parse } from 'yaml';

/** One earlier message of a case. */
export interface SuiteMessage {
  role: 'customer' | 'agent';
  text: string;
}

/** What a case expects: the operationId to call (or `none`) and arguments to check. */
export interface SuiteExpectation {
  call: string;
  /** Expected values by argument name (see score-decision.ts for the matching rules). */
  args?: Record<string, unknown>;
}

/** One case, with its schema resolved to a document object. */
export interface SuiteCase {
  id: string;
  /** The OpenAPI document of the case (the suite's unless the case has its own). */
  schema: unknown;
  /** A key naming the schema, so a runner compiles each distinct schema once. */
  schemaKey: string;
  basePrompt?: string;
  history: SuiteMessage[];
  say: string;
  expect: SuiteExpectation;
}

/** A loaded suite. */
export interface Suite {
  name: string;
  /** The file it was read from. */
  path: string;
  cases: SuiteCase[];
}

async function readStructured(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  return extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parse(text);
}

async function resolveSchema(schema: unknown, directory: string, cache: Map<string, unknown>) {
  if (typeof schema !== 'string') return { schema, key: undefined };
  const path = resolve(directory, schema);
  if (!cache.has(path)) cache.set(path, await readStructured(path));
  return { schema: cache.get(path), key: path };
}

/** Reads the suite at `path`; throws with the file and case when it is malformed. */
export async function loadSuite(path: string): Promise<Suite> {
  const raw = (await readStructured(path)) as Record<string, unknown> | null;
  if (!raw || !Array.isArray(raw.cases)) throw new Error(`${path}: a suite needs a 'cases' list`);
  const directory = dirname(path);
  const documents = new Map<string, unknown>();
  const suiteSchema = await resolveSchema(raw.schema, directory, documents);
  const cases: SuiteCase[] = [];
  for (const [index, entry] of (raw.cases as Record<string, unknown>[]).entries()) {
    const id = String(entry.id ?? `case-${index + 1}`);
    const expect = entry.expect as SuiteExpectation | undefined;
    if (typeof entry.say !== 'string' || !expect || typeof expect.call !== 'string') {
      throw new Error(`${path}: case '${id}' needs 'say' and 'expect.call'`);
    }
    const own =
      entry.schema === undefined ? undefined : await resolveSchema(entry.schema, directory, documents);
    const schema = own ?? suiteSchema;
    if (schema.schema === undefined)
      throw new Error(`${path}: case '${id}' has no schema and the suite has none`);
    cases.push({
      id,
      schema: schema.schema,
      schemaKey: schema.key ?? (own ? `${path}#${id}` : `${path}#suite`),
      basePrompt: (entry.basePrompt ?? raw.basePrompt) as string | undefined,
      history: (entry.history ?? []) as SuiteMessage[],
      say: entry.say,
      expect,
    });
  }
  return { name: String(raw.name ?? basename(path, extname(path))), path, cases };
}
