// Loads an eval suite (YAML or JSON): cases with their schema (suite-level or per-case, inline or by
// path), base prompt, history, the expected call and, for reply cases, the API's answers and what the
// reply must contain. Format: eval/README.md.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  type ReplyExpectation,
  readReplyExpectation,
  readResults,
  type SuiteResult,
} from './load-reply-case.js';

/** One earlier message of a case. */
export interface SuiteMessage {
  role: 'customer' | 'agent';
  text: string;
}

/** What a case expects: the operationId to call (or `none`) and arguments to check, and/or the reply. */
export interface SuiteExpectation {
  /** The operationId to call, or `none`; absent in a case that only checks the reply. */
  call?: string;
  /** Expected values by argument name (see score-decision.ts for the matching rules). */
  args?: Record<string, unknown>;
  /** What the reply must and must not contain (see load-reply-case.ts). */
  reply?: ReplyExpectation;
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
  /** For a reply case: the calls made and what the API answered to each. */
  results?: SuiteResult[];
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
    const raw = entry.expect as Record<string, unknown> | undefined;
    const hasCall = typeof raw?.call === 'string';
    if (typeof entry.say !== 'string' || !raw || (!hasCall && raw.reply === undefined)) {
      throw new Error(`${path}: case '${id}' needs 'say' and 'expect.call' or 'expect.reply'`);
    }
    let reply: ReplyExpectation | undefined;
    let results: SuiteResult[] | undefined;
    try {
      reply = readReplyExpectation(raw.reply, 'expect.reply');
      results = readResults(entry.results, 'results', raw as SuiteExpectation);
    } catch (error) {
      throw new Error(`${path}: case '${id}': ${(error as Error).message}`);
    }
    if (results && !reply) throw new Error(`${path}: case '${id}' has results but no 'expect.reply'`);
    const expect: SuiteExpectation = {
      ...(hasCall ? { call: raw.call as string } : {}),
      ...(raw.args !== undefined ? { args: raw.args as Record<string, unknown> } : {}),
      ...(reply ? { reply } : {}),
    };
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
      ...(results ? { results } : {}),
    });
  }
  return { name: String(raw.name ?? basename(path, extname(path))), path, cases };
}
