// OpenAPI schemas (2.0, 3.0, 3.1) -> plain JSON Schema for models and ajv: refs inlined, cycles cut, noise dropped.
import { cutAtWord, MAX_DESCRIPTION_LENGTH } from './describe-operation.js';
import { flattenAllOf } from './flatten-all-of.js';
import { isRecord } from './is-record.js';
import { describePointer, joinPointer, pointerOfRef, resolveJsonPointer } from './json-pointer.js';
import type { LintCollector } from './lint-finding.js';
import { SchemaImportError } from './schema-import-error.js';
import { checkSchemaPattern } from './schema-pattern.js';
import type { JsonSchema } from './tool-definition.js';

/** Which OpenAPI flavour the schemas are written in. */
export type OpenApiDialect = '2.0' | '3.0' | '3.1';

/** What the schema is for: `input` drops readOnly properties, `output` drops writeOnly ones. */
export type SchemaUsage = 'input' | 'output';

/** Bounds for one normalized schema. */
export interface NormalizeOptions {
  usage: SchemaUsage;
  /** How many levels of nested properties/items are expanded before the rest is cut. */
  maxDepth: number;
  /** Largest schema (in nodes) kept; past it, the depth is lowered until it fits. */
  maxNodes: number;
}

/** Normalizes schema nodes of one document; results are memoized and shared between tools. */
export interface SchemaNormalizer {
  /** The normalized schema of `schema`, found at `pointer` in the document. */
  normalize: (schema: unknown, pointer: string, options: NormalizeOptions) => JsonSchema;
}

interface Visit {
  schema: JsonSchema | boolean;
  /** Nodes in the expanded schema. */
  size: number;
  /** Lowest index on the ref stack that a cut inside depended on (Infinity: context-free, memoizable). */
  floor: number;
}

/** Past this many schema nodes visited in one document the import stops instead of running away. */
const MAX_VISITS = 3_000_000;

/** How many `$ref`s may be open at once (a chain, or refs nested in refs) before the rest is cut. */
export const MAX_REF_DEPTH = 64;

const TYPE_ALIASES: Record<string, string> = {
  string: 'string',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  null: 'null',
  float: 'number',
  double: 'number',
  decimal: 'number',
  int: 'integer',
  int32: 'integer',
  int64: 'integer',
  long: 'integer',
  bool: 'boolean',
  str: 'string',
  text: 'string',
  date: 'string',
  datetime: 'string',
  'date-time': 'string',
  file: 'string',
  dict: 'object',
  map: 'object',
  list: 'array',
};
const NON_NEGATIVE_INTEGERS = new Set([
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
]);
const PLAIN_STRINGS = new Set(['title', 'description', 'format', 'contentMediaType', 'contentEncoding']);
const BOOLEANS = new Set(['uniqueItems', 'readOnly', 'writeOnly', 'deprecated']);
const SAME_LEVEL_SCHEMAS = new Set(['not', 'if', 'then', 'else']);
const NESTED_SCHEMAS = new Set(['additionalProperties', 'contains', 'propertyNames']);
const ANNOTATION_SIBLINGS = new Set(['description', 'title', 'default', 'example', 'examples', 'deprecated']);

