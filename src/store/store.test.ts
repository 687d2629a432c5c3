import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidCursorError } from './conversation-repository.js';
import { createStore, type Store } from './create-store.js';
import { storeDialects, testPostgresUrl } from './test-support/store-dialects.js';

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`store on ${dialect.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let location: string;

    beforeEach(async () => {
      ({ store, close, location } = await dialect.open());
    });
    afterEach(async () => {
      await close();
    });

    it('runs migrations again without harm', async () => {
      await store.properties.create({ name: 'Shop' });
      await store.migrate();
      await store.migrate();
      expect((await store.properties.list()).map((property) => property.name)).toEqual(['Shop']);
    });

    it('creates, lists, renames and deletes properties, cascading to agents and integrations', async () => {
      const first = await store.properties.create({ name: 'First' });
      const second = await store.properties.create({ name: 'Second' });
      expect((await store.properties.list()).map((property) => property.id)).toEqual([first.id, second.id]);
      expect((await store.properties.list({ ids: [second.id] })).map((property) => property.name)).toEqual([
        'Second',
      ]);
      expect((await store.properties.update(first.id, { name: 'Renamed' }))?.name).toBe('Renamed');
      const agent = await store.agents.create({ propertyId: first.id, name: 'Bot' });
      const integration = await store.integrations.create({
        propertyId: first.id,
        name: 'Shop API',
        baseUrl: 'https://x.test',
      });
      expect(await store.properties.delete(first.id)).toBe(true);
      expect(await store.properties.get(first.id)).toBeUndefined();
      expect(await store.agents.get(agent.id)).toBeUndefined();
      expect(await store.integrations.get(integration.id)).toBeUndefined();
      expect(await store.properties.delete(first.id)).toBe(false);
    });

    it('keeps agents with model settings, a unique public key and integration links', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({
        propertyId: property.id,
        name: 'Assistant',
        basePrompt: 'Be brief.',
        model: { provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-secret-model-key-1234' },
      });
      const other = await store.agents.create({ propertyId: property.id, name: 'Other' });
      expect(agent.publicKey).toMatch(/^pk_/);
      expect(agent.publicKey).not.toBe(other.publicKey);
      expect(agent.maxToolSteps).toBe(4);
      expect(other.model).toEqual({});
      const read = await store.agents.getByPublicKey(agent.publicKey);
      expect(read?.model).toEqual({
        provider: 'openai',
        model: 'gpt-4o-mini',
        apiKey: 'sk-secret-model-key-1234',
      });

      // An update without apiKey keeps the stored one; null removes it.
      const kept = await store.agents.update(agent.id, { model: { provider: 'openai', model: 'gpt-4o' } });
      expect(kept?.model.apiKey).toBe('sk-secret-model-key-1234');
      const removed = await store.agents.update(agent.id, { model: { provider: 'embedded', apiKey: null } });
      expect(removed?.model.apiKey).toBeUndefined();

      const integration = await store.integrations.create({
        propertyId: property.id,
        name: 'API',
        baseUrl: 'https://x.test',
      });
      await store.agents.setIntegration(agent.id, integration.id, true);
      const link = await store.agents.setIntegration(agent.id, integration.id, false);
      expect(link).toMatchObject({ agentId: agent.id, integrationId: integration.id, enabled: false });
      expect(await store.agents.listIntegrations(agent.id)).toHaveLength(1);
      expect(await store.agents.listIntegrations(other.id)).toEqual([]);
    });

    it('stores schema versions, keeps operation flags across re-imports and drops flags of removed operations', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const integration = await store.integrations.create({
        propertyId: property.id,
        name: 'API',
        baseUrl: 'https://x.test',
        auth: { type: 'bearer', token: 'tok-123456789' },
      });
      expect(integration.currentVersion).toBe(0);
      const base = { sourceText: 'openapi: 3.0.3', sha256: 'abc', openapiVersion: '3.0.3', lint: [] };
      const first = await store.integrations.addVersion(integration.id, {
        ...base,
        tools: [{ name: 'searchProducts' }, { name: 'trackOrder' }, { name: 'cancelOrder' }],
      });
      expect(first.version).toBe(1);
      await store.integrations.setOperationEnabled(integration.id, 'trackOrder', false);
      await store.integrations.setOperationEnabled(integration.id, 'cancelOrder', false);
      const second = await store.integrations.addVersion(integration.id, {
        ...base,
        sourceUrl: 'https://x.test/openapi.yaml',
        tools: [{ name: 'searchProducts' }, { name: 'trackOrder' }],
      });
      expect(second.version).toBe(2);
      expect([...(await store.integrations.listDisabledOperations(integration.id))]).toEqual(['trackOrder']);
      expect((await store.integrations.get(integration.id))?.currentVersion).toBe(2);
      expect(
        (await store.integrations.listVersions(integration.id)).map((version) => version.version),
      ).toEqual([2, 1]);
      expect((await store.integrations.getVersion(integration.id))?.tools).toHaveLength(2);
      expect((await store.integrations.getVersion(integration.id, 1))?.tools).toHaveLength(3);
      expect(await store.integrations.getVersion(integration.id, 9)).toBeUndefined();
      const catalog = await store.integrations.getCatalog(integration.id, 2);
      expect(catalog).toEqual({
        version: 2,
        openapiVersion: '3.0.3',
        sourceUrl: 'https://x.test/openapi.yaml',
        tools: [{ name: 'searchProducts' }, { name: 'trackOrder' }],
        lint: [],
      });
      expect(await store.integrations.getCatalog(integration.id, 3)).toBeUndefined();
    });

    it("reads an agent's switched-on integrations with each one's own operation settings", async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
      const other = await store.agents.create({ propertyId: property.id, name: 'Other' });
      const create = (name: string) =>
        store.integrations.create({ propertyId: property.id, name, baseUrl: `https://${name}.test` });
      const [orders, catalog, stock] = [
        await create('orders'),
        await create('catalog'),
        await create('stock'),
      ];
      await store.integrations.setOperationSettings(orders.id, 'cancelOrder', { needsConfirmation: false });
      await store.integrations.setOperationEnabled(catalog.id, 'searchProducts', false);
      await store.integrations.setOperationEnabled(stock.id, 'countStock', false);
      await store.agents.setIntegration(agent.id, catalog.id, true);
      await store.agents.setIntegration(agent.id, orders.id, true);
      await store.agents.setIntegration(agent.id, stock.id, false);
      await store.agents.setIntegration(other.id, stock.id, true);

      const enabled = await store.integrations.listEnabledForAgent(agent.id);
      // Linked in the same millisecond, so in either order.
      const byName = new Map(enabled.map((entry) => [entry.integration.name, entry]));
      expect([...byName.keys()].sort()).toEqual(['catalog', 'orders']);
      for (const { integration, settings } of enabled)
        expect(settings).toEqual(await store.integrations.listOperationSettings(integration.id));
      expect([...(byName.get('catalog')?.settings.keys() ?? [])]).toEqual(['searchProducts']);
      expect(byName.get('orders')?.settings.get('cancelOrder')).toMatchObject({
        enabled: true,
        needsConfirmation: false,
      });
      expect(byName.get('orders')?.integration).toEqual(await store.integrations.get(orders.id));
      expect(await store.integrations.listEnabledForAgent('none')).toEqual([]);
    });

    it('creates an integration with its first version atomically', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const version = {
        sourceText: 'x',
        sha256: 'x',
        openapiVersion: '3.1.0',
        tools: [{ name: 'a' }],
        lint: [],
      };
      const created = await store.integrations.create(
        { propertyId: property.id, name: 'API', baseUrl: 'https://x.test' },
        version,
      );
      expect(created.currentVersion).toBe(1);
      expect((await store.integrations.getVersion(created.id))?.tools).toEqual([{ name: 'a' }]);
      // A version that cannot be stored leaves no integration behind.
      const broken = { ...version, sha256: null as unknown as string };
      await expect(
        store.integrations.create(
          { propertyId: property.id, name: 'Broken', baseUrl: 'https://x.test' },
          broken,
        ),
      ).rejects.toThrow();
      expect((await store.integrations.list(property.id)).map((integration) => integration.name)).toEqual([
        'API',
      ]);
    });

    it('numbers concurrent re-imports distinctly', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const integration = await store.integrations.create({
        propertyId: property.id,
        name: 'API',
        baseUrl: 'https://x.test',
      });
      const input = { sourceText: 'x', sha256: 'x', openapiVersion: '3.1.0', tools: [], lint: [] };
      const versions = await Promise.all(
        [1, 2, 3].map(() => store.integrations.addVersion(integration.id, input)),
      );
      expect(versions.map((version) => version.version).sort()).toEqual([1, 2, 3]);
    });

    it('encrypts credentials at rest: no secret appears in plain text in the database', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const secrets = [
        'header-api-key-value-7781',
        'bearer-token-value-5521',
        'basic-password-value-9930',
        'sk-model-key-4410',
        'identity-secret-value-8812',
      ];
      await store.integrations.create({
        propertyId: property.id,
        name: 'A',
        baseUrl: 'https://a.test',
        auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: secrets[0] },
      });
      const bearer = await store.integrations.create({
        propertyId: property.id,
        name: 'B',
        baseUrl: 'https://b.test',
      });
      await store.integrations.update(bearer.id, { auth: { type: 'bearer', token: secrets[1] } });
      await store.integrations.create({
        propertyId: property.id,
        name: 'C',
        baseUrl: 'https://c.test',
        auth: { type: 'basic', username: 'shop', password: secrets[2] },
      });
      await store.agents.create({
        propertyId: property.id,
        name: 'Bot',
        model: { provider: 'openai', apiKey: secrets[3] },
      });
      const identityAgent = await store.agents.create({ propertyId: property.id, name: 'Signed in' });
      await store.agents.rotateIdentitySecret(identityAgent.id, { secret: secrets[4] });

      const dump = await dumpDatabase(dialect.name, location);
      for (const secret of secrets) expect(dump).not.toContain(secret);
      expect(dump).toContain('https://a.test');
      expect((await store.integrations.get(bearer.id))?.auth).toEqual({ type: 'bearer', token: secrets[1] });
    });

    it('refuses to read secrets with another master key', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const integration = await store.integrations.create({
        propertyId: property.id,
        name: 'A',
        baseUrl: 'https://a.test',
        auth: { type: 'bearer', token: 'secret-token' },
      });
      const other = await createStore({
        ...(dialect.name === 'sqlite'
          ? { sqlitePath: location }
          : { databaseUrl: testPostgresUrl, postgresSchema: location }),
        secretKey: Buffer.alloc(32, 9),
      });
      await expect(other.integrations.get(integration.id)).rejects.toThrow(/CONCIERGE_SECRET_KEY/);
      await other.close();
    });

    it('keeps conversations with messages, traces and pending actions, waiting-for-human first', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
      const first = await store.conversations.create({
        agentId: agent.id,
        propertyId: property.id,
        visitorId: 'v1',
      });
      const second = await store.conversations.create({
        agentId: agent.id,
        propertyId: property.id,
        metadata: { page: 'https://shop.test/bags' },
      });
      await store.conversations.addMessage(first.id, { role: 'customer', text: 'Hello' });
      const reply = await store.conversations.addMessage(first.id, {
        role: 'agent',
        text: 'Hi! How can I help?',
      });
      await store.conversations.addMessage(first.id, { role: 'customer', text: 'Where is my order?' });
      await store.conversations.addTrace(first.id, {
        messageId: reply.id,
        steps: [{ type: 'model-call', durationMs: 3 }],
      });
      await store.conversations.update(second.id, { status: 'waiting-for-human' });

      const messages = await store.conversations.listMessages(first.id);
      expect(messages.map((message) => message.text)).toEqual([
        'Hello',
        'Hi! How can I help?',
        'Where is my order?',
      ]);
      expect(
        (await store.conversations.listMessages(first.id, { after: reply.id })).map((m) => m.text),
      ).toEqual(['Where is my order?']);
      expect((await store.conversations.listTraces(first.id))[0]).toMatchObject({
        messageId: reply.id,
        steps: [{ type: 'model-call' }],
      });
      const listed = await store.conversations.list({ propertyId: property.id });
      expect(listed.items.map((conversation) => conversation.id)).toEqual([second.id, first.id]);
      expect(listed.items[0]).toMatchObject({ status: 'waiting-for-human', pendingAction: null });
      expect(listed.items[1]).toMatchObject({ visitorId: 'v1', metadata: {} });
      const page = await store.conversations.list({ propertyId: property.id, limit: 1 });
      expect(page.items.map((conversation) => conversation.id)).toEqual([second.id]);
      const rest = await store.conversations.list({
        propertyId: property.id,
        limit: 1,
        cursor: page.next as string,
      });
      expect(rest).toMatchObject({ items: [{ id: first.id }] });
      expect(rest.next).toBeUndefined();
      expect((await store.conversations.list({ propertyId: property.id, limit: 1, offset: 0 })).next).toBe(1);
      expect(
        (await store.conversations.list({ propertyId: property.id, status: 'open' })).items,
      ).toHaveLength(1);
    });

    it('pages conversations by cursor or offset through both segments, in one order, under each filter', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const other = await store.properties.create({ name: 'Other' });
      const agents = [
        await store.agents.create({ propertyId: property.id, name: 'A' }),
        await store.agents.create({ propertyId: property.id, name: 'B' }),
      ];
      await store.conversations.create({
        agentId: (await store.agents.create({ propertyId: other.id, name: 'C' })).id,
        propertyId: other.id,
      });
      const created = [];
      for (let index = 0; index < 11; index++) {
        const conversation = await store.conversations.create({
          agentId: agents[index % 2].id,
          propertyId: property.id,
        });
        created.push(conversation);
        if (index % 3 === 0)
          await store.conversations.update(conversation.id, { status: 'waiting-for-human' });
        if (index % 4 === 1) await store.conversations.update(conversation.id, { status: 'closed' });
        if (index % 5 === 2) {
          const message = await store.conversations.addMessage(conversation.id, {
            role: 'customer',
            text: 'hi',
            replyState: 'pending',
          });
          await store.conversations.setReplyState(message.id, 'failed');
        }
      }
      const everything = (await store.conversations.list({ propertyId: property.id, limit: 200 })).items;
      const rank = (conversation: { status: string }) =>
        conversation.status === 'waiting-for-human' ? 0 : 1;
      const expected = [...everything].sort(
        (a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id),
      );
      expect(everything.map((conversation) => conversation.id)).toEqual(
        expected.map((conversation) => conversation.id),
      );
      expect(new Set(everything.map((conversation) => conversation.id))).toEqual(
        new Set(created.map((c) => c.id)),
      );
      expect(everything.filter((conversation) => conversation.unanswered > 0)).toHaveLength(2);

      const filters = [
        {},
        { status: 'waiting-for-human' as const },
        { status: 'open' as const },
        { agentId: agents[1].id },
        { unanswered: true },
        { agentId: agents[1].id, status: 'closed' as const },
      ];
      for (const filter of filters) {
        const all = (await store.conversations.list({ ...filter, propertyId: property.id, limit: 200 }))
          .items;
        expect(all.length).toBeGreaterThan(0);
        for (const limit of [1, 2, 4]) {
          const byCursor = [];
          const byOffset = [];
          let cursor: string | undefined;
          let offset: number | undefined = 0;
          for (let pages = 0; pages < 20; pages++) {
            const page = await store.conversations.list({
              ...filter,
              propertyId: property.id,
              limit,
              cursor,
            });
            byCursor.push(...page.items.map((conversation) => conversation.id));
            expect(page.items.length).toBe(page.next ? limit : page.items.length);
            if (!page.next) break;
            cursor = page.next as string;
          }
          for (let pages = 0; pages < 20 && offset !== undefined; pages++) {
            const page = await store.conversations.list({
              ...filter,
              propertyId: property.id,
              limit,
              offset,
            });
            byOffset.push(...page.items.map((conversation) => conversation.id));
            offset = page.next as number | undefined;
          }
          expect(byCursor).toEqual(all.map((conversation) => conversation.id));
          expect(byOffset).toEqual(byCursor);
        }
      }
      expect((await store.conversations.list({ propertyId: property.id, offset: 100 })).items).toEqual([]);
      for (const cursor of ['', 'garbage', Buffer.from('2|x|y').toString('base64url')])
        await expect(store.conversations.list({ propertyId: property.id, cursor })).rejects.toThrow(
          InvalidCursorError,
        );
    });

    it('finds the conversations with unanswered messages, whichever way a message went unanswered', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
      const start = async () => {
        const conversation = await store.conversations.create({ agentId: agent.id, propertyId: property.id });
        const message = await store.conversations.addMessage(conversation.id, {
          role: 'customer',
          text: 'Where is my order?',
          replyState: 'pending',
          leaseMs: 60_000,
        });
        const handle = {
          conversationId: conversation.id,
          turnId: `turn-${message.id}`,
          messageId: message.id,
        };
        expect(await store.conversations.acquireTurn({ ...handle, leaseMs: 60_000 })).toBe(true);
        return handle;
      };
      const answered = await start();
      await store.conversations.commitTurn({
        ...answered,
        reply: 'Tomorrow.',
        steps: [],
        pendingAction: null,
      });
      const cancelled = await start();
      await store.conversations.commitTurn({
        ...cancelled,
        reply: null,
        steps: [],
        pendingAction: null,
        cancelled: true,
      });
      const failed = await start();
      await store.conversations.releaseTurn({ ...failed, replyState: 'failed' });
      const handedOver = await start();
      await store.conversations.releaseTurn({
        ...handedOver,
        replyState: 'handed-over',
        handover: { reply: 'A person will answer.', note: 'the model failed', steps: [] },
      });
      const forPerson = await start();
      await store.conversations.releaseTurn({ ...forPerson, replyState: 'for-person' });
      const unanswered = await store.conversations.list({ propertyId: property.id, unanswered: true });
      expect(unanswered.items.map((conversation) => [conversation.id, conversation.unanswered])).toEqual([
        [handedOver.conversationId, 1],
        [failed.conversationId, 1],
        [cancelled.conversationId, 1],
      ]);
      expect(
        (await store.conversations.list({ propertyId: property.id, unanswered: true, status: 'open' })).items,
      ).toHaveLength(2);
    });

    it('deletes old traces, and inactive conversations with their messages, in batches, sparing held ones', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
      const conversations = [];
      for (let index = 0; index < 5; index++) {
        const conversation = await store.conversations.create({ agentId: agent.id, propertyId: property.id });
        await store.conversations.addMessage(conversation.id, { role: 'customer', text: `Hello ${index}` });
        await store.conversations.addTrace(conversation.id, { steps: [{ type: 'model-call' }] });
        await store.conversations.addTrace(conversation.id, { steps: [{ type: 'reply' }] });
        conversations.push(conversation);
      }
      const past = '2000-01-01T00:00:00.000Z';
      const future = new Date(Date.now() + 60_000).toISOString();
      expect(await store.conversations.deleteTracesOlderThan(past)).toBe(0);
      expect(await store.conversations.deleteInactiveSince(past)).toBe(0);
      const [kept, ...rest] = conversations;
      expect(await store.conversations.deleteTracesOlderThan(future, 3)).toBe(10);
      expect(await store.conversations.listTraces(kept.id)).toEqual([]);
      expect(await store.conversations.listMessages(kept.id)).toHaveLength(1);

      // A conversation a turn holds stays, whatever its age.
      const waiting = await store.conversations.addMessage(rest[0].id, {
        role: 'customer',
        text: 'Still there?',
        replyState: 'pending',
        leaseMs: 60_000,
      });
      const held = { conversationId: rest[0].id, turnId: 'turn-held', messageId: waiting.id };
      expect(await store.conversations.acquireTurn({ ...held, leaseMs: 60_000 })).toBe(true);
      expect(await store.conversations.deleteInactiveSince(future, 2)).toBe(4);
      expect((await store.conversations.list({ propertyId: property.id })).items.map((c) => c.id)).toEqual([
        rest[0].id,
      ]);
      for (const gone of [kept, ...rest.slice(1)]) {
        expect(await store.conversations.get(gone.id)).toBeUndefined();
        expect(await store.conversations.listMessages(gone.id)).toEqual([]);
      }
      expect(await store.conversations.listMessages(rest[0].id)).toHaveLength(2);
    });

    it('filters and pages request logs, and deletes old ones', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const integration = await store.integrations.create({
        propertyId: property.id,
        name: 'API',
        baseUrl: 'https://x.test',
      });
      const entry = {
        integrationId: integration.id,
        agentId: null,
        conversationId: null,
        operationId: null,
        method: 'GET',
        url: 'https://x.test/orders/1',
        requestHeaders: { authorization: '[redacted]' },
        requestBody: null,
        responseExcerpt: '{}',
        error: null,
        attempts: 1,
        durationMs: 12.6,
      };
      await store.requestLogs.add({
        ...entry,
        tool: 'trackOrder',
        status: 200,
        outcome: 'ok',
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      for (let index = 0; index < 5; index++) {
        await store.requestLogs.add({
          ...entry,
          tool: 'searchProducts',
          status: 404,
          outcome: 'not-found',
          createdAt: new Date().toISOString(),
        });
      }
      const all = await store.requestLogs.list({ integrationId: integration.id, limit: 4 });
      expect(all.items).toHaveLength(4);
      const rest = await store.requestLogs.list({
        integrationId: integration.id,
        limit: 4,
        cursor: all.next,
      });
      expect(rest.items).toHaveLength(2);
      expect(rest.next).toBeUndefined();
      expect((await store.requestLogs.list({ tool: 'trackOrder' })).items[0]).toMatchObject({
        durationMs: 13,
        status: 200,
      });
      expect(
        (await store.requestLogs.list({ outcome: 'not-found', propertyId: property.id })).items,
      ).toHaveLength(5);
      expect((await store.requestLogs.list({ status: 200 })).items).toHaveLength(1);
      expect((await store.requestLogs.list({ to: '2026-02-01T00:00:00.000Z' })).items).toHaveLength(1);
      expect((await store.requestLogs.list({ propertyId: 'nope' })).items).toHaveLength(0);
      expect(await store.requestLogs.deleteOlderThan('2026-02-01T00:00:00.000Z')).toBe(1);
    });

    it('counts rate-limit hits per key in windows, concurrent hits included, and sweeps ended ones', async () => {
      const start = 1_000_000;
      const hits = await Promise.all(
        Array.from({ length: 12 }, () => store.rateLimits.hit('ip:203.0.113.7', 60_000, start)),
      );
      expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, index) => index + 1),
      );
      expect(hits[0].resetAt).toBe(start + 60_000);
      expect(await store.rateLimits.hit('ip:198.51.100.1', 60_000, start + 1)).toEqual({
        count: 1,
        resetAt: start + 60_001,
      });
      expect(await store.rateLimits.hit('ip:203.0.113.7', 60_000, start + 59_999)).toEqual({
        count: 13,
        resetAt: start + 60_000,
      });
      // The first request after the window ends starts the next one.
      expect(await store.rateLimits.hit('ip:203.0.113.7', 60_000, start + 60_000)).toEqual({
        count: 1,
        resetAt: start + 120_000,
      });
      expect(await store.rateLimits.deleteExpired(start + 60_000)).toBe(0);
      expect(await store.rateLimits.deleteExpired(start + 120_000)).toBe(2);
    });

    it('stores NUL from upstream text (an API answer quoted in a reply) as U+FFFD', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'A' });
      const conversation = await store.conversations.create({
        agentId: agent.id,
        propertyId: property.id,
        metadata: {},
      });
      await store.conversations.addMessage(conversation.id, { role: 'agent', text: 'Bag\u0000 Red' });
      const [message] = await store.conversations.listMessages(conversation.id);
      expect(message.text).toBe('Bag\uFFFD Red');
    });

    it('keeps API keys only as hashes and settings once', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const created = await store.access.createApiKey({ propertyId: property.id, name: 'CI' });
      expect(created.key).toMatch(/^ck_/);
      expect((await store.access.findApiKey(created.key))?.propertyId).toBe(property.id);
      expect(await store.access.findApiKey('ck_wrong')).toBeUndefined();
      expect(await dumpDatabase(dialect.name, location)).not.toContain(created.key);
      expect(await store.access.setSettingIfAbsent('admin', 'a')).toBe(true);
      expect(await store.access.setSettingIfAbsent('admin', 'b')).toBe(false);
      expect(await store.access.getSetting('admin')).toBe('a');
      await store.access.deleteSetting('admin');
      expect(await store.access.getSetting('admin')).toBeUndefined();
      expect(await store.access.deleteApiKey(created.id)).toBe(true);
      expect(await store.access.listApiKeys(property.id)).toEqual([]);
    });

    it('keeps identity settings, rotates the secret with an optional grace period', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
      expect(agent.identity).toEqual({ method: 'none' });
      expect(agent.identitySecret).toBeUndefined();
      const first = await store.agents.rotateIdentitySecret(agent.id, { secret: 'first-secret' });
      expect(first?.identity).toMatchObject({ method: 'secret', secretCreatedAt: expect.any(String) });
      expect(first?.identitySecret).toBe('first-secret');
      const later = new Date(Date.now() + 60_000).toISOString();
      const second = await store.agents.rotateIdentitySecret(agent.id, {
        secret: 'second-secret',
        previousValidUntil: later,
      });
      expect(second?.identitySecret).toBe('second-secret');
      expect(second?.previousIdentitySecret).toBe('first-secret');
      expect(second?.identity.previousSecretValidUntil).toBe(later);
      // Changing the settings keeps the secret and its dates.
      const updated = await store.agents.update(agent.id, {
        identity: { method: 'secret', signInUrl: 'https://shop.test/login', audience: 'shop' },
      });
      expect(updated?.identity).toMatchObject({
        method: 'secret',
        signInUrl: 'https://shop.test/login',
        audience: 'shop',
        previousSecretValidUntil: later,
      });
      expect(updated?.identitySecret).toBe('second-secret');
      const third = await store.agents.rotateIdentitySecret(agent.id, { secret: 'third-secret' });
      expect(third?.previousIdentitySecret).toBeUndefined();
      expect(third?.identity.previousSecretValidUntil).toBeUndefined();
      expect(third?.identity.signInUrl).toBe('https://shop.test/login');
    });

    it('binds a conversation to one customer only, even with two customers at once', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
      const conversation = await store.conversations.create({ agentId: agent.id, propertyId: property.id });
      expect(conversation.identity).toBeNull();
      const identity = (sub: string) => ({
        sub,
        claims: { sub },
        source: 'token' as const,
        verifiedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
      });
      const results = await Promise.all([
        store.conversations.bindIdentity(conversation.id, identity('alex')),
        store.conversations.bindIdentity(conversation.id, identity('sam')),
      ]);
      expect(results.sort()).toEqual(['bound', 'other-customer']);
      const winner = (await store.conversations.get(conversation.id))!.identity!.sub;
      const loser = winner === 'alex' ? 'sam' : 'alex';
      expect(await store.conversations.bindIdentity(conversation.id, identity(loser))).toBe('other-customer');
      expect(await store.conversations.bindIdentity(conversation.id, identity(winner))).toBe('bound');
      expect(await store.conversations.bindIdentity('missing', identity(winner))).toBe('missing');
      await store.conversations.endIdentity(conversation.id);
      const ended = (await store.conversations.get(conversation.id))!.identity!;
      expect(Date.parse(ended.expiresAt!)).toBeLessThanOrEqual(Date.now());
      // Signed out, the conversation still never acts for another customer.
      expect(await store.conversations.bindIdentity(conversation.id, identity(loser))).toBe('other-customer');
      const preview = await store.conversations.create({
        agentId: agent.id,
        propertyId: property.id,
        identity: { ...identity('jordan'), source: 'admin', expiresAt: null, email: 'j@shop.test' },
      });
      expect((await store.conversations.get(preview.id))?.identity).toMatchObject({
        sub: 'jordan',
        email: 'j@shop.test',
        source: 'admin',
        expiresAt: null,
      });
    });

    it('keeps identity bindings per operation, identity headers per integration and the identity of a log', async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const integration = await store.integrations.create({
        propertyId: property.id,
        name: 'Shop API',
        baseUrl: 'https://shop.test',
        identityHeaders: [{ name: 'X-Customer-Id', claim: 'sub' }],
      });
      expect(integration.identityHeaders).toEqual([{ name: 'X-Customer-Id', claim: 'sub' }]);
      const updated = await store.integrations.update(integration.id, { identityHeaders: [] });
      expect(updated?.identityHeaders).toEqual([]);
      const binding = { in: 'path' as const, name: 'customerId', claim: 'sub' };
      await store.integrations.setOperationSettings(integration.id, 'listMyOrders', {
        identityBindings: [binding],
      });
      await store.integrations.setOperationSettings(integration.id, 'getInvoice', { requiresIdentity: true });
      await store.integrations.setOperationSettings(integration.id, 'listMyOrders', { enabled: false });
      const settings = await store.integrations.listOperationSettings(integration.id);
      expect(settings.get('listMyOrders')).toEqual({
        enabled: false,
        needsConfirmation: null,
        identityBindings: [binding],
        requiresIdentity: null,
      });
      expect(settings.get('getInvoice')).toMatchObject({ identityBindings: [], requiresIdentity: true });
      await store.integrations.setOperationSettings(integration.id, 'listMyOrders', {
        identityBindings: [],
        requiresIdentity: null,
      });
      expect(
        (await store.integrations.listOperationSettings(integration.id)).get('listMyOrders')
          ?.identityBindings,
      ).toEqual([]);
      const log = await store.requestLogs.add({
        integrationId: integration.id,
        agentId: null,
        conversationId: null,
        tool: 'listMyOrders',
        operationId: null,
        method: 'GET',
        url: 'https://shop.test/customers/1/orders',
        requestHeaders: {},
        requestBody: null,
        status: 200,
        durationMs: 3,
        responseExcerpt: null,
        outcome: 'ok',
        error: null,
        attempts: 1,
        identity: { subject: '1', values: [{ in: 'path', name: 'customerId', claim: 'sub' }] },
        createdAt: new Date().toISOString(),
      });
      expect((await store.requestLogs.get(log.id))?.identity).toEqual({
        subject: '1',
        values: [{ in: 'path', name: 'customerId', claim: 'sub' }],
      });
    });
  });
}

/** Everything in the database as text: the SQLite file (and WAL), or every row of the schema. */
async function dumpDatabase(dialect: 'sqlite' | 'postgres', location: string): Promise<string> {
  if (dialect === 'sqlite') {
    let text = readFileSync(location).toString('latin1');
    try {
      text += readFileSync(`${location}-wal`).toString('latin1');
    } catch {
      // No WAL file yet: everything is in the main file.
    }
    return text;
  }
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  const tables = await client.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
    [location],
  );
  let text = '';
  for (const { table_name: table } of tables.rows) {
    const rows = await client.query(`SELECT * FROM ${location}."${table}"`);
    text += JSON.stringify(rows.rows);
  }
  await client.end();
  return text;
}
