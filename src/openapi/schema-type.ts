// The JSON type a schema names, as the compiled schemas write it: the importer turns 3.0's
// `nullable: true` into a type list with "null" (normalize-schema.ts).

/** The JSON type named by a schema (`["string","null"]` -> `string`), or its enum's, or `object` for properties. */
export function schemaTypeOf(schema: Record<string, unknown>): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((entry) => entry !== 'null') as string | undefined;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return typeof schema.enum[0];
  if (schema.properties) return 'object';
  return undefined;
}
