// Follows `$ref` chains to the object they name (path items, parameters, request bodies, responses).
import { isRecord } from './is-record.js';
import { describePointer, joinPointer, pointerOfRef, resolveJsonPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';

/** How many `$ref` hops are followed before a chain is taken for a loop. */
const MAX_HOPS = 16;

/**
 * The mapping `value` is or refers to, with its pointer; undefined (and a lint warning naming `what`)
 * when a reference dangles, leaves the document or loops, or the target is not a mapping.
 */
export function followRefs(options: {
  document: unknown;
  value: unknown;
  pointer: string;
  lint: LintCollector;
  what: string;
}): { value: Record<string, unknown>; pointer: string } | undefined {
  const { document, lint, what } = options;
  let value = options.value;
  let pointer = options.pointer;
  for (let hops = 0; isRecord(value) && typeof value.$ref === 'string'; hops++) {
    const ref = value.$ref;
    const target = pointerOfRef(ref);
    const resolved =
      target === undefined || hops >= MAX_HOPS ? undefined : resolveJsonPointer(document, target);
    if (resolved === undefined) {
      const problem =
        target === undefined
          ? 'points outside this document'
          : hops >= MAX_HOPS
            ? 'loops'
            : 'points to nothing';
      lint.add({
        severity: 'warning',
        code: target === undefined ? 'external-ref' : 'dangling-ref',
        pointer: joinPointer(pointer, '$ref'),
        message: `${describePointer(pointer)}: ${what} $ref '${ref}' ${problem}; it is ignored`,
        fix:
          target === undefined
            ? 'Bundle the document into one file (for example with `redocly bundle`) before importing.'
            : `Define ${describePointer(target)} or correct the reference.`,
      });
      return undefined;
    }
    value = resolved;
    pointer = target!;
  }
  return isRecord(value) ? { value, pointer } : undefined;
}
