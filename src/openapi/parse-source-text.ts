// Turns schema text into a document: JSON or YAML detected from content, aliases bounded, lines kept.
import { type Event, parseEvents } from 'js-yaml';
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import { constructFromYamlEvents } from './construct-from-yaml-events.js';
import { splitPointer } from './json-pointer.js';
import { linesOfOffsets, locateJsonPointers } from './locate-json-pointers.js';
import { locateYamlPointers } from './locate-yaml-pointers.js';
import { SchemaImportError, type SchemaResult } from './schema-import-error.js';

/**
 * How far YAML aliases may multiply the document (the `yaml` package's alias budget). Real documents
 * reuse an anchor a few hundred times at most; a "billion laughs" needs millions.
 */
export const MAX_YAML_ALIAS_COUNT = 10_000;

/** A parsed source: the document plus a way back from JSON pointers to lines of the text. */
export interface ParsedSource {
  /** The parsed document (plain objects, arrays and scalars; YAML aliases are shared objects). */
  document: unknown;
  /** Which syntax the text was in. */
  format: 'json' | 'yaml';
  /** 1-based line of each pointer; a pointer not in the text gets the line of its nearest ancestor. */
  locateLines: (pointers: Iterable<string>) => Map<string, number>;
}

/**
 * How deep a document may nest (maps and lists). Real documents stay under 60; the walkers that read
 * a document recurse, so a deeper one is refused instead of overflowing the stack.
 */
export const MAX_DOCUMENT_DEPTH = 256;

/** Parses JSON or YAML text; fails with `not-json-or-yaml`, `yaml-alias-limit` or `too-deep`. */
export function parseSourceText(text: string): SchemaResult<ParsedSource> {
  try {
    return parseText(text);
  } catch (error) {
    if (error instanceof RangeError) return tooDeep();
    throw error;
  }
}

// js-yaml's fast path bounds the depth while it parses; JSON.parse and the `yaml` package do not.
function withinDepth(parsed: SchemaResult<ParsedSource>): SchemaResult<ParsedSource> {
  return parsed.ok && exceedsDepth(parsed.value.document, MAX_DOCUMENT_DEPTH) ? tooDeep() : parsed;
}

function tooDeep(): SchemaResult<never> {
  return {
    ok: false,
    error: new SchemaImportError(
      'too-deep',
      `the document nests deeper than ${MAX_DOCUMENT_DEPTH} levels of maps and lists`,
    ),
  };
}

/** True when `document` nests deeper than `limit`; iterative, and each shared (aliased) node is seen once per depth. */
function exceedsDepth(document: unknown, limit: number): boolean {
  const deepest = new Map<object, number>();
  const pending: [unknown, number][] = [[document, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    if ((deepest.get(node) ?? -1) >= depth) continue;
    deepest.set(node, depth);
    for (const child of Array.isArray(node) ? node : Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

function parseText(text: string): SchemaResult<ParsedSource> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = source.trimStart();
  if (trimmed === '') return failure('the text is empty');
  if (looksBinary(source.slice(0, 4096))) {
    return failure('the text is binary, not YAML or JSON');
  }
  let jsonError: SchemaImportError | undefined;
  if (trimmed[0] === '{' || trimmed[0] === '[') {
    try {
      const document: unknown = JSON.parse(source);
      return withinDepth({
        ok: true,
        value: { document, format: 'json', locateLines: createJsonLocator(source) },
      });
    } catch (error) {
      jsonError = describeJsonError(source, error);
    }
  }
  const fast = parseYamlFast(source);
  if (fast) return { ok: true, value: fast };
  const yaml = parseYaml(source);
  if (!yaml.ok && jsonError) return { ok: false, error: jsonError };
  return withinDepth(yaml);
}

/**
 * The fast path (js-yaml's event parser, several times faster than a `yaml` syntax tree on large
 * documents): one document without aliases, read the way the `yaml` package reads it. Anything else
 * (a syntax error, aliases, unknown tags, several documents) is left to `parseYaml`, whose messages
 * say where, and which bounds alias expansion.
 */
function parseYamlFast(source: string): ParsedSource | undefined {
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: MAX_DOCUMENT_DEPTH });
  } catch {
    return undefined;
  }
  const document = constructFromYamlEvents(source, events);
  if (document === undefined) return undefined;
  return {
    document,
    format: 'yaml',
    locateLines: (pointers) => {
      const offsets = locateYamlPointers(source, events, pointers);
      const lines = linesOfOffsets(source, offsets.values());
      return new Map([...offsets].map(([pointer, offset]) => [pointer, lines.get(offset)!]));
    },
  };
}

