// A JSON Schema object without some of its properties: inputs hidden from the model (bound to the
// customer's identity, or idempotency keys the executor sets) leave its properties and required list.
import { isRecord } from './is-record.js';
import type { JsonSchema } from './tool-definition.js';

/** The names a schema lists as required. */
export const requiredOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string') : [];

/** `schema` without the properties `names`, in its properties and its required list. */
export function withoutProperties(schema: JsonSchema, names: ReadonlySet<string>): JsonSchema {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const kept = Object.fromEntries(Object.entries(properties).filter(([name]) => !names.has(name)));
  const required = requiredOf(schema).filter((name) => !names.has(name));
  const { required: _required, ...rest } = schema;
  return { ...rest, properties: kept, ...(required.length > 0 ? { required } : {}) };
}
