import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSchema, testPostgresUrl } from '../store/test-support/store-dialects.js';
import { readServerConfig } from './server-config.js';
import { type RunningServer, startServer } from './start-server.js';

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
