// Reads the parameters of a tool's input schema: names, types, descriptions, enums, required flags.
import { schemaTypeOf } from '../../openapi/schema-type.js';
import { plainText } from '../language/plain-text.js';
import type { SchemaNode } from './engine-tool.js';

/** One top-level input property of a tool. */
export interface ParameterInfo {
  /** The property name in the input object. */
  name: string;
  /** The property's schema (the first non-null branch of a oneOf/anyOf, merged with allOf parts). */
  schema: SchemaNode;
  /** The JSON type the value must have, or undefined when the schema does not say. */
  type: string | undefined;
  /** The description written for it (or its title), '' when none. */
  description: string;
  /** Whether the tool requires it. */
  required: boolean;
  /** The allowed values, when the schema lists them. */
  enumValues: unknown[] | undefined;
}

/** Resolves the branch of a schema that describes the value: allOf merged, the first non-null oneOf/anyOf. */
export function resolveSchema(node: unknown): SchemaNode {
  if (!node || typeof node !== 'object') return {};
  let schema = node as SchemaNode;
  const allOf = schema.allOf as SchemaNode[] | undefined;
  if (Array.isArray(allOf)) {
    const { allOf: _parts, ...rest } = schema;
    schema = Object.assign({}, ...allOf.map((part) => resolveSchema(part)), rest);
  }
  const branches = (schema.oneOf ?? schema.anyOf) as SchemaNode[] | undefined;
  if (Array.isArray(branches)) {
    const branch = branches.find((candidate) => candidate && candidate.type !== 'null');
    if (branch) {
      const { oneOf: _one, anyOf: _any, ...rest } = schema;
      schema = { ...resolveSchema(branch), ...rest };
    }
  }
  return schema;
}

/**
 * Parameters read per schema object: a catalog's schemas do not change, and a turn reads the same
 * operations' parameters again for every candidate and at every turn.
 */
const parametersOf = new WeakMap<object, readonly ParameterInfo[]>();

/**
 * The top-level parameters of an object schema, in the schema's order: the same list for the same
 * schema object.
 */
export function listParameters(inputSchema: SchemaNode): readonly ParameterInfo[] {
  if (typeof inputSchema !== 'object' || inputSchema === null) return readParameters(inputSchema);
  let parameters = parametersOf.get(inputSchema);
  if (!parameters) {
    parameters = readParameters(inputSchema);
    parametersOf.set(inputSchema, parameters);
  }
  return parameters;
}

function readParameters(inputSchema: SchemaNode): ParameterInfo[] {
  const root = resolveSchema(inputSchema);
  const properties = (root.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(root.required) ? (root.required as string[]) : []);
  return Object.entries(properties).map(([name, node]) => {
    const schema = resolveSchema(node);
    const description = plainText(String(schema.description ?? schema.title ?? ''));
    const enumValues = Array.isArray(schema.enum) ? schema.enum : undefined;
    return {
      name,
      schema,
      type: schemaTypeOf(schema),
      description,
      required: required.has(name),
      enumValues,
    };
  });
}
