// Loads an eval suite (YAML or JSON): cases with their schema (suite-level or per-case, inline or by
// path), knowledge sources, base prompt, history, the expected call and source and, for reply cases,
// the API's answers and what the reply must contain. Format: eval/README.md.
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
  /**
   * The operationId to call, or `none`; absent in a case that only checks the reply. A case that names
   * a `source` and no call expects `none`: a knowledge question calls no operation.
   */
  call?: string;
  /** Expected values by argument name (see score-decision.ts for the matching rules). */
  args?: Record<string, unknown>;
  /** What the reply must and must not contain (see load-reply-case.ts). */
  reply?: ReplyExpectation;
  /**
   * The knowledge source the reply must use, by its name, a document's title or its URL (any of a
   * list); `none`: the reply must use no source (a question no source covers).
   */
  source?: string | string[];
}

/**
 * A knowledge source a suite or case gives (files already read): an article (Markdown, text or HTML:
 * a saved web page is an HTML article), or questions with answers (a CSV file or a list).
 */
export type SuiteKnowledgeSource =
  | { kind: 'article'; title?: string; body: string; format: 'markdown' | 'text' | 'html'; url?: string }
  | { kind: 'faq'; name: string; csv: string }
  | { kind: 'faq'; name: string; pairs: { question: string; answer: string; url?: string }[] };

/** One case, with its schema resolved to a document object. */
export interface SuiteCase {
  id: string;
  /** The OpenAPI document of the case (the suite's unless the case has its own); undefined: no API (knowledge only). */
  schema: unknown;
  /** A key naming the schema, so a runner compiles each distinct schema once. */
  schemaKey: string;
  basePrompt?: string;
  history: SuiteMessage[];
  say: string;
  expect: SuiteExpectation;
  /** For a reply case: the calls made and what the API answered to each. */
  results?: SuiteResult[];
  /** The knowledge sources the agent may search (the case's, else the suite's); absent: none. */
  knowledge?: SuiteKnowledgeSource[];
  /** A key naming the knowledge, so a runner indexes each distinct set once. */
  knowledgeKey?: string;
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

const FORMATS: Record<string, 'markdown' | 'text' | 'html'> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads one knowledge entry: `article: FILE`, `page: FILE.html`, `title` + `body`, or `faq: FILE.csv | [pairs]`. */
async function readKnowledgeEntry(
  entry: unknown,
  directory: string,
  where: string,
): Promise<SuiteKnowledgeSource> {
  const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  const url = text(fields.url);
  const link = url ? { url } : {};
  const file = text(fields.article) ?? text(fields.page);
  if (file !== undefined) {
    const path = resolve(directory, file);
    const format = fields.page !== undefined ? 'html' : (FORMATS[extname(path).toLowerCase()] ?? 'text');
    const title = text(fields.title) ?? text(fields.name);
    return {
      kind: 'article',
      body: await readFile(path, 'utf8'),
      format,
      ...(title ? { title } : {}),
      ...link,
    };
  }
  if (fields.faq !== undefined) {
    if (Array.isArray(fields.faq)) {
      const pairs = (fields.faq as Record<string, unknown>[]).map((pair) => {
        const question = text(pair?.question);
        const answer = text(pair?.answer);
        if (!question || !answer) throw new Error(`${where}: every faq entry needs a question and an answer`);
        return { question, answer, ...(text(pair.url) ? { url: text(pair.url) } : {}) };
      });
      return { kind: 'faq', name: text(fields.name) ?? 'FAQ', pairs };
    }
    const path = resolve(directory, String(fields.faq));
    return {
      kind: 'faq',
      name: text(fields.name) ?? basename(path, extname(path)),
      csv: await readFile(path, 'utf8'),
    };
  }
  const body = text(fields.body);
  if (body !== undefined) {
    const format = fields.format === 'html' || fields.format === 'text' ? fields.format : 'markdown';
    const title = text(fields.title);
    return { kind: 'article', body, format, ...(title ? { title } : {}), ...link };
  }
  throw new Error(`${where}: a knowledge entry needs article, page, faq, or title and body`);
}

async function readKnowledge(value: unknown, directory: string, where: string) {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new Error(`${where}: 'knowledge' must be a list`);
  return Promise.all(
    value.map((entry, index) => readKnowledgeEntry(entry, directory, `${where}, knowledge ${index + 1}`)),
  );
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
  const suiteKnowledge = await readKnowledge(raw.knowledge, directory, path);
  const cases: SuiteCase[] = [];
  for (const [index, entry] of (raw.cases as Record<string, unknown>[]).entries()) {
    const id = String(entry.id ?? `case-${index + 1}`);
    const expected = entry.expect as Record<string, unknown> | undefined;
    const source = expected?.source as string | string[] | undefined;
    const hasCall = typeof expected?.call === 'string';
    if (
      typeof entry.say !== 'string' ||
      !expected ||
      (!hasCall && expected.reply === undefined && source === undefined)
    ) {
      throw new Error(
        `${path}: case '${id}' needs 'say' and 'expect.call', 'expect.reply' or 'expect.source'`,
      );
    }
    let reply: ReplyExpectation | undefined;
    let results: SuiteResult[] | undefined;
    try {
      reply = readReplyExpectation(expected.reply, 'expect.reply');
      results = readResults(entry.results, 'results', expected as SuiteExpectation);
    } catch (error) {
      throw new Error(`${path}: case '${id}': ${(error as Error).message}`);
    }
    if (results && !reply) throw new Error(`${path}: case '${id}' has results but no 'expect.reply'`);
    const expect: SuiteExpectation = {
      ...(hasCall ? { call: expected.call as string } : source !== undefined ? { call: 'none' } : {}),
      ...(expected.args !== undefined ? { args: expected.args as Record<string, unknown> } : {}),
      ...(reply ? { reply } : {}),
      ...(source !== undefined ? { source } : {}),
    };
    const ownKnowledge = await readKnowledge(entry.knowledge, directory, `${path}: case '${id}'`);
    const knowledge = ownKnowledge ?? suiteKnowledge;
    const own =
      entry.schema === undefined ? undefined : await resolveSchema(entry.schema, directory, documents);
    const schema = own ?? suiteSchema;
    // A case answered from knowledge alone needs no API.
    if (schema.schema === undefined && !knowledge)
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
      ...(knowledge ? { knowledge, knowledgeKey: ownKnowledge ? `${path}#${id}` : `${path}#suite` } : {}),
    });
  }
  return { name: String(raw.name ?? basename(path, extname(path))), path, cases };
}
