// Security regression: an anonymous widget visitor sees a public view of each turn (the reply, its
// sources by name, the state they need) and none of the trace: no tool arguments, no API response,
// no error strings, no URL of the business API. Any trace field in a widget answer fails this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../agent/test-support/start-fake-model-server.js';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import {
  type FakeShopApi,
  fakeShopApiKey,
  shopSchema,
  startFakeShopApi,
} from '../test-support/fake-shop-api.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

/** Every fields a widget answer may have, at any depth (turn, message list, stream events, errors). */
const PUBLIC_FIELDS = new Set([
  'reply',
  'id',
  'text',
  'sources',
  'status',
  'pendingAction',
  'summary',
  'expiresAt',
  'messageId',
  'type',
  'items',
  'role',
  'createdAt',
  'error',
  'code',
  'message',
  'visitorToken',
  'signIn',
  'signedIn',
  'url',
]);

/** Every object key in `value`, at any depth. */
function keysOf(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, keys);
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) {
      keys.add(key);
      keysOf(item, keys);
    }
  return keys;
}

/** The JSON payloads of an SSE body. */
function streamPayloads(body: string): { event: string; data: unknown }[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? '',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}'),
    }));
}

const returnOperation = `  /returns:
    post:
      operationId: startReturn
      summary: Start a return
      description: Use when the customer wants to send an order back.
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [orderId, reason]
              properties:
                orderId: { type: string, description: The order number }
                reason: { type: string, description: Why it goes back }
      responses: { '201': { description: The return } }
`;

describe('security: the widget API shows visitors a public view of the turn', () => {
  let shop: FakeShopApi;
  let model: Awaited<ReturnType<typeof startFakeModelServer>>;
  let test: TestApp;
  let integrationId: string;
  let publicKey: string;

  beforeAll(async () => {
    shop = await startFakeShopApi();
    model = await startFakeModelServer('openai-compatible', (request) => {
      if (/return/i.test(request.lastUserText))
        return { toolCalls: [{ name: 'startReturn', args: { orderId: '12345', reason: 'too small' } }] };
      return request.toolResults.length === 0
        ? { toolCalls: [{ name: 'searchProducts', args: { q: 'leather bags' } }] }
        : { text: 'Here is what I found for you.' };
    });
    test = await openTestApp(storeDialects[0], { allowHosts: ['127.0.0.1'] });
    const property = await test.store.properties.create({ name: 'Shop' });
    const integration = (
      await test.call({
        method: 'POST',
        url: `/api/v1/properties/${property.id}/integrations`,
        payload: {
          name: 'Shop API',
          schemaText: shopSchema(shop.origin, returnOperation),
          auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: fakeShopApiKey },
        },
      })
    ).json();
    integrationId = integration.id;
    const agent = await test.store.agents.create({
      propertyId: property.id,
      name: 'Hosted',
      model: { provider: 'openai-compatible', baseUrl: model.baseUrl, model: 'llama', apiKey: 'k' },
    });
    await test.store.agents.setIntegration(agent.id, integrationId, true);
    publicKey = agent.publicKey;
  });
  afterAll(async () => {
    await test.close();
    await model.close();
    await shop.close();
  });

  it('answers JSON, streams and message lists without a single trace field', async () => {
    const started = await test.call({
      method: 'POST',
      url: '/api/v1/widget/conversations',
      payload: { agentKey: publicKey },
      token: null,
    });
    const { id, visitorToken } = started.json();
    const visitor = { 'x-visitor-token': visitorToken };
    const url = `/api/v1/widget/conversations/${id}/messages`;
    const send = (text: string, accept = 'application/json') =>
      test.call({ method: 'POST', url, headers: { ...visitor, accept }, payload: { text }, token: null });

    const answers: { what: string; body: string; value: unknown }[] = [];
    const record = (what: string, body: string, value: unknown) => answers.push({ what, body, value });
    record('start', started.body, started.json());

    // 1. A successful call: arguments and the API's raw response are in the trace.
    const found = await send('Show me leather bags');
    expect(found.json()).toEqual({
      reply: { id: expect.any(String), text: 'Here is what I found for you.' },
      sources: ['searchProducts'],
      status: 'open',
      pendingAction: null,
      messageId: expect.any(String),
      signIn: null,
    });
    record('JSON turn', found.body, found.json());

    // 2. The same as a stream.
    const streamed = await send('Any leather bags?', 'text/event-stream');
    const events = streamPayloads(streamed.body);
    expect([...new Set(events.map((event) => event.event))]).toEqual(['message-delta', 'turn-end']);
    for (const event of events) record(`stream ${event.event}`, JSON.stringify(event.data), event.data);

    // 3. A failing call: the trace holds an error string with the business API's address.
    await test.store.integrations.update(integrationId, { baseUrl: 'http://127.0.0.1:9/api' });
    const failed = await send('Show me leather bags again');
    record('failed turn', failed.body, failed.json());
    const failedStream = await send('And canvas totes?', 'text/event-stream');
    for (const event of streamPayloads(failedStream.body))
      record(`failed stream ${event.event}`, JSON.stringify(event.data), event.data);
    await test.store.integrations.update(integrationId, { baseUrl: `${shop.origin}/api` });

    // 4. A write action waiting for the customer's yes: its summary, never its tool or arguments.
    const proposed = await send('I want to return order 12345, it is too small');
    expect(proposed.json().pendingAction).toEqual({
      summary: expect.any(String),
      expiresAt: expect.any(String),
    });
    record('confirmation', proposed.body, proposed.json());

    const listed = await test.call({ method: 'GET', url, headers: visitor, token: null });
    record('messages', listed.body, listed.json());

    // What the admin sees of the same conversation: the trace, with its fields and values.
    const admin = (await test.call({ method: 'GET', url: `/api/v1/conversations/${id}` })).json();
    const steps = admin.traces.flatMap((trace: { steps: unknown[] }) => trace.steps);
    const traceFields = [...keysOf(steps)].filter((field) => !PUBLIC_FIELDS.has(field));
    expect(traceFields).toEqual(expect.arrayContaining(['args', 'outcome', 'durationMs', 'tool']));
    const adminText = JSON.stringify(steps);
    expect(adminText).toContain('ECONNREFUSED 127.0.0.1:9');
    expect(adminText).toContain('stock');

    for (const answer of answers) {
      const fields = [...keysOf(answer.value)];
      expect(
        fields.filter((field) => !PUBLIC_FIELDS.has(field)),
        `${answer.what}: ${answer.body}`,
      ).toEqual([]);
      expect(
        fields.filter((field) => traceFields.includes(field)),
        answer.what,
      ).toEqual([]);
      for (const internal of [
        shop.origin,
        '127.0.0.1:9',
        'ECONNREFUSED',
        'stock',
        '"q":"leather bags"',
        '"reason":"too small"',
        fakeShopApiKey,
      ])
        expect(answer.body, `${answer.what} shows ${internal}`).not.toContain(internal);
    }
  });
});
