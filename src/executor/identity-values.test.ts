// The executor sets identity-bound inputs and headers from the verified customer, against a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomerIdentity, resolveBindings } from '../tools/index.js';
import { createExecutor, type Executor } from './create-executor.js';
import { defineTool, jsonBody } from './test-support/define-tool.js';
import { sendJson, startTestServer, type TestServer } from './test-support/start-test-server.js';
import type { RequestLogEntry, ToolCallIdentity } from './tool-call.js';

let server: TestServer;
let executor: Executor;
const logs: RequestLogEntry[] = [];

beforeAll(async () => {
  server = await startTestServer((request, response) => sendJson(response, 200, { url: request.url }));
  executor = createExecutor({ allowHosts: ['127.0.0.1'], onLog: (entry) => void logs.push(entry) });
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

const listOrders = defineTool({
  name: 'listMyOrders',
  method: 'get',
  path: '/customers/{customerId}/orders',
  parameters: [
    { name: 'customerId', in: 'path' },
    { name: 'status', in: 'query' },
  ],
});
const alex: CustomerIdentity = {
  sub: '1',
  email: 'alex@example.com',
  claims: { sub: '1', email: 'alex@example.com', tier: 'line\nbreak' },
};

function identityFor(
  customer: CustomerIdentity | null,
  tool = listOrders,
  headers = [{ name: 'X-Customer-Id', claim: 'sub' }],
): ToolCallIdentity {
  return {
    customer,
    inputs: resolveBindings(tool, [{ in: 'path', name: 'customerId', claim: 'sub' }], headers).inputs,
    headers,
  };
}

function run(args: unknown, identity: ToolCallIdentity, tool = listOrders) {
  return executor.executeToolCall({
    tool,
    args,
    integration: { id: 'int-1', baseUrl: server.url, auth: { type: 'none' } },
    identity,
  });
}

describe('identity-bound values', () => {
  it("sends the customer's own id whatever the arguments say, and logs where it came from", async () => {
    const result = await run({ customerId: '2', status: 'open' }, identityFor(alex));
    expect(result.outcome).toBe('ok');
    const sent = server.requests.at(-1)!;
    expect(sent.url).toBe('/customers/1/orders?status=open');
    expect(sent.headers['x-customer-id']).toBe('1');
    expect(result.log.identity).toEqual({
      subject: '1',
      values: [
        { in: 'path', name: 'customerId', claim: 'sub' },
        { in: 'header', name: 'X-Customer-Id', claim: 'sub' },
      ],
    });
    expect(logs.at(-1)?.identity).toEqual(result.log.identity);
  });

  it('sends nothing for an anonymous visitor when a bound input is required', async () => {
    const before = server.requests.length;
    const result = await run({ customerId: '2' }, identityFor(null));
    expect(result.outcome).toBe('invalid-arguments');
    expect(result.log.error).toMatch(/customerId: comes from the verified customer's "sub" claim/);
    expect(result.log.identity).toBeUndefined();
    expect(server.requests.length).toBe(before);
  });

  it("drops an identity header the arguments set when the visitor is anonymous, and a model's header param", async () => {
    const search = defineTool({
      name: 'search',
      method: 'get',
      path: '/search',
      parameters: [{ name: 'X-Customer-Id', in: 'header' }],
    });
    const headers = [{ name: 'X-Customer-Id', claim: 'sub' }];
    const identity: ToolCallIdentity = {
      customer: null,
      inputs: resolveBindings(search, [], headers).inputs,
      headers,
    };
    const result = await run({ 'X-Customer-Id': '2' }, identity, search);
    expect(result.outcome).toBe('ok');
    expect(server.requests.at(-1)!.headers['x-customer-id']).toBeUndefined();
  });

  it('sets a bound body property and refuses a claim that cannot go in a header', async () => {
    const createNote = defineTool({
      name: 'createNote',
      method: 'post',
      path: '/notes',
      requestBody: jsonBody({ text: { type: 'string' }, author: { type: 'string' } }, true),
    });
    const identity: ToolCallIdentity = {
      customer: alex,
      inputs: resolveBindings(createNote, [{ in: 'body', name: 'author', claim: 'email' }]).inputs,
      headers: [],
    };
    await run({ text: 'hi', author: 'someone@else.test' }, identity, createNote);
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ text: 'hi', author: 'alex@example.com' });

    const bad = await run({}, identityFor(alex, listOrders, [{ name: 'X-Tier', claim: 'tier' }]));
    expect(bad.outcome).toBe('invalid-arguments');
    expect(bad.log.error).toMatch(/X-Tier: the "tier" claim cannot be sent in a header/);
  });

  it('sends a claim outside ASCII percent-encoded as UTF-8 (as header parameters are), in an identity header and a bound header input', async () => {
    const zoe: CustomerIdentity = {
      sub: 'Zoë 山田',
      claims: { sub: 'Zoë 山田', name: 'Zoë 山田', plan: '50% off', city: 'Köln' },
    };
    const profile = defineTool({
      name: 'profile',
      method: 'get',
      path: '/profile',
      parameters: [{ name: 'X-Name', in: 'header' }],
    });
    const headers = [
      { name: 'X-Customer-Id', claim: 'sub' },
      { name: 'X-Plan', claim: 'plan' },
      { name: 'X-City', claim: 'city' },
    ];
    const identity: ToolCallIdentity = {
      customer: zoe,
      inputs: resolveBindings(profile, [{ in: 'header', name: 'X-Name', claim: 'name' }], headers).inputs,
      headers,
    };
    const result = await run({}, identity, profile);
    expect(result.outcome).toBe('ok');
    const sent = server.requests.at(-1)!.headers;
    // decodeURIComponent reads every value back: a value with neither % nor non-ASCII is sent as it is.
    expect(sent['x-customer-id']).toBe('Zo%C3%AB %E5%B1%B1%E7%94%B0');
    expect(decodeURIComponent(sent['x-name'] as string)).toBe('Zoë 山田');
    expect(sent['x-plan']).toBe('50%25 off');
    expect(decodeURIComponent(sent['x-city'] as string)).toBe('Köln');
    expect(server.requests.at(-1)!.url).toBe('/profile');
  });
});
