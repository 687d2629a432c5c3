// Reads the reply part of a suite case: the calls that were made and what each API answered
// (`results`), and what the reply must and must not contain (`expect.reply`). Format: eval/README.md.

/** One call of a case and the API's answer to it, served to the executor by a local server. */
export interface SuiteResult {
  /** The operationId (or tool name) called. */
  call: string;
  /** The arguments it was called with. */
  args: Record<string, unknown>;
  /** The HTTP status the API answers with. Default 200. */
  status: number;
  /** The body: a JSON value (sent as application/json) or a text. */
  body?: unknown;
  /** The content type; default `application/json` for a JSON value, `text/plain` for a text. */
  contentType?: string;
  /** The body is sent again and again without end, so the executor's size cap cuts it. */
  endless?: boolean;
}

/** One pattern of `includes` / `excludes`: a case-insensitive substring, a `/regular expression/flags`, or alternatives. */
export type ReplyPattern = string | { anyOf: string[] };

/** What a reply must and must not contain. */
export interface ReplyExpectation {
  /** Each must be found in the reply. */
  includes: ReplyPattern[];
  /** None may be found in the reply. */
  excludes: ReplyPattern[];
  /** The reply's length in characters at most, when given. */
  maxLength?: number;
}

type Row = Record<string, unknown>;
const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const REGEX = /^\/(.+)\/([imsu]*)$/s;

/** A pattern as a test on the reply text; throws with what is wrong for an invalid regular expression. */
export function compilePattern(pattern: string): (text: string) => boolean {
  const regex = REGEX.exec(pattern);
  if (regex) {
    const compiled = new RegExp(regex[1], regex[2]);
    return (text) => compiled.test(text);
  }
  const wanted = pattern.toLowerCase();
  return (text) => text.toLowerCase().includes(wanted);
}

function readPatterns(value: unknown, where: string): ReplyPattern[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry, index) => {
    const at = `${where}[${index}]`;
    const alternatives = isRecord(entry) ? entry.anyOf : undefined;
    const patterns =
      typeof entry === 'string' ? [entry] : Array.isArray(alternatives) ? alternatives : undefined;
    if (
      !patterns ||
      patterns.length === 0 ||
      !patterns.every((pattern) => typeof pattern === 'string' && pattern)
    )
      throw new Error(`${at} must be a text, a /regular expression/ or {anyOf: [texts]}`);
    for (const pattern of patterns) {
      try {
        compilePattern(pattern);
      } catch (error) {
        throw new Error(`${at}: ${(error as Error).message}`);
      }
    }
    return typeof entry === 'string' ? entry : { anyOf: patterns as string[] };
  });
}

/** Reads `expect.reply`; undefined when the case has none. */
export function readReplyExpectation(value: unknown, where: string): ReplyExpectation | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new Error(`${where} must be an object with includes and/or excludes`);
  const maxLength = value.maxLength;
  if (
    maxLength !== undefined &&
    (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 1)
  )
    throw new Error(`${where}.maxLength must be a positive whole number`);
  const reply: ReplyExpectation = {
    includes: readPatterns(value.includes, `${where}.includes`),
    excludes: readPatterns(value.excludes, `${where}.excludes`),
    ...(maxLength !== undefined ? { maxLength: maxLength as number } : {}),
  };
  return reply;
}

/** Reads `results`; each defaults its call and arguments to the case's expected ones. */
export function readResults(
  value: unknown,
  where: string,
  expected: { call?: string; args?: Record<string, unknown> },
): SuiteResult[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${where} must be a non-empty list`);
  return value.map((entry, index) => {
    const at = `${where}[${index}]`;
    if (!isRecord(entry)) throw new Error(`${at} must be an object`);
    const call = entry.call ?? expected.call;
    if (typeof call !== 'string' || !call || call === 'none')
      throw new Error(`${at} needs 'call' (the operationId)`);
    // The expected arguments serve as the call's when they are plain values, not alternatives.
    const plain =
      call === expected.call &&
      expected.args !== undefined &&
      Object.values(expected.args).every((arg) => typeof arg !== 'object' || arg === null);
    const args = entry.args ?? (plain ? expected.args : undefined) ?? {};
    if (!isRecord(args)) throw new Error(`${at}.args must be an object`);
    const status = entry.status ?? 200;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
      throw new Error(`${at}.status must be an HTTP status (100-599)`);
    if (entry.contentType !== undefined && typeof entry.contentType !== 'string')
      throw new Error(`${at}.contentType must be a text`);
    if (entry.endless === true && typeof entry.body !== 'string')
      throw new Error(`${at}: an endless body must be a text`);
    return {
      call,
      args,
      status,
      ...(entry.body !== undefined ? { body: entry.body } : {}),
      ...(typeof entry.contentType === 'string' ? { contentType: entry.contentType } : {}),
      ...(entry.endless === true ? { endless: true } : {}),
    };
  });
}
