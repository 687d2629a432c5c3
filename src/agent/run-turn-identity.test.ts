// A turn for a verified customer and for an anonymous visitor: bound inputs never reach the model and
// are sent from the identity; a visitor is asked to sign in and nothing is sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedModel } from '../engine/index.js';
import { createExecutor, type Executor } from '../executor/index.js';
import { defineTool, jsonBody } from '../executor/test-support/define-tool.js';
import { sendJson, startTestServer, type TestServer } from '../executor/test-support/start-test-server.js';
import { type CustomerIdentity, resolveBindings } from '../tools/index.js';
import { signInReply } from './arrange-for-customer.js';
import { runTurn } from './run-turn.js';
import type { AgentTool, RunTurnOptions } from './run-turn-options.js';
import type { Script } from './test-support/scripted-reply.js';
import { type FakeModelServer, startFakeModelServer } from './test-support/start-fake-model-server.js';

let api: TestServer;
let executor: Executor;

beforeAll(async () => {
  api = await startTestServer((request, response) => {
    const mine = /^\/customers\/([^/]+)\/orders/.exec(request.url);
    if (mine) return sendJson(response, 200, { orders: [{ orderNumber: `A-${mine[1]}`, total: 40 }] });
    if (request.url.startsWith('/returns')) return sendJson(response, 201, { returnId: 'R-1' });
    return sendJson(response, 200, { products: [{ name: 'Leather bag', price: 120 }] });
  });
  executor = createExecutor({ allowHosts: ['127.0.0.1'] });
});
afterAll(async () => {
  await executor.close();
  await api.close();
});
beforeEach(() => {
  api.requests.length = 0;
});

const integration = { id: 'shop', baseUrl: '', auth: { type: 'none' as const } };
const headers = [{ name: 'X-Customer-Id', claim: 'sub' }];

function bound(tool: ReturnType<typeof defineTool>, claim = 'sub', requiresCustomer = true): AgentTool {
  const { inputs, problems } = resolveBindings(
    tool,
    tool.parameters.some((parameter) => parameter.name === 'customerId')
      ? [{ in: 'path', name: 'customerId', claim }]
      : [],
    headers,
  );
  return {
    tool,
    integration: { ...integration, baseUrl: api.url },
    identity: { inputs, headers, requiresCustomer, problems },
  };
}

const listMyOrders = defineTool({
  name: 'listMyOrders',
  operationId: 'listMyOrders',
  method: 'get',
  path: '/customers/{customerId}/orders',
  summary: "List the signed-in customer's orders",
  description: "List the signed-in customer's orders: what they bought, newest first.",
  parameters: [
    { name: 'customerId', in: 'path', schema: { type: 'string' } },
    { name: 'status', in: 'query' },
  ],
});
const searchProducts = defineTool({
  name: 'searchProducts',
  method: 'get',
  path: '/products',
  description: 'Search the product catalog for bags, wallets and belts.',
  parameters: [{ name: 'q', in: 'query' }],
});
const createReturn = defineTool({
  name: 'createReturn',
  method: 'post',
  path: '/returns',
  description: 'Start a return for an order.',
  requestBody: jsonBody({ orderNumber: { type: 'string' } }, true),
});

const alex: CustomerIdentity = { sub: '1', name: 'Alex', claims: { sub: '1', name: 'Alex' } };

function turn(model: RunTurnOptions['model'], extra: Partial<RunTurnOptions>): ReturnType<typeof runTurn> {
  return runTurn({
    model,
    // As the demo's prompt routes it: "what did I buy" has no word of the operation's own.
    basePrompt:
      'You are the assistant of a leather shop.\nIf the customer asks what they bought or about their orders, use the listMyOrders tool.',
    tools: [bound(listMyOrders), bound(searchProducts, 'sub', false)],
    executor,
    history: [],
    message: '',
    signInUrl: 'https://shop.example/login',
    ...extra,
  });
}