function parseYaml(source: string): SchemaResult<ParsedSource> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, merge: true, uniqueKeys: false, strict: false });
  const [firstError] = document.errors;
  if (firstError) {
    const [position] = unclosedQuotePosition(document, firstError, lineCounter) ?? firstError.linePos ?? [];
    const headline = firstError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const where = position ? ` at line ${position.line}, column ${position.col}` : '';
    return failure(
      `not valid YAML${where}: ${headline}`,
      position && { line: position.line, column: position.col },
    );
  }
  try {
    const value: unknown = document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
    return {
      ok: true,
      value: { document: value, format: 'yaml', locateLines: createYamlLocator(document, lineCounter) },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/excessive alias count/i.test(message)) {
      return {
        ok: false,
        error: new SchemaImportError(
          'yaml-alias-limit',
          `YAML aliases expand the document beyond the limit of ${MAX_YAML_ALIAS_COUNT} (a "billion laughs" document?)`,
        ),
      };
    }
    return failure(`not valid YAML: ${message}`);
  }
}

/**
 * Where the quote starts that the parser found unclosed at the end of the text (the `yaml` package
 * reports the end, where nothing can be fixed): the quoted scalar that runs up to the error.
 */
function unclosedQuotePosition(
  document: Document,
  error: YAMLError,
  lineCounter: LineCounter,
): [{ line: number; col: number }] | undefined {
  if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return undefined;
  let start: number | undefined;
  visit(document, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && node.range && node.range[0] < error.pos[0] && node.range[1] >= error.pos[0]) {
        start = node.range[0];
        return visit.BREAK;
      }
    },
  });
  return start === undefined ? undefined : [lineCounter.linePos(start)];
}

// NUL and other C0 controls (tab, line feeds excepted) or undecodable bytes do not occur in YAML or JSON text.
function looksBinary(head: string): boolean {
  for (let index = 0; index < head.length; index++) {
    const code = head.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) return true;
  }
  return false;
}

function failure(reason: string, where?: { line: number; column: number }): SchemaResult<never> {
  const message = reason.startsWith('not valid') ? reason : `not YAML or JSON: ${reason}`;
  return { ok: false, error: new SchemaImportError('not-json-or-yaml', message, where) };
}

function describeJsonError(source: string, error: unknown): SchemaImportError {
  const message = error instanceof Error ? error.message : String(error);
  const atEnd = /end of JSON input/i.test(message) ? source.trimEnd().length : Number.NaN;
  const offset = Number(/position (\d+)/.exec(message)?.[1] ?? atEnd);
  const headline = message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  if (Number.isNaN(offset)) return new SchemaImportError('not-json-or-yaml', `not valid JSON: ${headline}`);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return new SchemaImportError(
    'not-json-or-yaml',
    `not valid JSON at line ${line}, column ${column}: ${headline}`,
    {
      line,
      column,
    },
  );
}

function createJsonLocator(source: string): ParsedSource['locateLines'] {
  return (pointers) => {
    const list = [...pointers];
    const offsets = locateJsonPointers(source, list);
    const lines = linesOfOffsets(source, offsets.values());
    const result = new Map<string, number>();
    for (const pointer of list) {
      let current = pointer;
      while (!offsets.has(current) && current !== '') current = current.slice(0, current.lastIndexOf('/'));
      const offset = offsets.get(current);
      if (offset !== undefined) result.set(pointer, lines.get(offset)!);
    }
    return result;
  };
}

function createYamlLocator(document: Document, lineCounter: LineCounter): ParsedSource['locateLines'] {
  return (pointers) => {
    const result = new Map<string, number>();
    for (const pointer of pointers) {
      let node: unknown = document.contents;
      let offset = (node as Node | null)?.range?.[0];
      for (const token of splitPointer(pointer)) {
        if (isAlias(node)) node = node.resolve(document);
        if (isMap(node)) {
          // Of repeated keys the last, whose value the document keeps.
          const pair = node.items.findLast(
            (item) => String(isScalar(item.key) ? item.key.value : item.key) === token,
          );
          if (!pair) break;
          offset = (pair.key as Node | null)?.range?.[0] ?? offset;
          node = pair.value;
        } else if (isSeq(node)) {
          node = node.items[Number(token)];
          if (node === undefined) break;
          offset = (node as Node).range?.[0] ?? offset;
        } else {
          break;
        }
      }
      if (offset !== undefined) result.set(pointer, lineCounter.linePos(offset).line);
    }
    return result;
  };
}
