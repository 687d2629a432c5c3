import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSchema, testPostgresUrl } from '../store/test-support/store-dialects.js';
import { readServerConfig } from './server-config.js';
import { pruneOldData, type RunningServer, startServer } from './start-server.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'concierge-server-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const server = await startServer(
    readServerConfig({ PORT: '0', HOST: '127.0.0.1', CONCIERGE_LOG_LEVEL: 'silent', ...env }),
  );
  cleanups.push(() => server.close());
  return server;
}

async function request(server: RunningServer, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary JSON
  return { status: response.status, body: (await response.json()) as any };
}

describe('startServer', () => {
  it('on first start creates the data dir, a 0600 secret key and an admin token shown once', async () => {
    const dataDir = join(tempDir(), 'data');
    const first = await start({ CONCIERGE_DATA_DIR: dataDir });
    expect(first.generatedAdminToken).toMatch(/^cat_/);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    const health = await fetch(`${first.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await request(first, first.generatedAdminToken!, 'GET', '/api/v1/properties')).status).toBe(200);
    const token = first.generatedAdminToken!;
    await first.close();
    cleanups.pop();

    const second = await start({ CONCIERGE_DATA_DIR: dataDir });
    expect(second.generatedAdminToken).toBeUndefined();
    expect((await request(second, token, 'GET', '/api/v1/properties')).status).toBe(200);
  });

  it('uses CONCIERGE_ADMIN_TOKEN when set and generates nothing', async () => {
    const server = await start({
      CONCIERGE_DATA_DIR: tempDir(),
      CONCIERGE_ADMIN_TOKEN: 'my-own-admin-token-123',
    });
    expect(server.generatedAdminToken).toBeUndefined();
    expect((await request(server, 'my-own-admin-token-123', 'GET', '/api/v1/properties')).status).toBe(200);
    expect((await request(server, 'other', 'GET', '/api/v1/properties')).status).toBe(401);
  });

  it('refuses unusable configuration with the variable named', () => {
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(
      "PORT must be a whole number from 0 to 65535, got 'eighty'",
    );
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://u:pw@h/db' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://u:pw@h/db' })).not.toThrow(/pw/);
  });

  it('reads CONCIERGE_TRUST_PROXY: off by default, on, a hop count, or proxy addresses and ranges', () => {
    expect(readServerConfig({}).trustProxy).toBeUndefined();
    expect(readServerConfig({ CONCIERGE_TRUST_PROXY: 'off' }).trustProxy).toBeUndefined();
    expect(readServerConfig({ CONCIERGE_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readServerConfig({ CONCIERGE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readServerConfig({ CONCIERGE_TRUST_PROXY: '10.0.0.0/8, ::1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
    for (const bad of ['proxy.internal', '10.0.0.0/33', '10.0.0.1/8/1', 'fe80::/129']) {
      expect(() => readServerConfig({ CONCIERGE_TRUST_PROXY: bad }), bad).toThrow(
        /CONCIERGE_TRUST_PROXY must be on, a number of proxy hops, or proxy addresses and CIDR ranges/,
      );
    }
  });

  it('reads the retention periods: traces 30 days, conversations kept unless set', () => {
    expect(readServerConfig({})).toMatchObject({ logRetentionDays: 30, traceRetentionDays: 30 });
    expect(readServerConfig({}).conversationRetentionDays).toBeUndefined();
    expect(readServerConfig({ CONCIERGE_CONVERSATION_RETENTION_DAYS: 'off' }).conversationRetentionDays).toBe(
      undefined,
    );
    expect(
      readServerConfig({ CONCIERGE_CONVERSATION_RETENTION_DAYS: '365', CONCIERGE_TRACE_RETENTION_DAYS: '7' }),
    ).toMatchObject({ conversationRetentionDays: 365, traceRetentionDays: 7 });
    expect(() => readServerConfig({ CONCIERGE_CONVERSATION_RETENTION_DAYS: '0' })).toThrow(
      "CONCIERGE_CONVERSATION_RETENTION_DAYS must be a whole number from 1 to 36500, got '0'",
    );
    expect(() => readServerConfig({ CONCIERGE_TRACE_RETENTION_DAYS: 'forever' })).toThrow(
      /CONCIERGE_TRACE_RETENTION_DAYS must be a whole number/,
    );
  });

  it('prunes request logs and traces by their retention, and conversations only when configured', async () => {
    const server = await start({ CONCIERGE_DATA_DIR: tempDir(), CONCIERGE_DEMO: 'off' });
    const { store } = server;
    const property = await store.properties.create({ name: 'Shop' });
    const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
    const integration = await store.integrations.create({
      propertyId: property.id,
      name: 'API',
      baseUrl: 'https://x.test',
    });
    const conversation = await store.conversations.create({ agentId: agent.id, propertyId: property.id });
    await store.conversations.addMessage(conversation.id, { role: 'customer', text: 'Hello' });
    await store.conversations.addTrace(conversation.id, { steps: [] });
    // A hand-off webhook delivered now, and one still pending (the app is closed first: its
    // delivery worker would claim them too).
    await server.app.close();
    await store.agents.update(agent.id, { handoffWebhookUrl: 'https://hooks.x.test/handoff' });
    await store.webhookDeliveries.enqueueHandoff({ conversationId: conversation.id, reason: 'asked' });
    const [delivery] = await store.webhookDeliveries.claimDue({ worker: 'w', leaseMs: 60_000 });
    await store.webhookDeliveries.markDelivered(delivery.id, 'w');
    await store.webhookDeliveries.enqueueHandoff({ conversationId: conversation.id, reason: 'again' });
    const [pending] = await store.webhookDeliveries.claimDue({ worker: 'w', leaseMs: 60_000 });
    const later = new Date(Date.now() + 60 * 60_000).toISOString();
    await store.webhookDeliveries.markFailed(pending.id, 'w', { error: 'answered 503', retryAt: later });
    await store.requestLogs.add({
      integrationId: integration.id,
      agentId: agent.id,
      conversationId: conversation.id,
      tool: 'trackOrder',
      operationId: null,
      method: 'GET',
      url: 'https://x.test/orders/1',
      requestHeaders: {},
      requestBody: null,
      status: 200,
      durationMs: 5,
      responseExcerpt: '{}',
      outcome: 'ok',
      error: null,
      attempts: 1,
      createdAt: new Date().toISOString(),
    });
    const day = 24 * 60 * 60 * 1000;
    const retention = { logRetentionDays: 30, traceRetentionDays: 60 };
    expect(await pruneOldData(store, retention, Date.now() + 10 * day)).toEqual({
      requestLogs: 0,
      traces: 0,
      conversations: 0,
      webhookDeliveries: 0,
    });
    expect(await pruneOldData(store, retention, Date.now() + 40 * day)).toEqual({
      requestLogs: 1,
      traces: 0,
      conversations: 0,
      webhookDeliveries: 1,
    });
    expect(await pruneOldData(store, retention, Date.now() + 70 * day)).toEqual({
      requestLogs: 0,
      traces: 1,
      conversations: 0,
      webhookDeliveries: 0,
    });
    expect(await store.webhookDeliveries.listForConversation(conversation.id)).toEqual([
      expect.objectContaining({ status: 'pending', reason: 'again' }),
    ]);
    expect(await store.conversations.listMessages(conversation.id)).toHaveLength(1);
    expect(
      await pruneOldData(store, { ...retention, conversationRetentionDays: 365 }, Date.now() + 300 * day),
    ).toMatchObject({ conversations: 0 });
    expect(
      await pruneOldData(store, { ...retention, conversationRetentionDays: 365 }, Date.now() + 400 * day),
    ).toMatchObject({ conversations: 1 });
    expect(await store.conversations.get(conversation.id)).toBeUndefined();
    expect(await store.conversations.listMessages(conversation.id)).toEqual([]);
  });

  describe.skipIf(!testPostgresUrl)('two servers on one PostgreSQL', () => {
    it('see the same data, and only one of them generates the admin token', async () => {
      const { schema, drop } = createTestSchema();
      cleanups.push(drop);
      const env = {
        DATABASE_URL: testPostgresUrl,
        DATABASE_SCHEMA: schema,
        CONCIERGE_SECRET_KEY: 'shared-secret-passphrase',
      };
      const [one, two] = await Promise.all([
        start({ ...env, CONCIERGE_DATA_DIR: tempDir() }),
        start({ ...env, CONCIERGE_DATA_DIR: tempDir() }),
      ]);
      const tokens = [one.generatedAdminToken, two.generatedAdminToken].filter(Boolean);
      expect(tokens).toHaveLength(1);
      const token = tokens[0]!;

      const property = await request(one, token, 'POST', '/api/v1/properties', { name: 'Shared shop' });
      expect(property.status).toBe(201);
      const integration = await request(
        one,
        token,
        'POST',
        `/api/v1/properties/${property.body.id}/integrations`,
        {
          name: 'API',
          baseUrl: 'https://api.example.com',
          auth: { type: 'bearer', token: 'shared-bearer-token-42' },
        },
      );
      expect(integration.status).toBe(201);

      const listed = await request(two, token, 'GET', '/api/v1/properties');
      // Both started with the demo on: it was created once, by whichever claimed it first.
      expect(listed.body.items.map((item: { name: string }) => item.name)).toEqual([
        'Demo Store',
        'Shared shop',
      ]);
      const read = await request(two, token, 'GET', `/api/v1/integrations/${integration.body.id}`);
      expect(read.body).toMatchObject({ name: 'API', auth: { type: 'bearer', token: '••••••••n-42' } });
      // The second server decrypts with the shared key: its store returns the real token.
      expect((await two.store.integrations.get(integration.body.id))?.auth).toEqual({
        type: 'bearer',
        token: 'shared-bearer-token-42',
      });
    });
  });
});
