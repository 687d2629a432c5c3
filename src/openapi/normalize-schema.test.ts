import { describe, expect, it } from 'vitest';
import { LintCollector } from './lint-finding.js';
import { createSchemaNormalizer, type NormalizeOptions, type OpenApiDialect } from './normalize-schema.js';

const input: NormalizeOptions = { usage: 'input', maxDepth: 4, maxNodes: 1000 };

function normalizer(root: unknown, dialect: OpenApiDialect = '3.0') {
  const lint = new LintCollector();
  return { lint, ...createSchemaNormalizer({ root, dialect, lint }) };
}

describe('createSchemaNormalizer', () => {
  it('turns OpenAPI 3.0 keywords into JSON Schema: nullable, boolean exclusive bounds, example', () => {
    const { normalize } = normalizer({});
    expect(
      normalize(
        { type: 'integer', nullable: true, minimum: 1, exclusiveMinimum: true, enum: [1, 2, 2], example: 2 },
        '/s',
        input,
      ),
    ).toEqual({ type: ['integer', 'null'], exclusiveMinimum: 1, enum: [1, 2, null], examples: [2] });
  });

  it('drops extensions and keywords that are not JSON Schema, keeps annotations', () => {
    const { normalize } = normalizer({});
    const schema = {
      type: 'object',
      description: 'A pet',
      discriminator: { propertyName: 'kind' },
      xml: { name: 'pet' },
      'x-go-type': 'Pet',
      $id: 'https://example.com/pet',
      properties: { 'x-tag': { type: 'string', default: 'cat', format: 'slug', deprecated: true } },
    };
    expect(normalize(schema, '/s', input)).toEqual({
      type: 'object',
      description: 'A pet',
      properties: { 'x-tag': { type: 'string', default: 'cat', format: 'slug', deprecated: true } },
    });
  });

  it('reads misspelt types leniently and reports them', () => {
    const { normalize, lint } = normalizer({});
    expect(normalize({ type: 'Float' }, '/a', input)).toEqual({ type: 'number' });
    expect(normalize({ type: 'money' }, '/b', input)).toEqual({});
    expect(lint.findings.map((finding) => [finding.code, finding.pointer])).toEqual([
      ['invalid-schema-type', '/a/type'],
      ['invalid-schema-type', '/b/type'],
    ]);
  });

  it('drops values ajv would reject: bad patterns, negative lengths, non-list required', () => {
    const { normalize, lint } = normalizer({});
    const schema = {
      type: 'object',
      required: true,
      properties: { a: { type: 'string', pattern: '(?<=x', minLength: -1, multipleOf: 0 } },
    };
    expect(normalize(schema, '/s', input)).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
    expect(lint.findings.map((finding) => finding.code).sort()).toEqual([
      'invalid-keyword',
      'invalid-keyword',
      'invalid-pattern',
    ]);
  });

  it('inlines $refs, cuts a cycle at the first repetition and says so', () => {
    const root = {
      definitions: {
        Node: {
          type: 'object',
          description: 'A tree node',
          properties: { value: { type: 'string' }, next: { $ref: '#/definitions/Node' } },
        },
      },
    };
    const { normalize } = normalizer(root, '2.0');
    expect(normalize({ $ref: '#/definitions/Node' }, '/s', input)).toEqual({
      type: 'object',
      description: 'A tree node',
      properties: {
        value: { type: 'string' },
        next: { type: 'object', description: 'A tree node (recursive Node)' },
      },
    });
  });

  it('cuts mutual recursion and deep nesting to the depth asked for', () => {
    const root = {
      components: {
        schemas: {
          A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
          B: {
            type: 'object',
            properties: { a: { $ref: '#/components/schemas/A' }, c: { $ref: '#/components/schemas/C' } },
          },
          C: {
            type: 'object',
            properties: {
              d: {
                type: 'object',
                properties: { e: { type: 'object', properties: { f: { type: 'string' } } } },
              },
            },
          },
        },
      },
    };
    const { normalize } = normalizer(root);
    const a = normalize({ $ref: '#/components/schemas/A' }, '/s', { ...input, maxDepth: 3 });
    expect(a).toEqual({
      type: 'object',
      properties: {
        b: {
          type: 'object',
          properties: {
            a: { type: 'object', description: '(recursive A)' },
            c: {
              type: 'object',
              properties: { d: { type: 'object', description: '(nested fields not shown)' } },
            },
          },
        },
      },
    });
  });

  it('does not cut a schema that is merely shared by two properties', () => {
    const root = {
      components: { schemas: { Money: { type: 'object', properties: { amount: { type: 'number' } } } } },
    };
    const { normalize } = normalizer(root);
    const money = { $ref: '#/components/schemas/Money' };
    const result = normalize({ type: 'object', properties: { price: money, tax: money } }, '/s', input);
    expect(result.properties).toEqual({
      price: { type: 'object', properties: { amount: { type: 'number' } } },
      tax: { type: 'object', properties: { amount: { type: 'number' } } },
    });
  });

  it('keeps exponential $ref fan-out small by lowering the depth until the schema fits', () => {
    const schemas: Record<string, unknown> = { L0: { type: 'string' } };
    for (let level = 1; level <= 12; level++) {
      const properties: Record<string, unknown> = {};
      for (let index = 0; index < 8; index++)
        properties[`p${index}`] = { $ref: `#/components/schemas/L${level - 1}` };
      schemas[`L${level}`] = { type: 'object', properties };
    }
    const { normalize } = normalizer({ components: { schemas } });
    const result = normalize({ $ref: '#/components/schemas/L12' }, '/s', {
      usage: 'input',
      maxDepth: 12,
      maxNodes: 600,
    });
    expect(JSON.stringify(result).length).toBeLessThan(60_000);
  });

  it('replaces dangling and external $refs by "any value" with a warning', () => {
    const { normalize, lint } = normalizer({});
    expect(normalize({ $ref: '#/components/schemas/Missing' }, '/a', input)).toEqual({});
    expect(normalize({ $ref: 'common.yaml#/Error' }, '/b', input)).toEqual({});
    expect(lint.findings.map((finding) => finding.code)).toEqual(['dangling-ref', 'external-ref']);
  });

  it('drops readOnly properties from inputs and writeOnly ones from outputs', () => {
    const { normalize } = normalizer({});
    const schema = {
      type: 'object',
      required: ['id', 'password'],
      properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true } },
    };
    expect(normalize(schema, '/s', input)).toEqual({
      type: 'object',
      required: ['password'],
      properties: { password: { type: 'string', writeOnly: true } },
    });
    expect(normalize(schema, '/s', { ...input, usage: 'output' })).toEqual({
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', readOnly: true } },
    });
  });

  it('overlays $ref siblings: descriptions always, constraints in 3.1', () => {
    const root = { components: { schemas: { Id: { type: 'string', description: 'An id' } } } };
    const ref = { $ref: '#/components/schemas/Id', description: 'The order id', maxLength: 8 };
    expect(normalizer(root, '3.0').normalize(ref, '/s', input)).toEqual({
      type: 'string',
      description: 'The order id',
    });
    expect(normalizer(root, '3.1').normalize(ref, '/s', input)).toEqual({
      allOf: [{ type: 'string', description: 'An id' }, { maxLength: 8 }],
      description: 'The order id',
    });
  });
});