/** Creates the normalizer for one document (`root` is the whole parsed document, for `$ref`s). */
export function createSchemaNormalizer(options: {
  root: unknown;
  dialect: OpenApiDialect;
  lint: LintCollector;
}): SchemaNormalizer {
  const { root, dialect, lint } = options;
  // Memos by usage, then by $ref target or schema object, then by depth (no key strings to build and hash).
  const refMemo = {
    input: new Map<string, Map<number, Visit>>(),
    output: new Map<string, Map<number, Visit>>(),
  };
  const identityMemo = {
    input: new WeakMap<object, Map<number, Visit>>(),
    output: new WeakMap<object, Map<number, Visit>>(),
  };
  const stack: string[] = [];
  let usage: SchemaUsage = 'input';
  let visits = 0;

  const warn = (code: string, pointer: string, message: string, fix: string) =>
    lint.add({ severity: 'warning', code, pointer, message: `${describePointer(pointer)}: ${message}`, fix });

  /** True when `pattern` can be matched in linear time; else a lint finding says why it is ignored. */
  const keepPattern = (pattern: unknown, pointer: string): pattern is string => {
    const problem =
      typeof pattern === 'string'
        ? checkSchemaPattern(pattern)
        : { kind: 'invalid' as const, reason: 'not a string' };
    if (problem === undefined) return true;
    if (problem.kind === 'invalid') {
      warn(
        'invalid-pattern',
        pointer,
        `pattern ${JSON.stringify(pattern)} is not a valid ECMAScript regular expression; it is ignored`,
        'Use ECMAScript (JSON Schema) regular expression syntax.',
      );
    } else {
      warn(
        'unsupported-pattern',
        pointer,
        `pattern ${JSON.stringify(pattern)} cannot be matched in linear time (${problem.reason}); it is ignored, so any value is accepted there`,
        'Write the pattern without lookahead, lookbehind or backreferences (for example ^[A-Z]{2}-[0-9]{4}$).',
      );
    }
    return false;
  };

  const visit = (node: unknown, pointer: string, depth: number): Visit => {
    if (typeof node === 'boolean') return { schema: node, size: 1, floor: Number.POSITIVE_INFINITY };
    if (!isRecord(node)) {
      warn(
        'invalid-schema',
        pointer,
        'is not a schema object; any value is accepted here',
        'Write a schema object.',
      );
      return { schema: {}, size: 1, floor: Number.POSITIVE_INFINITY };
    }
    if (typeof node.$ref === 'string') return visitRef(node, pointer, depth);
    const known = identityMemo[usage].get(node)?.get(depth);
    if (known) return known;
    if (++visits > MAX_VISITS) {
      throw new SchemaImportError(
        'too-complex',
        `the schemas expand to more than ${MAX_VISITS} nodes (stopped at ${describePointer(pointer)})`,
        { pointer },
      );
    }
    const result = convert(node, pointer, depth);
    if (result.floor === Number.POSITIVE_INFINITY) {
      const byDepth = identityMemo[usage].get(node) ?? new Map<number, Visit>();
      identityMemo[usage].set(node, byDepth);
      byDepth.set(depth, result);
    }
    return result;
  };

  const visitRef = (node: Record<string, unknown>, pointer: string, depth: number): Visit => {
    const ref = node.$ref as string;
    let resolved: Visit;
    const target = pointerOfRef(ref);
    if (target === undefined) {
      warn(
        'external-ref',
        joinPointer(pointer, '$ref'),
        `$ref '${ref}' points outside this document; any value is accepted there`,
        'Bundle the document into one file (for example with `redocly bundle`) before importing.',
      );
      resolved = { schema: {}, size: 1, floor: Number.POSITIVE_INFINITY };
    } else if (stack.length >= MAX_REF_DEPTH) {
      warn(
        'ref-chain-too-deep',
        joinPointer(pointer, '$ref'),
        `$ref '${ref}' is reached through more than ${MAX_REF_DEPTH} references; any value is accepted there`,
        'Point the reference at the schema itself instead of at another reference.',
      );
      // Depends on the whole stack: never memoized below the top.
      resolved = { schema: {}, size: 1, floor: 0 };
    } else if (stack.includes(target)) {
      const index = stack.indexOf(target);
      resolved = {
        schema: cut(resolveJsonPointer(root, target), `recursive ${nameOf(target)}`),
        size: 1,
        floor: index,
      };
    } else {
      const known = refMemo[usage].get(target)?.get(depth);
      const value = known ? undefined : resolveJsonPointer(root, target);
      if (known) {
        resolved = known;
      } else if (value === undefined) {
        warn(
          'dangling-ref',
          joinPointer(pointer, '$ref'),
          `$ref '${ref}' points to nothing; any value is accepted there`,
          `Define ${describePointer(target)} or correct the reference.`,
        );
        resolved = { schema: {}, size: 1, floor: Number.POSITIVE_INFINITY };
      } else {
        stack.push(target);
        const inner = visit(value, target, depth);
        stack.pop();
        resolved = inner.floor >= stack.length ? { ...inner, floor: Number.POSITIVE_INFINITY } : inner;
        if (resolved.floor === Number.POSITIVE_INFINITY) {
          const byDepth = refMemo[usage].get(target) ?? new Map<number, Visit>();
          refMemo[usage].set(target, byDepth);
          byDepth.set(depth, resolved);
        }
      }
    }
    return applySiblings(node, pointer, depth, resolved);
  };

  // Siblings of $ref: annotations (and 3.0's `nullable`) overlay the target; 3.1 constraints are ANDed.
  const applySiblings = (
    node: Record<string, unknown>,
    pointer: string,
    depth: number,
    resolved: Visit,
  ): Visit => {
    const siblings = Object.keys(node).filter((key) => key !== '$ref' && !key.startsWith('x-'));
    if (siblings.length === 0) return resolved;
    const annotations = siblings.filter((key) => ANNOTATION_SIBLINGS.has(key) || key === 'nullable');
    const constraints = dialect === '3.1' ? siblings.filter((key) => !annotations.includes(key)) : [];
    const overlay = convert(
      Object.fromEntries(annotations.map((key) => [key, node[key]])),
      pointer,
      depth,
    ).schema;
    let schema: JsonSchema | boolean = resolved.schema;
    let size = resolved.size;
    let floor = resolved.floor;
    if (constraints.length > 0) {
      const extra = convert(Object.fromEntries(constraints.map((key) => [key, node[key]])), pointer, depth);
      schema = { allOf: [resolved.schema, extra.schema] };
      size += extra.size + 1;
      floor = Math.min(floor, extra.floor);
    }
    if (typeof schema === 'boolean' || !isRecord(overlay)) return { schema, size, floor };
    const merged: JsonSchema = { ...schema };
    for (const [key, value] of Object.entries(overlay)) {
      if (key !== 'type') merged[key] = value;
    }
    if (node.nullable === true || node['x-nullable'] === true) addNull(merged);
    return { schema: merged, size, floor };
  };

  const convert = (node: Record<string, unknown>, pointer: string, depth: number): Visit => {
    const out: JsonSchema = {};
    let size = 1;
    let floor = Number.POSITIVE_INFINITY;
    const child = (value: unknown, childPointer: string, childDepth: number) => {
      const result = visit(value, childPointer, childDepth);
      size += result.size;
      floor = Math.min(floor, result.floor);
      return result.schema;
    };
    const nests =
      isRecord(node.properties) ||
      isRecord(node.items) ||
      Array.isArray(node.items) ||
      isRecord(node.additionalProperties) ||
      isRecord(node.patternProperties);
    if (nests && depth <= 0) return { schema: cut(node, 'nested fields not shown'), size: 1, floor };
    const dropped = new Set<string>();
    let nullable = false;
    let exclusiveMinimum = false;
    let exclusiveMaximum = false;

    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) {
        if (key === 'x-nullable' && value === true) nullable = true;
        continue;
      }
      if (PLAIN_STRINGS.has(key)) {
        if (typeof value === 'string')
          out[key] = key === 'description' ? cutAtWord(value, MAX_DESCRIPTION_LENGTH) : value;
        continue;
      }
      if (BOOLEANS.has(key)) {
        if (typeof value === 'boolean') out[key] = value;
        continue;
      }
      // The most common keys above need no pointer to them.
      const at = joinPointer(pointer, key);
      if (NON_NEGATIVE_INTEGERS.has(key)) {
        if (Number.isInteger(value) && (value as number) >= 0) out[key] = value;
        else
          warn(
            'invalid-keyword',
            at,
            `${key} must be a non-negative integer`,
            `Write ${key} as a whole number.`,
          );
      } else if (SAME_LEVEL_SCHEMAS.has(key) || NESTED_SCHEMAS.has(key)) {
        if (isRecord(value) || typeof value === 'boolean') {
          out[key] = child(value, at, NESTED_SCHEMAS.has(key) ? depth - 1 : depth);
        }
      } else {
        switch (key) {
          case 'type': {
            const types = normalizeTypes(value, at);
            if (types !== undefined) out.type = types;
            break;
          }
          case 'nullable':
            nullable = value === true;
            break;
          case 'properties':
            if (isRecord(value)) {
              const properties: JsonSchema = {};
              for (const [name, property] of Object.entries(value)) {
                const schema = child(property, joinPointer(at, name), depth - 1);
                if (isRecord(schema) && schema[usage === 'input' ? 'readOnly' : 'writeOnly'] === true) {
                  dropped.add(name);
                } else {
                  properties[name] = schema;
                }
              }
              out.properties = properties;
            }
            break;
          case 'patternProperties':
            if (isRecord(value)) {
              const patterns: JsonSchema = {};
              for (const [pattern, property] of Object.entries(value)) {
                if (keepPattern(pattern, joinPointer(at, pattern)))
                  patterns[pattern] = child(property, joinPointer(at, pattern), depth - 1);
              }
              out.patternProperties = patterns;
            }
            break;
          case 'items':
            if (Array.isArray(value)) {
              out.prefixItems = value.map((item, index) => child(item, joinPointer(at, index), depth - 1));
            } else if (isRecord(value) || typeof value === 'boolean') {
              out.items = child(value, at, depth - 1);
            }
            break;
          case 'allOf':
          case 'anyOf':
          case 'oneOf':
            if (Array.isArray(value) && value.length > 0) {
              out[key] = value.map((item, index) => child(item, joinPointer(at, index), depth));
            } else {
              warn(
                'invalid-keyword',
                at,
                `${key} must be a non-empty list of schemas`,
                `Write ${key} as a list.`,
              );
            }
            break;
          case 'required':
            if (Array.isArray(value)) {
              out.required = [...new Set(value.filter((name): name is string => typeof name === 'string'))];
            } else {
              warn(
                'invalid-keyword',
                at,
                'required must be a list of property names (a boolean is only valid on parameters)',
                'List required property names on the parent object: required: [name, ...].',
              );
            }
            break;
          case 'enum':
            if (Array.isArray(value)) out.enum = [...value];
            else
              warn('invalid-keyword', at, 'enum must be a list', 'Write enum as a list of allowed values.');
            break;
          case 'const':
          case 'default':
            out[key] = value;
            break;
          case 'example':
            if (!Array.isArray(node.examples)) out.examples = [value];
            checkExample(node, value, at);
            break;
          case 'examples':
            if (Array.isArray(value)) out.examples = [...value];
            break;
          case 'pattern':
            if (keepPattern(value, at)) out.pattern = value;
            break;
          case 'minimum':
          case 'maximum':
            if (typeof value === 'number') out[key] = value;
            break;
          case 'multipleOf':
            if (typeof value === 'number' && value > 0) out[key] = value;
            break;
          case 'exclusiveMinimum':
          case 'exclusiveMaximum':
            if (typeof value === 'number') out[key] = value;
            else if (value === true && key === 'exclusiveMinimum') exclusiveMinimum = true;
            else if (value === true) exclusiveMaximum = true;
            break;
          default:
            // discriminator, xml, externalDocs, $id, $schema, $defs, definitions...: not for models or ajv.
            break;
        }
      }
    }

    // OpenAPI 3.0 / JSON Schema draft 4: boolean exclusive bounds modify minimum/maximum.
    if (exclusiveMinimum && typeof out.minimum === 'number') {
      out.exclusiveMinimum = out.minimum;
      delete out.minimum;
    }
    if (exclusiveMaximum && typeof out.maximum === 'number') {
      out.exclusiveMaximum = out.maximum;
      delete out.maximum;
    }
    if (node.type === 'file' && out.format === undefined) out.format = 'binary';
    if (out.type === undefined && out.properties !== undefined && !out.allOf && !out.oneOf && !out.anyOf) {
      out.type = 'object';
    }
    if (out.type === undefined && (out.items !== undefined || out.prefixItems !== undefined))
      out.type = 'array';
    if (Array.isArray(out.required) && dropped.size > 0) {
      out.required = out.required.filter((name) => !dropped.has(name as string));
    }
    if (Array.isArray(out.enum)) out.enum = uniqueValues(out.enum);
    if (nullable) addNull(out);
    const flat = out.allOf ? flattenAllOf(out) : out;
    // Long enums and descriptions weigh on a model's context like extra nodes do.
    size += Math.floor(((out.enum as unknown[] | undefined)?.length ?? 0) / 5);
    size += Math.floor(((out.description as string | undefined)?.length ?? 0) / 100);
    return { schema: flat, size, floor };
  };

  const normalizeTypes = (value: unknown, at: string): string | string[] | undefined => {
    const list = Array.isArray(value) ? value : [value];
    const types: string[] = [];
    for (const item of list) {
      const mapped = typeof item === 'string' ? TYPE_ALIASES[item.toLowerCase()] : undefined;
      if (mapped === undefined) {
        warn(
          'invalid-schema-type',
          at,
          `type ${JSON.stringify(item)} is not a JSON Schema type; it is ignored`,
          'Use one of string, number, integer, boolean, object, array.',
        );
        continue;
      }
      if (mapped !== item && !(item === 'file' && dialect === '2.0')) {
        warn(
          'invalid-schema-type',
          at,
          `type '${item}' is not a JSON Schema type; read as '${mapped}'`,
          mapped === 'number' || mapped === 'integer'
            ? `Write type: ${mapped} with format: ${item}.`
            : `Write type: ${mapped}.`,
        );
      }
      if (!types.includes(mapped)) types.push(mapped);
    }
    if (types.length === 0) return undefined;
    return types.length === 1 ? types[0] : types;
  };

  const checkExample = (node: Record<string, unknown>, example: unknown, at: string) => {
    const type = typeof node.type === 'string' ? TYPE_ALIASES[node.type.toLowerCase()] : undefined;
    if (type === undefined || example === null || example === undefined) return;
    const actual = Array.isArray(example) ? 'array' : typeof example === 'object' ? 'object' : typeof example;
    const fits =
      actual === type ||
      (type === 'integer' && typeof example === 'number' && Number.isInteger(example)) ||
      (type === 'number' && actual === 'number');
    if (!fits) {
      warn(
        'example-type-mismatch',
        at,
        `example ${JSON.stringify(example).slice(0, 60)} is a ${actual}, but the schema's type is ${type}`,
        `Give an example of type ${type}.`,
      );
    }
  };

  return {
    normalize(schema, pointer, options) {
      usage = options.usage;
      for (let depth = options.maxDepth; ; depth--) {
        const result = visit(schema, pointer, depth);
        if (result.size <= options.maxNodes || depth <= 1) {
          return typeof result.schema === 'boolean' ? (result.schema ? {} : { not: {} }) : result.schema;
        }
      }
    },
  };
}

function cut(target: unknown, reason: string): JsonSchema {
  const schema: JsonSchema = {};
  if (isRecord(target)) {
    const type = typeof target.type === 'string' ? TYPE_ALIASES[target.type.toLowerCase()] : undefined;
    if (type) schema.type = type;
    else if (isRecord(target.properties)) schema.type = 'object';
    if (typeof target.description === 'string') {
      schema.description = `${target.description.trim()} (${reason})`;
      return schema;
    }
  }
  schema.description = `(${reason})`;
  return schema;
}

function uniqueValues(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value) ?? 'undefined';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function nameOf(pointer: string): string {
  return pointer
    .slice(pointer.lastIndexOf('/') + 1)
    .replaceAll('~1', '/')
    .replaceAll('~0', '~');
}

function addNull(schema: JsonSchema): void {
  if (typeof schema.type === 'string' && schema.type !== 'null') schema.type = [schema.type, 'null'];
  else if (Array.isArray(schema.type) && !schema.type.includes('null'))
    schema.type = [...schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}
