import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedModel } from '../engine/index.js';
import { createExecutor, type Executor } from '../executor/index.js';
import { sendJson, startTestServer, type TestServer } from '../executor/test-support/start-test-server.js';
import { importSchema } from '../openapi/index.js';
import type { PendingAction } from './pending-action.js';
import { runTurn } from './run-turn.js';
import type { AgentTool, HistoryMessage } from './run-turn-options.js';

// An operation whose one required input is Square's kind of idempotency key: nothing to ask for.
const document = {
  openapi: '3.0.3',
  info: { title: 'Trailhead memberships', version: '1' },
  paths: {
    '/membership/cancel': {
      post: {
        operationId: 'cancelMembership',
        summary: "Cancel the customer's membership",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['idempotency_key'],
                properties: {
                  idempotency_key: {
                    type: 'string',
                    description: 'A unique string that identifies this CancelMembership request.',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Cancelled',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { status: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
  },
};

describe('an operation whose only required input is an idempotency key', () => {
  let server: TestServer;
  let executor: Executor;
  let tools: AgentTool[];
  beforeAll(async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { status: 'cancelled' }));
    executor = createExecutor({ allowHosts: ['127.0.0.1'] });
    const imported = await importSchema(JSON.stringify(document));
    if (!imported.ok) throw imported.error;
    const integration = { id: 'int_members', baseUrl: server.url, auth: { type: 'none' as const } };
    tools = imported.value.tools.map((tool) => ({ tool, integration }));
  });
  afterAll(async () => {
    await executor.close();
    await server.close();
  });

  it('is proposed without asking the customer for the key, and sent with the action id as its key', async () => {
    const model = createEmbeddedModel();
    const turn = (
      message: string,
      extra: { history?: HistoryMessage[]; pendingAction?: PendingAction } = {},
    ) => runTurn({ model, basePrompt: '', tools, executor, history: [], message, ...extra });
    const message = 'Please cancel my membership';
    const first = await turn(message);
    expect(first.reply).not.toMatch(/identif|idempotency|key/i);
    expect(first.pendingAction).toMatchObject({ tool: 'cancelMembership', args: {} });
    expect(server.requests).toHaveLength(0);
    const pendingAction = first.pendingAction as PendingAction;
    const history: HistoryMessage[] = [
      { role: 'customer', text: message },
      { role: 'agent', text: first.reply },
    ];
    await turn('yes', { history, pendingAction });
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0].body)).toEqual({ idempotency_key: pendingAction.id });
    expect(server.requests[0].headers['idempotency-key']).toBe(pendingAction.id);
  });
});
