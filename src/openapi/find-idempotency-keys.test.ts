import { describe, expect, it } from 'vitest';
import { hideIdempotencyKeys, importSchema, type ToolDefinition } from './index.js';

// Square's RefundPayment as its document writes it, Stripe's optional header, and the inputs that
// look like keys but are not.
const payments = {
  openapi: '3.0.3',
  info: { title: 'Payments', version: '1' },
  paths: {
    '/v2/refunds': {
      post: {
        operationId: 'RefundPayment',
        summary: 'Refunds a payment',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/RefundPaymentRequest' } } },
        },
        responses: { '200': { description: 'ok' } },
      },
      get: {
        operationId: 'ListRefunds',
        parameters: [
          {
            in: 'query',
            name: 'idempotency_key',
            description: 'Only the refund made with this idempotency key',
            schema: { type: 'string' },
          },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/v1/charges': {
      post: {
        operationId: 'PostCharges',
        parameters: [
          { in: 'header', name: 'Idempotency-Key', schema: { type: 'string', maxLength: 255 } },
          { in: 'header', name: 'Stripe-Account', schema: { type: 'string' } },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', properties: { amount: { type: 'integer' } }, required: ['amount'] },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/orders': {
      post: {
        operationId: 'createOrder',
        parameters: [{ in: 'header', name: 'x-idempotency-key', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['order'],
                properties: {
                  order: {
                    type: 'object',
                    required: ['idempotencyKey', 'sku'],
                    properties: {
                      idempotencyKey: { type: 'string' },
                      sku: { type: 'string', description: 'The product to order' },
                    },
                  },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/schedules': {
      post: {
        operationId: 'createSchedule',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string' },
                  ClientToken: {
                    type: 'string',
                    description:
                      'Unique, case-sensitive identifier you provide to ensure the idempotency of the request.',
                  },
                  refund_key: {
                    type: 'string',
                    description:
                      'An optional key to ensure idempotence if you issue the same refund more than once.',
                  },
                  order_id: {
                    type: 'string',
                    description: 'The unique id of the order this schedule is for.',
                  },
                  original_key: {
                    type: 'string',
                    description: 'The idempotency key of the original payment to adjust.',
                  },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: {
    schemas: {
      RefundPaymentRequest: {
        type: 'object',
        required: ['idempotency_key', 'amount_money', 'payment_id'],
        properties: {
          idempotency_key: {
            type: 'string',
            minLength: 1,
            maxLength: 45,
            description:
              'A unique string that identifies this `RefundPayment` request. The key can be any valid string\nbut must be unique for every `RefundPayment` request.',
          },
          amount_money: {
            type: 'object',
            properties: { amount: { type: 'integer' }, currency: { type: 'string' } },
          },
          payment_id: { type: 'string', description: 'The unique ID of the payment being refunded.' },
          reason: { type: 'string' },
        },
      },
    },
  },
};

async function compile(document: unknown): Promise<Map<string, ToolDefinition>> {
  const result = await importSchema(JSON.stringify(document));
  if (!result.ok) throw result.error;
  return new Map(result.value.tools.map((tool) => [tool.operationId ?? tool.name, tool]));
}

const propertiesOf = (schema: Record<string, unknown>) => Object.keys(schema.properties as object);

describe('idempotency keys in a compiled catalog', async () => {
  const tools = await compile(payments);

  it("hides Square's required idempotency_key from the model and records it for the executor", () => {
    const refund = tools.get('RefundPayment') as ToolDefinition;
    expect(propertiesOf(refund.inputSchema)).toEqual(['amount_money', 'payment_id', 'reason']);
    expect(refund.inputSchema.required).toEqual(['amount_money', 'payment_id']);
    expect(refund.idempotencyKeys).toEqual([
      { in: 'body', name: 'idempotency_key', inputName: 'idempotency_key', required: true, maxLength: 45 },
    ]);
    // The executor still sends it in the body.
    expect(refund.requestBody?.properties).toContain('idempotency_key');
  });

  it('hides key headers in any case, and keys one level inside a body wrapper', () => {
    const charge = tools.get('PostCharges') as ToolDefinition;
    expect(propertiesOf(charge.inputSchema)).toEqual(['Stripe-Account', 'amount']);
    expect(charge.idempotencyKeys).toEqual([
      {
        in: 'header',
        name: 'Idempotency-Key',
        inputName: 'Idempotency-Key',
        required: false,
        maxLength: 255,
      },
    ]);
    const order = tools.get('createOrder') as ToolDefinition;
    expect(order.idempotencyKeys?.map(({ in: where, name, property }) => [where, name, property])).toEqual([
      ['header', 'x-idempotency-key', undefined],
      ['body', 'idempotencyKey', 'idempotencyKey'],
    ]);
    expect(order.inputSchema.required).toEqual(['order']);
    const wrapper = (order.inputSchema.properties as Record<string, Record<string, unknown>>).order;
    expect(propertiesOf(wrapper)).toEqual(['sku']);
    expect(wrapper.required).toEqual(['sku']);
  });

  it('reads a key from its description, and leaves ids, references to other keys and look-ups alone', () => {
    const schedule = tools.get('createSchedule') as ToolDefinition;
    expect(schedule.idempotencyKeys?.map((key) => key.name)).toEqual(['ClientToken', 'refund_key']);
    expect(propertiesOf(schedule.inputSchema)).toEqual(['name', 'order_id', 'original_key']);
    // On a GET the key is what is looked up: the customer's value, kept.
    const list = tools.get('ListRefunds') as ToolDefinition;
    expect(list.idempotencyKeys).toBeUndefined();
    expect(propertiesOf(list.inputSchema)).toEqual(['idempotency_key']);
  });

  it('brings a tool of a catalog stored before keys were recognised up to date, once', () => {
    const refund = tools.get('RefundPayment') as ToolDefinition;
    const { idempotencyKeys: _keys, ...stored } = {
      ...refund,
      inputSchema: {
        type: 'object',
        properties: { idempotency_key: { type: 'string' }, payment_id: { type: 'string' } },
        required: ['idempotency_key', 'payment_id'],
      },
    };
    const upgraded = hideIdempotencyKeys(stored);
    expect(upgraded.inputSchema).toEqual({
      type: 'object',
      properties: { payment_id: { type: 'string' } },
      required: ['payment_id'],
    });
    expect(upgraded.idempotencyKeys?.map((key) => key.name)).toEqual(['idempotency_key']);
    expect(hideIdempotencyKeys(upgraded)).toBe(upgraded);
    const plain = tools.get('ListRefunds') as ToolDefinition;
    expect(hideIdempotencyKeys(plain)).toBe(plain);
  });

  it('takes a key-named input of another type for an ordinary input, and a key required twice for one', async () => {
    const odd = await compile({
      openapi: '3.1.0',
      info: { title: 'Odd', version: '1' },
      paths: {
        '/a': {
          post: {
            operationId: 'objectKey',
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['idempotency_key'],
                    properties: {
                      idempotency_key: { type: 'object', properties: { id: { type: 'string' } } },
                    },
                  },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
        '/b': {
          post: {
            operationId: 'numberKey',
            parameters: [
              { in: 'query', name: 'idempotencyKey', required: true, schema: { type: 'integer' } },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
        '/c': {
          post: {
            operationId: 'twoKeys',
            parameters: [
              { in: 'header', name: 'IDEMPOTENCY-KEY', required: true, schema: { type: 'string' } },
            ],
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['idempotency_key'],
                    properties: { idempotency_key: { type: 'string' } },
                  },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    expect(odd.get('objectKey')?.idempotencyKeys).toBeUndefined();
    expect(odd.get('objectKey')?.inputSchema.required).toEqual(['idempotency_key']);
    expect(odd.get('numberKey')?.idempotencyKeys).toBeUndefined();
    const twoKeys = odd.get('twoKeys') as ToolDefinition;
    expect(twoKeys.idempotencyKeys?.map((key) => key.in)).toEqual(['header', 'body']);
    expect(twoKeys.inputSchema).toEqual({ type: 'object', properties: {} });
    expect(twoKeys.callable).toBe(true);
  });
});
