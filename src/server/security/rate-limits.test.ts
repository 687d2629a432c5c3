// Security regression: the public widget API is limited per address as well as per visitor (new
// conversations do not reset it), and with several servers the limits hold across them: counted in
// PostgreSQL when the servers share one, or in Redis when CONCIERGE_REDIS_URL is set.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../store/index.js';
import {
  createTestSchema,
  storeDialects,
  testPostgresUrl,
  testSecretKey,
} from '../../store/test-support/store-dialects.js';
import { createApp } from '../create-app.js';
import { createRedisCounter } from '../rate-limit.js';
import { readServerConfig } from '../server-config.js';
import { startServer } from '../start-server.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when Redis answers at `redisUrl` (the Redis cases are skipped, with a message, otherwise). */
async function redisAnswers(): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
const redisAvailable = await redisAnswers();
if (!redisAvailable)
  console.warn(
    `Redis is not reachable at ${redisUrl}: the Redis rate-limit tests are skipped (.ci/run starts it).`,
  );

/** A random documentation-range address, so counters left in Redis by an earlier run never interfere. */
function freshAddress(): string {
  return `2001:db8::${randomBytes(6).toString('hex').match(/.{4}/g)?.join(':')}`;
}

/** Widget calls from `remoteAddress`. */
function widgetClient(call: (options: Parameters<TestApp['call']>[0]) => ReturnType<TestApp['call']>) {
  return {
    start: (agentKey: string, remoteAddress: string) =>
      call({
        method: 'POST',
        url: '/api/v1/widget/conversations',
        payload: { agentKey },
        token: null,
        remoteAddress,
      }),
    send: (id: string, visitorToken: string, remoteAddress: string) =>
      call({
        method: 'POST',
        url: `/api/v1/widget/conversations/${id}/messages`,
        headers: { 'x-visitor-token': visitorToken },
        payload: { text: 'Hello' },
        token: null,
        remoteAddress,
      }),
  };
}

