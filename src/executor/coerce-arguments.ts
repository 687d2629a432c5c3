// Turns strings the model sent for numbers and booleans ("5", "true") into the types the schema asks for.
import type { JsonSchema } from '../tools/index.js';

const numeric = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function typesOf(schema: JsonSchema): unknown[] {
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function coerceString(schema: JsonSchema, value: string): unknown {
  const types = typesOf(schema);
  if (types.includes('string')) return value;
  const trimmed = value.trim();
  if ((types.includes('number') || types.includes('integer')) && numeric.test(trimmed)) {
    const number = Number(trimmed);
    if (types.includes('number') || Number.isInteger(number)) return number;
  }
  if (types.includes('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return value;
}

/**
 * Returns `value` with strings coerced to number, integer or boolean wherever `schema` (its
 * `properties`, `items`, `prefixItems`, `allOf`) asks for one of those and not for a string. Nothing
 * else changes, and `value` itself is never modified: changed objects and arrays are copies.
 */
export function coerceArguments(schema: unknown, value: unknown): unknown {
  if (!isSchema(schema)) return value;
  if (Array.isArray(schema.allOf)) {
    value = schema.allOf.reduce((current: unknown, part) => coerceArguments(part, current), value);
  }
  if (typeof value === 'string') return coerceString(schema, value);
  if (Array.isArray(value)) {
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const coerced = coerceArguments(index < prefix.length ? prefix[index] : schema.items, item);
      if (coerced !== item) {
        copy ??= [...value];
        copy[index] = coerced;
      }
    });
    return copy ?? value;
  }
  if (isSchema(value) && isSchema(schema.properties)) {
    let copy: Record<string, unknown> | undefined;
    for (const [key, propertySchema] of Object.entries(schema.properties)) {
      if (!Object.hasOwn(value, key)) continue;
      const coerced = coerceArguments(propertySchema, value[key]);
      if (coerced !== value[key]) {
        copy ??= { ...value };
        copy[key] = coerced;
      }
    }
    return copy ?? value;
  }
  return value;
}
