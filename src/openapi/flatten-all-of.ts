// Merges `allOf` lists of object schemas (the usual "inheritance" pattern) into one object for models.
import { isDeepEqual } from './is-deep-equal.js';
import { isRecord } from './is-record.js';
import type { JsonSchema } from './tool-definition.js';

/** `allOf` of object schemas merged into one object (the usual inheritance pattern); unchanged on any conflict. */
export function flattenAllOf(schema: JsonSchema): JsonSchema {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...base } = schema;
  const parts = [base, ...allOf.map((part) => (isRecord(part) ? flattenAllOf(part) : part))];
  const properties: JsonSchema = {};
  const required = new Set<string>();
  let description: unknown;
  for (const part of parts) {
    if (!isRecord(part) || part.oneOf || part.anyOf || part.allOf || part.not) return schema;
    if (part.type !== undefined && part.type !== 'object') return schema;
    for (const [name, property] of Object.entries(isRecord(part.properties) ? part.properties : {})) {
      if (Object.hasOwn(properties, name) && !isDeepEqual(properties[name], property)) return schema;
      properties[name] = property;
    }
    if (Array.isArray(part.required)) for (const name of part.required) required.add(name as string);
    description ??= part.description;
  }
  const merged: JsonSchema = { type: 'object', properties };
  if (required.size > 0) merged.required = [...required];
  if (typeof description === 'string') merged.description = description;
  return merged;
}