describe('a turn for a verified customer, with a hosted model', () => {
  let llm: FakeModelServer;
  const script: Script = (request, index) =>
    index === 0
      ? { toolCalls: [{ name: 'listMyOrders', args: { customerId: '2', status: 'all' } }] }
      : { text: `Your orders: ${request.toolResults.at(-1)}` };
  beforeAll(async () => {
    llm = await startFakeModelServer('openai', script);
  });
  afterAll(async () => llm.close());

  it("never shows the bound input to the model and sends the customer's own id whatever it asks", async () => {
    const result = await turn(llm.model, { customer: alex, message: 'Show the orders of customer 2' });
    const tools = (llm.requests[0].body.tools ?? []) as { function: { name: string; parameters: unknown } }[];
    const offered = tools.find((tool) => tool.function.name === 'listMyOrders');
    expect(offered?.function.parameters).toMatchObject({ properties: { status: expect.any(Object) } });
    expect(JSON.stringify(offered?.function.parameters)).not.toContain('customerId');
    expect(llm.requests[0].system).toContain('The customer is signed in');
    expect(api.requests.map((request) => request.url)).toEqual(['/customers/1/orders?status=all']);
    expect(api.requests[0].headers['x-customer-id']).toBe('1');
    expect(result.steps).toContainEqual(
      expect.objectContaining({
        type: 'tool-call',
        tool: 'listMyOrders',
        outcome: 'ok',
        identity: {
          subject: '1',
          values: [
            { in: 'path', name: 'customerId', claim: 'sub' },
            { in: 'header', name: 'X-Customer-Id', claim: 'sub' },
          ],
        },
      }),
    );
    expect(result.reply).toContain('A-1');
  });
});

describe('a turn for an anonymous visitor, with a hosted model', () => {
  let llm: FakeModelServer;
  beforeAll(async () => {
    llm = await startFakeModelServer('openai', (request) =>
      request.toolNames.includes('sign_in_for_listMyOrders')
        ? { toolCalls: [{ name: 'sign_in_for_listMyOrders', args: { customerId: '2' } }] }
        : { text: 'nothing' },
    );
  });
  afterAll(async () => llm.close());

  it('offers a stand-in instead of the operation, asks to sign in and sends nothing', async () => {
    const result = await turn(llm.model, { message: 'What did I buy last month?' });
    expect(llm.requests[0].toolNames).not.toContain('listMyOrders');
    expect(llm.requests[0].toolNames).toContain('searchProducts');
    expect(JSON.stringify(llm.requests[0].body.tools)).not.toContain('customerId');
    expect(llm.requests[0].system).toContain('The customer is not signed in');
    expect(result.reply).toBe(signInReply('https://shop.example/login'));
    expect(result.signIn).toEqual({ url: 'https://shop.example/login' });
    expect(result.steps).toContainEqual({ type: 'sign-in-required', tool: 'listMyOrders' });
    expect(api.requests).toEqual([]);
  });

  it('leaves out an operation whose binding no longer fits, and one whose claim the customer lacks', async () => {
    const stale: AgentTool = {
      ...bound(listMyOrders),
      identity: { inputs: [], headers: [], requiresCustomer: true, problems: ['gone'] },
    };
    await turn(llm.model, {
      customer: alex,
      tools: [stale, bound(listMyOrders, 'email')],
      message: 'orders?',
    });
    expect(llm.requests.at(-1)?.toolNames).toEqual(['handoff_to_human']);
  });
});

describe('identity with the embedded engine', () => {
  const model = createEmbeddedModel();

  it('lists a verified customer their own orders, with no question about who they are', async () => {
    const result = await turn(model, { customer: alex, message: 'What did I buy last month?' });
    expect(api.requests.map((request) => request.url)).toEqual(['/customers/1/orders']);
    expect(result.reply).toContain('A-1');
  });

  it('asks an anonymous visitor to sign in for the same question', async () => {
    const result = await turn(model, { message: 'What did I buy last month?' });
    expect(api.requests).toEqual([]);
    expect(result.reply).toBe(signInReply('https://shop.example/login'));
  });

  it('asks to sign in again for an action proposed while signed in, once the sign-in has ended', async () => {
    const tools = [{ ...bound(createReturn), needsConfirmation: true }];
    const proposed = await turn(model, { customer: alex, tools, message: 'Return order 12345 please' });
    expect(proposed.pendingAction).toMatchObject({ tool: 'createReturn', args: { orderNumber: '12345' } });
    const confirmed = await turn(model, { tools, message: 'yes', pendingAction: proposed.pendingAction });
    expect(confirmed.reply).toBe(signInReply('https://shop.example/login'));
    expect(confirmed.signIn).toEqual({ url: 'https://shop.example/login' });
    expect(api.requests).toEqual([]);
  });
});
