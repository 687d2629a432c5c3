// The parameters of one operation: path-item and operation lists merged (the operation wins), refs followed.
import { followRefs } from './follow-refs.js';
import { describePointer, joinPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';
import type { OperationEntry } from './list-operations.js';
import type { OpenApiDialect } from './normalize-schema.js';

/** One parameter object as written in the document, after `$ref`s. */
export interface SourceParameter {
  name: string;
  /** `path`, `query`, `header`, `cookie`; in Swagger 2.0 also `body` and `formData`. */
  in: string;
  value: Record<string, unknown>;
  pointer: string;
}

const LOCATIONS: Record<OpenApiDialect, string[]> = {
  '2.0': ['path', 'query', 'header', 'cookie', 'body', 'formData'],
  '3.0': ['path', 'query', 'header', 'cookie'],
  '3.1': ['path', 'query', 'header', 'cookie'],
};

/** Merges path-level and operation-level parameters by name and location. */
export function collectParameters(options: {
  entry: OperationEntry;
  document: unknown;
  dialect: OpenApiDialect;
  lint: LintCollector;
  tool: string;
}): SourceParameter[] {
  const { entry, document, dialect, lint, tool } = options;
  const merged = new Map<string, SourceParameter>();
  const lists: [unknown, string][] = [
    [entry.pathItem.parameters, joinPointer(entry.pathItemPointer, 'parameters')],
    [entry.operation.parameters, joinPointer(entry.pointer, 'parameters')],
  ];
  for (const [list, listPointer] of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      lint.add({
        severity: 'warning',
        code: 'invalid-parameter',
        pointer: listPointer,
        message: `${describePointer(listPointer)}: parameters must be a list; ignored`,
        fix: 'Write parameters as a list of parameter objects.',
      });
      continue;
    }
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const listed = joinPointer(listPointer, index);
      const found = followRefs({ document, value: item, pointer: listed, lint, what: 'parameter' });
      if (!found) return;
      const { value, pointer } = found;
      const location = value.in;
      if (
        typeof value.name !== 'string' ||
        typeof location !== 'string' ||
        !LOCATIONS[dialect].includes(location)
      ) {
        lint.add({
          severity: 'warning',
          code: 'invalid-parameter',
          pointer,
          message: `${describePointer(pointer)}: parameter ${JSON.stringify(value.name ?? '(no name)')} has ${typeof location === 'string' ? `unknown location '${location}'` : 'no location (in)'}; ignored`,
          fix: `Give the parameter a name and in: one of ${LOCATIONS[dialect].join(', ')}.`,
        });
        return;
      }
      // Header names are case-insensitive (RFC 9110); everything else is matched exactly.
      const key = `${location}:${location === 'header' ? value.name.toLowerCase() : value.name}`;
      if (seen.has(key)) {
        lint.add({
          severity: 'info',
          code: 'duplicate-parameter',
          pointer: listed,
          tool,
          message: `${describePointer(listed)}: ${location} parameter '${value.name}' is declared twice; the last one is used`,
          fix: 'Remove the duplicate parameter.',
        });
      }
      seen.add(key);
      merged.set(key, { name: value.name, in: location, value, pointer });
    });
  }
  return [...merged.values()];
}
