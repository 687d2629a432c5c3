import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../agent/test-support/start-fake-model-server.js';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import { type FakeShopApi, fakeShopApiKey, startFakeShopApi } from '../test-support/fake-shop-api.js';
import { openTestApp, startWidgetConversation, type TestApp } from '../test-support/test-app.js';

/** Parses an SSE body into its events. */
function parseEvents(body: string): { event: string; data: Record<string, unknown> }[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}');
      return { event, data };
    });
}

/** Creates a property with the fake shop connected (API key auth) and an agent using it. */
async function connectShopAgent(
  test: TestApp,
  shop: FakeShopApi,
  agentPayload: Record<string, unknown>,
): Promise<{ id: string; publicKey: string }> {
  const property = (
    await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Shop' } })
  ).json();
  const integration = (
    await test.call({
      method: 'POST',
      url: `/api/v1/properties/${property.id}/integrations`,
      payload: {
        name: 'Shop API',
        schemaText: shop.schema,
        auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: fakeShopApiKey },
      },
    })
  ).json();
  const agent = (
    await test.call({
      method: 'POST',
      url: `/api/v1/properties/${property.id}/agents`,
      payload: agentPayload,
    })
  ).json();
  await test.call({
    method: 'PUT',
    url: `/api/v1/agents/${agent.id}/integrations/${integration.id}`,
    payload: { enabled: true },
  });
  return agent;
}

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`chat API on ${dialect.name} with the embedded engine`, () => {
    let shop: FakeShopApi;
    let test: TestApp;
    let agent: { id: string; publicKey: string };
    const webhookCalls: unknown[] = [];
    let webhook: ReturnType<typeof createServer>;

    beforeAll(async () => {
      shop = await startFakeShopApi();
      webhook = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => (body += chunk));
        request.on('end', () => {
          webhookCalls.push(JSON.parse(body));
          response.end('ok');
        });
      });
      await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
      test = await openTestApp(dialect, { allowHosts: ['127.0.0.1'] });
      agent = await connectShopAgent(test, shop, {
        name: 'Store assistant',
        handoffWebhookUrl: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/handoff`,
      });
    });
    afterAll(async () => {
      await test.close();
      await shop.close();
      await new Promise((resolve) => webhook.close(resolve));
    });

    async function newConversation(): Promise<string> {
      return (
        await test.call({ method: 'POST', url: `/api/v1/agents/${agent.id}/conversations`, payload: {} })
      ).json().id;
    }

    it('answers from the API: a product search with prices, and the call in the trace', async () => {
      const conversationId = await newConversation();
      const response = await test.call({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        payload: { text: 'Show me leather bags' },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.reply.text).toMatch(/Leather bag/);
      expect(body.reply.text).toMatch(/120/);
      expect(body.trace.steps).toContainEqual(
        expect.objectContaining({
          type: 'tool-call',
          tool: 'searchProducts',
          args: { q: 'leather bags' },
          outcome: 'ok',
        }),
      );
      expect(body.trace.dataSources).toEqual(['searchProducts']);
      expect(JSON.stringify(body)).not.toContain(fakeShopApiKey);

      const stored = (
        await test.call({ method: 'GET', url: `/api/v1/conversations/${conversationId}` })
      ).json();
      expect(stored.messages.map((message: { role: string }) => message.role)).toEqual(['customer', 'agent']);
      expect(stored.traces[0].steps).toContainEqual(
        expect.objectContaining({ type: 'tool-call', tool: 'searchProducts' }),
      );
      const logs = (
        await test.call({
          method: 'GET',
          url: `/api/v1/properties/${stored.propertyId}/logs?conversationId=${conversationId}`,
        })
      ).json();
      expect(logs.items).toEqual([
        expect.objectContaining({ tool: 'searchProducts', outcome: 'ok', agentId: agent.id }),
      ]);
    });

    it('streams the same turn as server-sent events', async () => {
      const conversationId = await newConversation();
      const response = await test.call({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        headers: { accept: 'text/event-stream' },
        payload: { text: 'Where is my order #12345?' },
      });
      expect(response.headers['content-type']).toMatch(/text\/event-stream/);
      const events = parseEvents(response.body);
      const names = events.map((event) => event.event);
      expect(names.indexOf('tool-call-start')).toBeGreaterThanOrEqual(0);
      expect(names.indexOf('tool-call-end')).toBeGreaterThan(names.indexOf('tool-call-start'));
      expect(names).toContain('message-delta');
      expect(names.at(-1)).toBe('turn-end');
      const deltas = events
        .filter((event) => event.event === 'message-delta')
        .map((event) => event.data.text)
        .join('');
      const end = events.at(-1)!.data as { reply: { text: string } };
      expect(deltas).toBe(end.reply.text);
      expect(end.reply.text).toMatch(/shipped/);
    });

    it('gives the same turn whether answered as JSON (not streamed) or streamed as events', async () => {
      /** A turn's body without what differs between any two runs (ids, times, tokens). */
      const varying = new Set(['id', 'messageId', 'durationMs', 'expiresAt']);
      const comparable = (body: Record<string, unknown>) =>
        JSON.parse(JSON.stringify(body, (key, value) => (varying.has(key) ? '-' : value)));
      for (const text of ['Show me leather bags', 'Where is my order #12345?', "What's the weather today?"]) {
        const url = (conversationId: string) => `/api/v1/conversations/${conversationId}/messages`;
        const json = await test.call({
          method: 'POST',
          url: url(await newConversation()),
          payload: { text },
        });
        const streamed = await test.call({
          method: 'POST',
          url: url(await newConversation()),
          headers: { accept: 'text/event-stream' },
          payload: { text },
        });
        const end = parseEvents(streamed.body).at(-1)!;
        expect(end.event).toBe('turn-end');
        const { type: _type, ...streamedBody } = end.data;
        expect(comparable(streamedBody)).toEqual(comparable(json.json()));
        expect(json.json().reply.text.length).toBeGreaterThan(0);
      }
    });

    it('hands over to a person: webhook, silence, and the human reply reaches the widget', async () => {
      const start = await test.call({
        method: 'POST',
        url: '/api/v1/widget/conversations',
        payload: { agentKey: agent.publicKey },
        token: null,
      });
      expect(start.statusCode).toBe(201);
      const { id, visitorToken } = start.json();
      const visitor = { 'x-visitor-token': visitorToken };
      const handoff = await test.call({
        method: 'POST',
        url: `/api/v1/widget/conversations/${id}/messages`,
        headers: visitor,
        payload: { text: 'I want to talk to a person' },
        token: null,
      });
      expect(handoff.json()).toMatchObject({ status: 'waiting-for-human' });
      await expect.poll(() => webhookCalls.length).toBe(1);
      expect(webhookCalls[0]).toMatchObject({
        event: 'conversation.handoff',
        conversation: { id, status: 'waiting-for-human' },
      });

      const silent = await test.call({
        method: 'POST',
        url: `/api/v1/widget/conversations/${id}/messages`,
        headers: visitor,
        payload: { text: 'Hello?' },
        token: null,
      });
      expect(silent.json()).toMatchObject({ reply: null, status: 'waiting-for-human' });
      const last = silent.json().messageId;

      const human = await test.call({
        method: 'POST',
        url: `/api/v1/conversations/${id}/human-replies`,
        payload: { text: 'Hi, this is Sam.' },
      });
      expect(human.statusCode).toBe(201);
      const polled = await test.call({
        method: 'GET',
        url: `/api/v1/widget/conversations/${id}/messages?after=${last}`,
        headers: visitor,
        token: null,
      });
      expect(polled.json()).toMatchObject({
        status: 'waiting-for-human',
        items: [{ role: 'human', text: 'Hi, this is Sam.' }],
      });
    });

    it('lets a visitor reach only their own conversation', async () => {
      const mine = await startWidgetConversation(test, agent.publicKey);
      const theirs = await startWidgetConversation(test, agent.publicKey);
      const read = await test.call({
        method: 'GET',
        url: `/api/v1/widget/conversations/${theirs.id}/messages`,
        headers: { 'x-visitor-token': mine.visitorToken },
        token: null,
      });
      expect(read.statusCode).toBe(404);
      const write = await test.call({
        method: 'POST',
        url: `/api/v1/widget/conversations/${theirs.id}/messages`,
        headers: { 'x-visitor-token': mine.visitorToken },
        payload: { text: 'hi' },
        token: null,
      });
      expect(write.statusCode).toBe(404);
      const noToken = await test.call({
        method: 'GET',
        url: `/api/v1/widget/conversations/${mine.id}/messages`,
        token: null,
      });
      expect(noToken.statusCode).toBe(401);
      const wrongKey = await test.call({
        method: 'POST',
        url: '/api/v1/widget/conversations',
        payload: { agentKey: 'pk_nope' },
        token: null,
      });
      expect(wrongKey.statusCode).toBe(404);
      const adminRoute = await test.call({
        method: 'GET',
        url: `/api/v1/conversations/${mine.id}`,
        headers: { 'x-visitor-token': mine.visitorToken },
        token: null,
      });
      expect(adminRoute.statusCode).toBe(401);
    });

    it('refuses messages to a closed conversation with 409', async () => {
      const conversationId = await newConversation();
      await test.call({
        method: 'PATCH',
        url: `/api/v1/conversations/${conversationId}`,
        payload: { status: 'closed' },
      });
      const response = await test.call({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        payload: { text: 'hi' },
      });
      expect(response.statusCode).toBe(409);
      const blank = await test.call({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        payload: { text: '   ' },
      });
      expect(blank.statusCode).toBe(400);
    });
  });
}

describe('widget rate limits', () => {
  it('limit messages per visitor and new conversations per IP with a 429', async () => {
    const test = await openTestApp(storeDialects[0], {
      widgetLimits: { conversationsPerIp: 2, messagesPerVisitor: 2, readsPerIp: 100 },
    });
    try {
      const property = await test.store.properties.create({ name: 'P' });
      const agent = await test.store.agents.create({ propertyId: property.id, name: 'A' });
      const start = () =>
        test.call({
          method: 'POST',
          url: '/api/v1/widget/conversations',
          payload: { agentKey: agent.publicKey },
          token: null,
        });
      const { id, visitorToken } = (await start()).json();
      const send = () =>
        test.call({
          method: 'POST',
          url: `/api/v1/widget/conversations/${id}/messages`,
          headers: { 'x-visitor-token': visitorToken },
          payload: { text: 'Hello' },
          token: null,
        });
      expect((await send()).statusCode).toBe(200);
      expect((await send()).statusCode).toBe(200);
      const limited = await send();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate-limited');
      expect((await start()).statusCode).toBe(201);
      expect((await start()).statusCode).toBe(429);
    } finally {
      await test.close();
    }
  });
});

describe('the widget API with a hosted model (a local server speaking the OpenAI-compatible protocol)', () => {
  it('calls the business API the model asks for and answers from it, as JSON and as a stream', async () => {
    const shop = await startFakeShopApi();
    const modelServer = await startFakeModelServer('openai-compatible', (request) =>
      request.toolResults.length === 0
        ? { toolCalls: [{ name: 'searchProducts', args: { q: 'leather bags' } }] }
        : { text: 'We have the Leather bag for 120, and 3 are in stock.' },
    );
    const test = await openTestApp(storeDialects[0], { allowHosts: ['127.0.0.1'] });
    try {
      const agent = await connectShopAgent(test, shop, {
        name: 'Hosted',
        model: {
          provider: 'openai-compatible',
          baseUrl: modelServer.baseUrl,
          model: 'llama-fake',
          apiKey: 'sk-local-model-key-42',
        },
      });
      const started = await startWidgetConversation(test, agent.publicKey);
      const visitor = { 'x-visitor-token': started.visitorToken };
      const url = `/api/v1/widget/conversations/${started.id}/messages`;

      const json = await test.call({
        method: 'POST',
        url,
        headers: visitor,
        payload: { text: 'Show me leather bags' },
        token: null,
      });
      expect(json.json().reply.text).toBe('We have the Leather bag for 120, and 3 are in stock.');
      // The visitor sees the reply and its sources; the trace is on the admin API only.
      expect(json.json()).not.toHaveProperty('trace');
      expect(json.json().sources).toEqual(['searchProducts']);
      const stored = (await test.call({ method: 'GET', url: `/api/v1/conversations/${started.id}` })).json();
      expect(stored.traces[0].steps).toContainEqual(
        expect.objectContaining({
          type: 'tool-call',
          tool: 'searchProducts',
          args: { q: 'leather bags' },
          outcome: 'ok',
        }),
      );
      expect(modelServer.requests[1].toolResults.join('\n')).toContain('Leather bag');
      expect(shop.requests.at(-1)).toEqual({
        line: 'GET /api/products/search?q=leather%20bags',
        apiKey: fakeShopApiKey,
      });

      const streamed = await test.call({
        method: 'POST',
        url,
        headers: { ...visitor, accept: 'text/event-stream' },
        payload: { text: 'Any leather bags left?' },
        token: null,
      });
      const events = parseEvents(streamed.body);
      expect([...new Set(events.map((event) => event.event))]).toEqual(['message-delta', 'turn-end']);
      expect((events.at(-1)!.data as { reply: { text: string } }).reply.text).toMatch(/Leather bag for 120/);
      // The business API key never reaches the model provider.
      expect(modelServer.rawBodies.join('\n')).not.toContain(fakeShopApiKey);
    } finally {
      await test.close();
      await modelServer.close();
      await shop.close();
    }
  });
});
