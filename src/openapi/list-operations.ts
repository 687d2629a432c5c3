// Finds every operation under `paths` (path-item `$ref`s followed), in document order.

import { followRefs } from './follow-refs.js';
import { isRecord } from './is-record.js';
import { describePointer, joinPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';
import type { HttpMethod } from './tool-definition.js';

/** The HTTP methods OpenAPI path items hold, in the order tools are listed. */
export const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

/** One operation as found in the document, before compiling. */
export interface OperationEntry {
  method: HttpMethod;
  /** The path template, the key under `paths`. */
  path: string;
  /** The operation object. */
  operation: Record<string, unknown>;
  /** JSON pointer of the operation object (inside the `$ref` target when the path item is a reference). */
  pointer: string;
  /** The path item holding the operation (its `parameters` apply to every operation). */
  pathItem: Record<string, unknown>;
  /** JSON pointer of that path item. */
  pathItemPointer: string;
}

/** Lists the operations under `paths`; webhooks and callbacks are incoming calls, not tools. */
export function listOperations(document: Record<string, unknown>, lint: LintCollector): OperationEntry[] {
  const entries: OperationEntry[] = [];
  if (!isRecord(document.paths)) return entries;
  for (const [path, value] of Object.entries(document.paths)) {
    const listed = joinPointer('/paths', path);
    // 3.1 allows siblings (summary, parameters) next to a path item $ref; the target's operations count.
    const found = followRefs({ document, value, pointer: listed, lint, what: 'path item' });
    if (!found) continue;
    const { value: pathItem, pointer: pathItemPointer } = found;
    if (!path.startsWith('/')) {
      lint.add({
        severity: 'warning',
        code: 'invalid-path',
        pointer: listed,
        message: `${describePointer(listed)}: the path does not start with '/'`,
        fix: `Write the path as '/${path}'.`,
      });
    }
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const pointer = joinPointer(pathItemPointer, method);
      if (!isRecord(operation)) {
        lint.add({
          severity: 'warning',
          code: 'invalid-operation',
          pointer,
          message: `${describePointer(pointer)}: is not an operation object; skipped`,
          fix: 'Write the operation as a mapping with responses, parameters, ...',
        });
        continue;
      }
      entries.push({ method, path, operation, pointer, pathItem, pathItemPointer });
    }
    for (const extra of ['query', 'additionalOperations'].filter((key) => pathItem[key] !== undefined)) {
      const pointer = joinPointer(pathItemPointer, extra);
      lint.add({
        severity: 'info',
        code: 'unsupported-method',
        pointer,
        message: `${describePointer(pointer)}: ${extra === 'query' ? 'the QUERY method' : 'additional operations'} (OpenAPI 3.2) cannot be called as tools yet; not imported`,
        fix: 'Offer the same operation with a standard method (GET or POST) if the agent needs it.',
      });
    }
  }
  return entries;
}
