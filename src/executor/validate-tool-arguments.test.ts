import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, vi } from 'vitest';
import { defineTool } from './test-support/define-tool.js';
import { validateToolArguments } from './validate-tool-arguments.js';

const getOrder = defineTool({
  name: 'getOrder',
  method: 'get',
  path: '/orders/{orderId}',
  parameters: [
    { name: 'orderId', in: 'path', schema: { type: 'string', pattern: '^[0-9]+$' } },
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
    { name: 'expand', in: 'query', schema: { type: 'boolean' } },
    { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'shipped'] } },
    { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer' } } },
  ],
});

describe('validateToolArguments', () => {
  it('accepts valid arguments', () => {
    expect(validateToolArguments(getOrder, { orderId: '12345', limit: 5 })).toEqual({
      ok: true,
      value: { orderId: '12345', limit: 5 },
    });
  });

  it('names the field and the rule that failed', () => {
    const result = validateToolArguments(getOrder, { orderId: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe('ToolInputError');
    expect(result.error.message).toContain('orderId: must match pattern ^[0-9]+$');
    expect(result.error.issues).toEqual([{ path: 'orderId', message: 'must match pattern ^[0-9]+$' }]);
  });

  it('reports missing required fields, unknown fields and enum values together', () => {
    const result = validateToolArguments(getOrder, { status: 'lost', color: 'red' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'orderId', message: 'is required' },
        { path: 'color', message: 'is not a known field' },
        { path: 'status', message: 'must be one of "open", "shipped"' },
      ]),
    );
  });

  it('coerces strings the model sent for integers, numbers and booleans, without touching the input', () => {
    const args = { orderId: '42', limit: '5', expand: 'true', ids: ['1', '2'] };
    const result = validateToolArguments(getOrder, args);
    expect(result).toEqual({ ok: true, value: { orderId: '42', limit: 5, expand: true, ids: [1, 2] } });
    expect(args.limit).toBe('5');
  });

  it('does not coerce what is not obviously a number or boolean', () => {
    for (const args of [
      { orderId: '1', limit: '5 items' },
      { orderId: '1', limit: '2.5' },
      { orderId: '1', expand: 'yes' },
    ]) {
      expect(validateToolArguments(getOrder, args).ok).toBe(false);
    }
    // A string field keeps a numeric-looking string as a string.
    expect(validateToolArguments(getOrder, { orderId: '007' })).toEqual({
      ok: true,
      value: { orderId: '007' },
    });
  });

  it('points into nested values', () => {
    const tool = defineTool({
      name: 'createOrder',
      method: 'post',
      path: '/orders',
      requestBody: {
        contentType: 'application/json',
        required: true,
        mode: 'merged',
        properties: ['items'],
        schema: {
          type: 'object',
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } },
            },
          },
        },
      },
    });
    const result = validateToolArguments(tool, { items: [{ sku: 'A' }, { qty: 1 }] });
    expect(result.ok || result.error.issues).toEqual([{ path: 'items[1].sku', message: 'is required' }]);
  });

  it('treats missing arguments as an empty object', () => {
    const list = defineTool({ name: 'listProducts', method: 'get', path: '/products' });
    expect(validateToolArguments(list, undefined)).toEqual({ ok: true, value: {} });
    expect(validateToolArguments(list, null)).toEqual({ ok: true, value: {} });
  });

  it('ignores OpenAPI keywords ajv does not know and checks common formats', () => {
    const tool = defineTool({
      name: 'findCustomer',
      method: 'get',
      path: '/customers',
      parameters: [
        {
          name: 'email',
          in: 'query',
          schema: { type: 'string', format: 'email', example: 'a@b.c', 'x-note': 1 },
        },
      ],
    });
    expect(validateToolArguments(tool, { email: 'ann@example.com' }).ok).toBe(true);
    expect(validateToolArguments(tool, { email: 'not an email' }).ok).toBe(false);
  });

  it('reports an unusable input schema instead of throwing', () => {
    const tool = defineTool({
      name: 'broken',
      method: 'get',
      path: '/x',
      inputSchema: { type: 'object', properties: { a: { pattern: '(' } } },
    });
    const result = validateToolArguments(tool, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("the tool's input schema is invalid");
  });

  it('compiles each tool once', () => {
    const tool = defineTool({ name: 'once', method: 'get', path: '/once' });
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    for (let index = 0; index < 5; index += 1) validateToolArguments(tool, {});
    expect(compile).toHaveBeenCalledTimes(1);
    compile.mockRestore();
  });
});
