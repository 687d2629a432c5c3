import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importSchema } from '../openapi/index.js';
import type { ToolDefinition } from '../tools/index.js';
import { createExecutor, type Executor } from './create-executor.js';
import {
  type RecordedRequest,
  sendJson,
  startTestServer,
  type TestServer,
} from './test-support/start-test-server.js';
import type { RequestLogEntry, ToolCallRequest } from './tool-call.js';

// A refund as Square takes it (the key in the body, at most 45 characters) and an order that takes one
// in a header of its own name and inside its body's wrapper object, at most 20 characters.
const document = {
  openapi: '3.0.3',
  info: { title: 'Payments', version: '1' },
  paths: {
    '/v2/refunds': {
      post: {
        operationId: 'RefundPayment',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['idempotency_key', 'payment_id'],
                properties: {
                  idempotency_key: {
                    type: 'string',
                    maxLength: 45,
                    description: 'A unique string that identifies this `RefundPayment` request.',
                  },
                  payment_id: { type: 'string' },
                  amount: { type: 'integer' },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/orders': {
      post: {
        operationId: 'createOrder',
        parameters: [{ in: 'header', name: 'X-Idempotency-Key', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['order'],
                properties: {
                  order: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['idempotency_key', 'sku'],
                    properties: {
                      idempotency_key: { type: 'string', maxLength: 20 },
                      sku: { type: 'string' },
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
  },
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: TestServer;
let executor: Executor;
let logs: RequestLogEntry[];
let tools: Map<string, ToolDefinition>;
/** Statuses the server answers with, in turn; 200 once they run out. */
let statuses: number[];

beforeAll(async () => {
  server = await startTestServer((_request, response) => {
    const status = statuses.shift() ?? 200;
    sendJson(response, status, status === 200 ? { ok: true } : { error: 'try again' });
  });
  executor = createExecutor({ allowHosts: ['127.0.0.1'], onLog: (entry) => void logs.push(entry) });
  const imported = await importSchema(JSON.stringify(document));
  if (!imported.ok) throw imported.error;
  tools = new Map(imported.value.tools.map((tool) => [tool.name, tool]));
});
afterAll(async () => {
  await executor.close();
  await server.close();
});
beforeEach(() => {
  logs = [];
  statuses = [];
  server.requests.length = 0;
});

function run(name: string, args: unknown, call: Partial<ToolCallRequest> = {}) {
  return executor.executeToolCall({
    tool: tools.get(name) as ToolDefinition,
    args,
    integration: { id: 'int-1', baseUrl: server.url, auth: { type: 'none' }, timeoutMs: 5000 },
    ...call,
  });
}

const bodyOf = (request: RecordedRequest) => JSON.parse(request.body) as Record<string, unknown>;

describe('idempotency keys set at send time', () => {
  it('sends a fresh key in the body of each call, never the one a model made up', async () => {
    const first = await run('RefundPayment', { payment_id: 'pay_1', amount: 500 });
    const second = await run('RefundPayment', { payment_id: 'pay_1', amount: 500, idempotency_key: 'abc' });
    expect([first.outcome, second.outcome]).toEqual(['ok', 'ok']);
    const [one, two] = server.requests.map(bodyOf);
    expect(one).toMatchObject({ payment_id: 'pay_1', amount: 500 });
    expect(one.idempotency_key).toMatch(uuid);
    expect(two.idempotency_key).toMatch(uuid);
    expect(two.idempotency_key).not.toBe(one.idempotency_key);
    // The log shows the key: it is no secret.
    expect(logs[0].requestBody).toContain(one.idempotency_key as string);
  });

  it("sends a confirmed action's key in every place the operation takes one, and again on a retry", async () => {
    statuses = [503];
    const result = await run('createOrder', { order: { sku: 'SKU-1' } }, { idempotencyKey: 'pending-7f3a' });
    expect(result.outcome).toBe('ok');
    expect(result.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers['x-idempotency-key']).toBe('pending-7f3a');
      expect(request.headers['idempotency-key']).toBe('pending-7f3a');
      expect(bodyOf(request)).toEqual({ order: { sku: 'SKU-1', idempotency_key: 'pending-7f3a' } });
    }
    expect(logs[0].requestHeaders['x-idempotency-key']).toBe('pending-7f3a');
  });

  it('puts the key in the wrapper the model filled, cut to the length the schema allows', async () => {
    const withoutWrapper = await run('createOrder', {});
    expect(withoutWrapper.outcome).toBe('invalid-arguments');
    expect(server.requests).toHaveLength(0);
    const result = await run('createOrder', { order: { sku: 'SKU-2', idempotency_key: 'from-the-model' } });
    expect(result.outcome).toBe('ok');
    const sent = bodyOf(server.requests[0]).order as Record<string, string>;
    expect(sent.sku).toBe('SKU-2');
    expect(sent.idempotency_key).toMatch(/^[0-9a-f]{20}$/);
    expect(server.requests[0].headers['x-idempotency-key']).toMatch(uuid);
    expect(server.requests[0].headers['x-idempotency-key']?.toString().replace(/-/g, '')).toContain(
      sent.idempotency_key,
    );
  });

  it('sends one key on every retry of a refund the API failed to answer', async () => {
    statuses = [502, 502];
    const result = await run('RefundPayment', { payment_id: 'pay_2' });
    expect(result.attempts).toBe(3);
    const keys = server.requests.map((request) => bodyOf(request).idempotency_key);
    expect(new Set(keys).size).toBe(1);
  });
});
