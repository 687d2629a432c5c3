// Security regression: the server's own model provider keys (OPENAI_API_KEY, ANTHROPIC_API_KEY) never
// go where an agent points, and model calls pass the same network guard as API calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../agent/test-support/start-fake-model-server.js';
import { sendJson, startTestServer, type TestServer } from '../../executor/test-support/start-test-server.js';
import { mayUseServerKey } from '../../providers/index.js';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import { openTestApp, startWidgetConversation, type TestApp } from '../test-support/test-app.js';
import { createPropertyWithKey } from './security-support.js';

const serverKeys = { openai: 'sk-server-openai-key-9b2c77', anthropic: 'sk-ant-server-key-41d0aa' };

/** Starts a widget conversation with `publicKey` and sends one message; returns the conversation id. */
async function sendWidgetMessage(test: TestApp, publicKey: string, text: string): Promise<string> {
  const started = await startWidgetConversation(test, publicKey);
  const response = await test.call({
    method: 'POST',
    url: `/api/v1/widget/conversations/${started.id}/messages`,
    headers: { 'x-visitor-token': started.visitorToken },
    payload: { text },
    token: null,
  });
  expect(response.statusCode).toBe(200);
  return started.id;
}

describe('security: the server provider keys stay with the provider', () => {
  let capture: TestServer;
  let test: TestApp;
  let propertyId: string;
  let key: string;

  beforeAll(async () => {
    // Stands for an address an attacker controls; reachable (allowed), to show the keys are still kept.
    capture = await startTestServer((_request, response) =>
      sendJson(response, 401, { error: { message: 'invalid key', type: 'invalid_request_error' } }),
    );
    test = await openTestApp(storeDialects[0], { allowHosts: ['127.0.0.1'], providerKeys: serverKeys });
    ({ propertyId, key } = await createPropertyWithKey(test));
  });
  afterAll(async () => {
    await test.close();
    await capture.close();
  });

  const sentKeys = () =>
    capture.requests.map(
      (request) => `${request.headers.authorization ?? ''} ${request.headers['x-api-key'] ?? ''}`,
    );

  it('refuses an agent with its own base URL and no key of its own (400)', async () => {
    for (const provider of ['openai', 'anthropic']) {
      const created = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${propertyId}/agents`,
        payload: { name: 'Leaky', model: { provider, baseUrl: `${capture.url}/v1` } },
        token: key,
      });
      expect(created.statusCode).toBe(400);
      expect(created.json().error.message).toMatch(/apiKey is required with a baseUrl of the agent's own/);
    }
    const agent = (
      await test.call({
        method: 'POST',
        url: `/api/v1/properties/${propertyId}/agents`,
        payload: { name: 'Plain', model: { provider: 'openai' } },
        token: key,
      })
    ).json();
    const changed = await test.call({
      method: 'PATCH',
      url: `/api/v1/agents/${agent.id}`,
      payload: { model: { provider: 'openai', baseUrl: `${capture.url}/v1` } },
      token: key,
    });
    expect(changed.statusCode).toBe(400);
  });

  it('never sends a server key to an agent-chosen base URL, even for an agent stored before the check', async () => {
    for (const provider of ['openai', 'anthropic'] as const) {
      const agent = await test.store.agents.create({
        propertyId,
        name: `Old ${provider} agent`,
        model: { provider, baseUrl: `${capture.url}/v1`, model: 'any' },
      });
      const conversationId = await sendWidgetMessage(test, agent.publicKey, 'Hello');
      const traces = await test.store.conversations.listTraces(conversationId);
      expect(JSON.stringify(traces)).toMatch(/needs its own apiKey/);
    }
    expect(capture.requests).toEqual([]);
  });

  it("sends an agent's own key to its own base URL, and only that key", async () => {
    for (const provider of ['openai', 'anthropic'] as const) {
      const agent = (
        await test.call({
          method: 'POST',
          url: `/api/v1/properties/${propertyId}/agents`,
          payload: {
            name: `Own ${provider}`,
            model: { provider, baseUrl: `${capture.url}/v1`, apiKey: `own-${provider}-key-123` },
          },
          token: key,
        })
      ).json();
      await sendWidgetMessage(test, agent.publicKey, 'Hello');
    }
    expect(sentKeys().length).toBeGreaterThanOrEqual(2);
    expect(sentKeys().join('\n')).toMatch(/own-openai-key-123/);
    expect(sentKeys().join('\n')).toMatch(/own-anthropic-key-123/);
    for (const secret of Object.values(serverKeys)) {
      expect(JSON.stringify(capture.requests)).not.toContain(secret);
    }
  });
});

describe('security: model calls go through the network guard', () => {
  it('does not call a model at a loopback base URL the operator did not allow', async () => {
    const capture = await startTestServer((_request, response) => sendJson(response, 500, {}));
    const test = await openTestApp(storeDialects[0]);
    try {
      const { propertyId, key } = await createPropertyWithKey(test);
      const agent = (
        await test.call({
          method: 'POST',
          url: `/api/v1/properties/${propertyId}/agents`,
          payload: {
            name: 'Local',
            model: {
              provider: 'openai-compatible',
              baseUrl: `${capture.url}/v1`,
              model: 'llama',
              apiKey: 'own-key',
            },
          },
          token: key,
        })
      ).json();
      const conversationId = await sendWidgetMessage(test, agent.publicKey, 'Hello');
      expect(capture.requests).toEqual([]);
      const traces = await test.store.conversations.listTraces(conversationId);
      expect(JSON.stringify(traces)).toMatch(
        /Refused to connect to 127\.0\.0\.1: 127\.0\.0\.1 is a loopback/,
      );
    } finally {
      await test.close();
      await capture.close();
    }
  });

  it("reaches the operator's own model base URL (CONCIERGE_MODEL_BASE_URL) with the operator's key", async () => {
    const model = await startFakeModelServer('openai-compatible', () => ({
      text: 'Hello from the local model.',
    }));
    const test = await openTestApp(storeDialects[0], {
      defaultModel: {
        provider: 'openai-compatible',
        baseUrl: model.baseUrl,
        model: 'llama',
        apiKey: 'operator-key',
      },
    });
    try {
      const property = await test.store.properties.create({ name: 'Shop' });
      const agent = await test.store.agents.create({ propertyId: property.id, name: 'Default model' });
      const started = await startWidgetConversation(test, agent.publicKey);
      const answer = await test.call({
        method: 'POST',
        url: `/api/v1/widget/conversations/${started.id}/messages`,
        headers: { 'x-visitor-token': started.visitorToken },
        payload: { text: 'Hello' },
        token: null,
      });
      expect(answer.json().reply.text).toBe('Hello from the local model.');

      // Only that base URL: an agent pointing elsewhere on the operator's host is still guarded.
      const seen = model.requests.length;
      const elsewhere = await test.store.agents.create({
        propertyId: property.id,
        name: 'Elsewhere on the same host',
        model: {
          provider: 'openai-compatible',
          baseUrl: `${new URL(model.baseUrl).origin}/admin/delete#`,
          model: 'llama',
          apiKey: 'own-key',
        },
      });
      const other = await startWidgetConversation(test, elsewhere.publicKey);
      await test.call({
        method: 'POST',
        url: `/api/v1/widget/conversations/${other.id}/messages`,
        headers: { 'x-visitor-token': other.visitorToken },
        payload: { text: 'Hello' },
        token: null,
      });
      expect(model.requests.length).toBe(seen);
    } finally {
      await test.close();
      await model.close();
    }
  });
});

describe('security: where a server key may be sent', () => {
  it("is the provider's own endpoint or the operator's base URL, never another", () => {
    expect(mayUseServerKey('openai', undefined)).toBe(true);
    expect(mayUseServerKey('openai', 'https://api.openai.com/v1/')).toBe(true);
    expect(mayUseServerKey('openai', 'https://api.openai.com/v1#x')).toBe(false);
    expect(mayUseServerKey('anthropic', 'https://API.anthropic.com:443/v1')).toBe(true);
    expect(mayUseServerKey('openai', 'https://api.openai.com.attacker.example/v1')).toBe(false);
    expect(mayUseServerKey('openai', 'https://api.anthropic.com/v1')).toBe(false);
    expect(mayUseServerKey('openai', 'http://127.0.0.1:8080/v1')).toBe(false);
    expect(mayUseServerKey('openai', 'https://proxy.example/v1', ['https://proxy.example/v1'])).toBe(true);
    expect(mayUseServerKey('openai', 'https://proxy.example/v2', ['https://proxy.example/v1'])).toBe(false);
  });
});
