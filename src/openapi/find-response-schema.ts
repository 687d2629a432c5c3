// The schema of an operation's success response, kept so answers can be rendered from API data.
import { classifyMediaType } from './classify-media-type.js';
import { followRefs } from './follow-refs.js';
import { isRecord } from './is-record.js';
import { joinPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';
import type { OperationEntry } from './list-operations.js';
import type { OpenApiDialect, SchemaNormalizer } from './normalize-schema.js';
import type { JsonSchema } from './tool-definition.js';

/** Bounds for a response schema: answers are rendered from the top levels only. */
export const RESPONSE_SCHEMA_BOUNDS = { usage: 'output', maxDepth: 3, maxNodes: 500 } as const;

/** The normalized schema of the first 2xx response with a JSON body (or, in 2.0, a schema). */
export function findResponseSchema(options: {
  entry: OperationEntry;
  document: unknown;
  dialect: OpenApiDialect;
  normalizer: SchemaNormalizer;
  lint: LintCollector;
}): JsonSchema | undefined {
  const { entry, document, dialect, normalizer, lint } = options;
  const responses = entry.operation.responses;
  if (!isRecord(responses)) return undefined;
  const codes = Object.keys(responses)
    .filter((code) => /^2(\d\d|XX)$/i.test(code))
    .sort((left, right) => (left.toUpperCase() < right.toUpperCase() ? -1 : 1));
  for (const code of codes) {
    const pointer = joinPointer(entry.pointer, 'responses', code);
    const found = followRefs({ document, value: responses[code], pointer, lint, what: 'response' });
    if (!found) continue;
    if (dialect === '2.0') {
      if (found.value.schema !== undefined) {
        return normalizer.normalize(
          found.value.schema,
          joinPointer(found.pointer, 'schema'),
          RESPONSE_SCHEMA_BOUNDS,
        );
      }
      continue;
    }
    if (!isRecord(found.value.content)) continue;
    for (const [mediaType, media] of Object.entries(found.value.content)) {
      if (classifyMediaType(mediaType) !== 'json' || !isRecord(media) || media.schema === undefined) continue;
      const schemaPointer = joinPointer(found.pointer, 'content', mediaType, 'schema');
      return normalizer.normalize(media.schema, schemaPointer, RESPONSE_SCHEMA_BOUNDS);
    }
  }
  return undefined;
}
