// Schema `pattern`s run in linear time: RE2 (re2js) instead of the backtracking RegExp engine, so a
// pattern such as `^(a+)+$` cannot stall the server on a crafted string. A pattern RE2 cannot run
// (lookaround, backreferences) is not run at all: the import drops it with a lint finding.
import { RE2JS } from 're2js';

/** A compiled pattern; `test` is true when it matches anywhere in `text`, as RegExp#test. */
export interface SchemaPattern {
  test: (text: string) => boolean;
}

/** Why a pattern cannot be used: not ECMAScript at all, or ECMAScript that RE2 cannot run. */
export type SchemaPatternProblem = { kind: 'invalid' | 'unsupported'; reason: string };

const MAX_CACHED = 10_000;
const cache = new Map<string, RE2JS | SchemaPatternProblem>();

function compile(pattern: string, ignoreCase: boolean): RE2JS | SchemaPatternProblem {
  const key = `${ignoreCase ? 'i' : '-'}${pattern}`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    try {
      new RegExp(pattern, 'u');
      try {
        compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
      } catch (error) {
        compiled = { kind: 'unsupported', reason: describeRe2Error(error) };
      }
    } catch (error) {
      compiled = { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, compiled);
  }
  return compiled;
}

function describeRe2Error(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^error parsing regexp: /, '');
}

/** Undefined when `pattern` can be matched in linear time; else what is wrong with it. */
export function checkSchemaPattern(pattern: string): SchemaPatternProblem | undefined {
  const compiled = compile(pattern, false);
  return compiled instanceof RE2JS ? undefined : compiled;
}

/**
 * Compiles a schema pattern (ECMAScript syntax) for linear-time matching. Throws an Error saying why
 * for a pattern that is not valid or that RE2 cannot run.
 */
export function compileSchemaPattern(pattern: string, options: { ignoreCase?: boolean } = {}): SchemaPattern {
  const compiled = compile(pattern, options.ignoreCase === true);
  if (!(compiled instanceof RE2JS)) {
    throw new Error(
      compiled.kind === 'invalid'
        ? `pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${compiled.reason}`
        : `pattern ${JSON.stringify(pattern)} cannot be matched in linear time: ${compiled.reason}`,
    );
  }
  return { test: (text) => compiled.test(text) };
}

/** True when `pattern` matches `text`; false as well when the pattern cannot be run safely. */
export function matchesSchemaPattern(pattern: string, text: string, options: { ignoreCase?: boolean } = {}) {
  const compiled = compile(pattern, options.ignoreCase === true);
  return compiled instanceof RE2JS && compiled.test(text);
}

/** ajv's `code.regExp` option: every `pattern` and `patternProperties` key compiled by RE2. */
export const linearRegExpEngine = Object.assign(
  (pattern: string, _flags: string) => {
    const compiled = compileSchemaPattern(pattern);
    return { test: compiled.test, toString: () => `re2:${pattern}` };
  },
  { code: 'linearRegExpEngine' },
);