describe('security: widget messages are limited per address as well as per visitor', () => {
  it('refuses the address once its limit is spent across fresh conversations, with Retry-After', async () => {
    const test = await openTestApp(storeDialects[0], {
      widgetLimits: { conversationsPerIp: 100, messagesPerVisitor: 3, messagesPerIp: 5 },
    });
    try {
      const property = await test.store.properties.create({ name: 'Shop' });
      const agent = await test.store.agents.create({ propertyId: property.id, name: 'A' });
      const widget = widgetClient(test.call);
      const attacker = '203.0.113.66';
      const conversations = await Promise.all(
        Array.from({ length: 4 }, async () => (await widget.start(agent.publicKey, attacker)).json()),
      );
      const statuses: number[] = [];
      for (let round = 0; round < 2; round++)
        for (const { id, visitorToken } of conversations)
          statuses.push((await widget.send(id, visitorToken, attacker)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      const refused = await widget.send(conversations[0].id, conversations[0].visitorToken, attacker);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({
        code: 'rate-limited',
        message: expect.stringMatching(/too many requests from this address: at most 5 a minute/),
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      const neighbour = (await widget.start(agent.publicKey, '203.0.113.67')).json();
      expect((await widget.send(neighbour.id, neighbour.visitorToken, '203.0.113.67')).statusCode).toBe(200);
    } finally {
      await test.close();
    }
  });
});

describe('security: behind a proxy, limits count the address the trusted proxy forwards', () => {
  const startFrom = (test: TestApp, agentKey: string, remoteAddress: string, forwardedFor: string) =>
    test.call({
      method: 'POST',
      url: '/api/v1/widget/conversations',
      payload: { agentKey },
      headers: { 'x-forwarded-for': forwardedFor },
      token: null,
      remoteAddress,
    });

  it('counts each visitor behind a trusted proxy apart, and ignores the header from anyone else', async () => {
    const proxy = '10.0.0.5';
    const test = await openTestApp(storeDialects[0], {
      widgetLimits: { conversationsPerIp: 2 },
      trustProxy: ['10.0.0.0/8'],
    });
    try {
      const property = await test.store.properties.create({ name: 'Shop' });
      const { publicKey } = await test.store.agents.create({ propertyId: property.id, name: 'A' });
      const statuses = async (remoteAddress: string, forwardedFor: string) => {
        const codes: number[] = [];
        for (let index = 0; index < 3; index++)
          codes.push((await startFrom(test, publicKey, remoteAddress, forwardedFor)).statusCode);
        return codes;
      };
      // Two visitors through the proxy: each has the whole limit.
      expect(await statuses(proxy, '203.0.113.1')).toEqual([201, 201, 429]);
      expect(await statuses(proxy, '203.0.113.2')).toEqual([201, 201, 429]);
      // A client that is not the proxy cannot pick an address by sending the header.
      expect(await statuses('198.51.100.7', '203.0.113.3')).toEqual([201, 201, 429]);
      expect((await startFrom(test, publicKey, '198.51.100.7', '203.0.113.4')).statusCode).toBe(429);
    } finally {
      await test.close();
    }
  });

  it('without CONCIERGE_TRUST_PROXY believes no header: the connection is the address', async () => {
    const test = await openTestApp(storeDialects[0], { widgetLimits: { conversationsPerIp: 2 } });
    try {
      const property = await test.store.properties.create({ name: 'Shop' });
      const { publicKey } = await test.store.agents.create({ propertyId: property.id, name: 'A' });
      const codes: number[] = [];
      for (const visitor of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        codes.push((await startFrom(test, publicKey, '10.0.0.5', visitor)).statusCode);
      expect(codes).toEqual([201, 201, 429]);
    } finally {
      await test.close();
    }
  });
});

describe.skipIf(!testPostgresUrl)('security: rate limits hold across servers sharing PostgreSQL', () => {
  const schema = createTestSchema();
  const stores: Store[] = [];
  const apps: Awaited<ReturnType<typeof createApp>>[] = [];

  beforeAll(async () => {
    for (let index = 0; index < 2; index++) {
      const store = await createStore({
        databaseUrl: testPostgresUrl,
        postgresSchema: schema.schema,
        secretKey: testSecretKey,
      });
      stores.push(store);
      const app = await createApp({
        store,
        adminToken: 'admin',
        widgetLimits: { conversationsPerIp: 3, messagesPerVisitor: 100, messagesPerIp: 4 },
      });
      await app.ready();
      apps.push(app);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    await schema.drop();
  });

  it('counts one address on both servers together', async () => {
    const property = await stores[0].properties.create({ name: 'Shop' });
    const agent = await stores[0].agents.create({ propertyId: property.id, name: 'A' });
    const address = freshAddress();
    const [one, two] = apps.map((app) => widgetClient((options) => app.inject(options)));
    const starts = [];
    for (const client of [one, two, one, two]) starts.push(await client.start(agent.publicKey, address));
    expect(starts.map((response) => response.statusCode)).toEqual([201, 201, 201, 429]);
    const { id, visitorToken } = starts[0].json();
    const sends = [];
    for (const client of [one, two, two, one, two])
      sends.push((await client.send(id, visitorToken, address)).statusCode);
    expect(sends).toEqual([200, 200, 200, 200, 429]);
  });
});

describe.skipIf(!redisAvailable)(
  `security: rate limits hold across servers sharing Redis (${redisUrl})`,
  () => {
    const apps: TestApp[] = [];

    beforeAll(async () => {
      for (let index = 0; index < 2; index++)
        apps.push(
          await openTestApp(storeDialects[0], {
            rateLimits: await createRedisCounter(redisUrl),
            widgetLimits: { conversationsPerIp: 3, messagesPerVisitor: 100, messagesPerIp: 100 },
          }),
        );
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
    });

    it('counts one address on both servers together', async () => {
      const address = freshAddress();
      const agents = await Promise.all(
        apps.map(async (app) => {
          const property = await app.store.properties.create({ name: 'Shop' });
          return app.store.agents.create({ propertyId: property.id, name: 'A' });
        }),
      );
      const statuses = [];
      for (const index of [0, 1, 0, 1])
        statuses.push(
          (await widgetClient(apps[index].call).start(agents[index].publicKey, address)).statusCode,
        );
      expect(statuses).toEqual([201, 201, 201, 429]);
    });
  },
);

describe('security: a configured Redis that cannot be reached stops the start', () => {
  it('says so instead of starting without the shared limits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'concierge-redis-'));
    try {
      const config = readServerConfig({
        CONCIERGE_DATA_DIR: dataDir,
        CONCIERGE_REDIS_URL: 'redis://127.0.0.1:1',
        CONCIERGE_DEMO: 'off',
        PORT: '0',
        HOST: '127.0.0.1',
      });
      await expect(startServer(config)).rejects.toThrow(/CONCIERGE_REDIS_URL: cannot connect to Redis/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
