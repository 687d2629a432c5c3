import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  type KyselyPlugin,
  Migrator,
  type OperationNode,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TurnLostError } from './conversation-repository.js';
import { createStore, MIGRATION_LOCK_ID, type Store } from './create-store.js';
import { migrationProvider } from './migrations.js';
import {
  createTestSchema,
  storeDialects,
  testPostgresUrl,
  testSecretKey,
} from './test-support/store-dialects.js';

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`the turn protocol on ${dialect.name}`, () => {
    let store: Store;
    let other: Store;
    let close: () => Promise<void>;
    let conversationId: string;

    beforeEach(async () => {
      let location: string;
      ({ store, close, location } = await dialect.open());
      // A second server on the same database.
      other = await dialect.openShared(location);
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
      conversationId = (await store.conversations.create({ agentId: agent.id, propertyId: property.id })).id;
    });
    afterEach(async () => {
      await other.close();
      await close();
    });

    const customer = (text: string, leaseMs = 30_000) =>
      store.conversations.addMessage(conversationId, {
        role: 'customer',
        text,
        replyState: 'pending',
        leaseMs,
      });
    const handle = (messageId: string) => ({ conversationId, messageId, turnId: randomUUID() });

    it("reads a turn's history window newest first: earlier replies, people's messages, no notes, no message queued after it", async () => {
      const first = await customer('Where is order 1?');
      await store.conversations.addMessage(conversationId, { role: 'agent', text: 'It shipped.' });
      await store.conversations.addMessage(conversationId, { role: 'system', text: 'Note for the team' });
      const asked = await customer('And order 2?');
      // Queued behind it, and the reply to the previous message that came after it.
      const queued = await customer('And order 3?');
      await store.conversations.addMessage(conversationId, { role: 'human', text: 'Sam here.' });
      const window = await store.conversations.listHistory(conversationId, {
        messageId: asked.id,
        limit: 10,
      });
      expect(window.map((message) => message.text)).toEqual([
        'Sam here.',
        'It shipped.',
        'Where is order 1?',
      ]);
      expect(window.map((message) => message.id)).not.toContain(queued.id);
      // Paged: at most `limit`, then older than the last one read.
      const page = await store.conversations.listHistory(conversationId, { messageId: asked.id, limit: 2 });
      expect(page.map((message) => message.text)).toEqual(['Sam here.', 'It shipped.']);
      const older = await store.conversations.listHistory(conversationId, {
        messageId: asked.id,
        limit: 2,
        before: page[1].id,
      });
      expect(older.map((message) => message.id)).toEqual([first.id]);
    });

    it('lets one turn at a time hold a conversation, across servers, until it commits or its lease ends', async () => {
      const message = await customer('hi');
      const attempts = Array.from({ length: 10 }, (_, index) => ({
        ...handle(message.id),
        store: index % 2 ? other : store,
      }));
      const won = await Promise.all(
        attempts.map(({ store: server, ...turn }) =>
          server.conversations.acquireTurn({ ...turn, leaseMs: 30_000 }),
        ),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = attempts[won.indexOf(true)];
      const loser = attempts[won.indexOf(false)];
      expect(await store.conversations.readTurn(winner)).toBe('open');
      expect(await store.conversations.readTurn(loser)).toBe('lost');
      await expect(
        store.conversations.commitTurn({ ...loser, reply: 'no', steps: [], pendingAction: null }),
      ).rejects.toBeInstanceOf(TurnLostError);

      const committed = await other.conversations.commitTurn({
        ...winner,
        reply: 'Hello!',
        steps: [{ type: 'model-call' }],
        pendingAction: { id: 'action-1', tool: 'cancelOrder' } as { id: string },
      });
      expect(committed.outcome).toBe('answered');
      expect(committed.conversation.pendingAction).toEqual({ id: 'action-1', tool: 'cancelOrder' });
      const messages = await store.conversations.listMessages(conversationId);
      expect(messages.map((entry) => [entry.role, entry.text, entry.replyState, entry.replyTo])).toEqual([
        ['customer', 'hi', 'answered', null],
        ['agent', 'Hello!', null, message.id],
      ]);
      expect(await store.conversations.listTraces(conversationId)).toEqual([
        expect.objectContaining({
          messageId: messages[1].id,
          customerMessageId: message.id,
          outcome: 'answered',
        }),
      ]);

      // A crashed turn's conversation is free again once its lease has ended.
      const next = await customer('are you there?');
      const crashed = handle(next.id);
      expect(await store.conversations.acquireTurn({ ...crashed, leaseMs: -1 })).toBe(true);
      expect(await other.conversations.acquireTurn({ ...handle(next.id), leaseMs: 30_000 })).toBe(true);
      expect(await store.conversations.renewTurn({ ...crashed, leaseMs: 30_000 })).toBe(false);
    });

    it('answers messages in order: a younger message waits while an older one is waited for', async () => {
      const older = await customer('first');
      const younger = await customer('second');
      expect(await store.conversations.acquireTurn({ ...handle(younger.id), leaseMs: 30_000 })).toBe(false);
      const first = handle(older.id);
      expect(await store.conversations.acquireTurn({ ...first, leaseMs: 30_000 })).toBe(true);
      await store.conversations.commitTurn({ ...first, reply: 'one', steps: [], pendingAction: null });
      // Taking the turn returns the conversation as taken: the turn's id on it, the last commit's state.
      const second = handle(younger.id);
      const taken = await store.conversations.takeTurn({ ...second, leaseMs: 30_000 });
      expect(taken).toEqual({ ...(await store.conversations.get(second.conversationId)), status: 'open' });
      expect(await store.conversations.takeTurn({ ...handle(younger.id), leaseMs: 30_000 })).toBeUndefined();
      await store.conversations.commitTurn({ ...second, reply: 'two', steps: [], pendingAction: null });

      // An older message nobody waits for any more (its request died) blocks no one...
      const orphan = await customer('lost', -1);
      const next = await customer('next');
      const third = handle(next.id);
      expect(await store.conversations.acquireTurn({ ...third, leaseMs: 30_000 })).toBe(true);
      // ...and is found for recovery once the conversation is free.
      expect(await store.conversations.listOrphanedMessages()).toEqual([]);
      await store.conversations.commitTurn({ ...third, reply: 'three', steps: [], pendingAction: null });
      expect((await store.conversations.listOrphanedMessages()).map((message) => message.id)).toEqual([
        orphan.id,
      ]);
    });

    it('stores a message and takes its turn at once when the conversation is free; else the message waits its turn', async () => {
      const first = { conversationId, turnId: randomUUID() };
      const added = await store.conversations.addMessageAndTakeTurn({
        ...first,
        text: 'hi',
        leaseMs: 30_000,
      });
      expect(added.message).toMatchObject({ role: 'customer', text: 'hi', replyState: 'pending' });
      expect(added.conversation).toEqual(await store.conversations.get(conversationId));
      expect(added.conversation?.updatedAt).toBe(added.message.createdAt);
      expect(await store.conversations.readTurn({ ...first, messageId: added.message.id })).toBe('open');

      // Another server's message while the turn runs: stored, waiting, the conversation touched.
      const second = { conversationId, turnId: randomUUID() };
      const waiting = await other.conversations.addMessageAndTakeTurn({
        ...second,
        text: 'hello?',
        leaseMs: 30_000,
      });
      expect(waiting.conversation).toBeUndefined();
      expect(waiting.message.replyState).toBe('pending');
      expect((await store.conversations.get(conversationId))?.updatedAt).toBe(waiting.message.createdAt);
      const secondTurn = { ...second, messageId: waiting.message.id };
      expect(await store.conversations.readTurn(secondTurn)).toBe('lost');

      await store.conversations.commitTurn({
        ...first,
        messageId: added.message.id,
        reply: 'Hello!',
        steps: [],
        pendingAction: null,
      });
      expect(await other.conversations.takeTurn({ ...secondTurn, leaseMs: 30_000 })).toBeDefined();
      const committed = await other.conversations.commitTurn({
        ...secondTurn,
        reply: 'Yes?',
        steps: [],
        pendingAction: null,
      });
      expect(committed.outcome).toBe('answered');
      expect(
        (await store.conversations.listMessages(conversationId)).map((message) => [
          message.text,
          message.replyState,
        ]),
      ).toEqual([
        ['hi', 'answered'],
        ['hello?', 'answered'],
        ['Hello!', null],
        ['Yes?', null],
      ]);
    });

    it("dates a conversation by its customer's message through an answered turn; a hand-off dates it by the reply", async () => {
      const turn = { conversationId, turnId: randomUUID() };
      const asked = await store.conversations.addMessageAndTakeTurn({ ...turn, text: 'hi', leaseMs: 30_000 });
      const answered = await store.conversations.commitTurn({
        ...turn,
        messageId: asked.message.id,
        reply: 'Hello! Shall I cancel order 12?',
        steps: [],
        pendingAction: { id: 'cancel-12' },
      });
      // The lists order conversations by this time: the turn wrote it once, with the message.
      expect(answered.conversation).toEqual(await store.conversations.get(conversationId));
      expect(answered.conversation).toMatchObject({
        status: 'open',
        updatedAt: asked.message.createdAt,
        pendingAction: { id: 'cancel-12' },
      });
      expect((await store.conversations.list({ status: 'open' })).items.map((item) => item.id)).toEqual([
        conversationId,
      ]);

      const next = { conversationId, turnId: randomUUID() };
      const again = await store.conversations.addMessageAndTakeTurn({
        ...next,
        text: 'a person, please',
        leaseMs: 30_000,
      });
      expect((await store.conversations.get(conversationId))?.updatedAt).toBe(again.message.createdAt);
      const handed = await store.conversations.commitTurn({
        ...next,
        messageId: again.message.id,
        reply: 'Connecting you with the team.',
        steps: [],
        pendingAction: null,
        handoff: true,
      });
      expect(handed.conversation).toEqual(await store.conversations.get(conversationId));
      expect(handed.conversation).toMatchObject({
        status: 'waiting-for-human',
        updatedAt: handed.reply?.createdAt,
        pendingAction: null,
      });
      expect(
        (await store.conversations.list({ status: 'waiting-for-human' })).items.map((item) => item.id),
      ).toEqual([conversationId]);
    });

    it("compiles a turn's statements once: a second conversation's turns compile none", async () => {
      // A plugin sees each query's operation tree at each run: a prepared query's is the one compiled
      // at its first run, any other query's is built anew.
      const seen = new Set<OperationNode>();
      let fresh: string[] = [];
      const recorder: KyselyPlugin = {
        transformQuery({ node }) {
          if (!seen.has(node)) fresh.push(node.kind);
          seen.add(node);
          return node;
        },
        transformResult: async ({ result }) => result,
      };
      const { store: recorded, close: closeRecorded } = await dialect.open({ plugins: [recorder] });
      try {
        const property = await recorded.properties.create({ name: 'Shop' });
        const agent = await recorded.agents.create({
          propertyId: property.id,
          name: 'Bot',
          handoffWebhookUrl: 'https://hooks.example/handoff',
        });
        const conversations = [
          await recorded.conversations.create({ agentId: agent.id, propertyId: property.id }),
          await recorded.conversations.create({ agentId: agent.id, propertyId: property.id }),
        ];
        /** What the server's turns read and write: one proposing an action, one running it and handing over. */
        const turns = async (conversation: string) => {
          fresh = [];
          for (const [text, commit] of [
            ['cancel my order', { pendingAction: { id: `action-${conversation}` } }],
            [
              'yes',
              { pendingAction: null, handoff: true, handoffReason: 'The customer asked for a person.' },
            ],
          ] as const) {
            await recorded.agents.get(agent.id);
            await recorded.conversations.get(conversation);
            const turnId = randomUUID();
            const added = await recorded.conversations.addMessageAndTakeTurn({
              conversationId: conversation,
              turnId,
              text,
              leaseMs: 30_000,
            });
            expect(added.conversation).toBeDefined();
            const message = added.message;
            const turn = { conversationId: conversation, messageId: message.id, turnId };
            await recorded.conversations.renewTurn({ ...turn, leaseMs: 30_000 });
            await recorded.conversations.renewMessageLease(message.id, 30_000);
            await recorded.integrations.listEnabledForAgent(agent.id);
            await recorded.knowledge.listAgentSources(agent.id);
            await recorded.conversations.listHistory(conversation, { messageId: message.id, limit: 40 });
            if (text === 'yes')
              expect(
                await recorded.conversations.claimPendingAction({
                  ...turn,
                  actionId: `action-${conversation}`,
                }),
              ).toBe(true);
            expect(await recorded.conversations.readTurn(turn)).toBe('open');
            const committed = await recorded.conversations.commitTurn({
              ...turn,
              reply: 'Done.',
              steps: [],
              ...commit,
            });
            expect(committed.outcome).toBe('answered');
          }
          return fresh;
        };
        expect(await turns(conversations[0].id)).not.toEqual([]);
        expect(await turns(conversations[1].id)).toEqual([]);
        // The hand-off's webhook was queued by its prepared statement, once per conversation.
        const due = await recorded.webhookDeliveries.claimDue({ worker: 'test', leaseMs: 30_000 });
        expect(due.map((delivery) => [delivery.conversationId, delivery.event]).sort()).toEqual(
          conversations.map((conversation) => [conversation.id, 'conversation.handoff']).sort(),
        );
      } finally {
        await closeRecorded();
      }
    });

    it('lets one of many turns claim a pending action, once', async () => {
      const message = await customer('cancel my order');
      const turn = handle(message.id);
      await store.conversations.acquireTurn({ ...turn, leaseMs: 30_000 });
      await store.conversations.commitTurn({
        ...turn,
        reply: 'Shall I?',
        steps: [],
        pendingAction: { id: 'action-2' },
      });
      const yes = await customer('yes');
      const holder = handle(yes.id);
      await store.conversations.acquireTurn({ ...holder, leaseMs: 30_000 });
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          (index % 2 ? other : store).conversations.claimPendingAction({ ...holder, actionId: 'action-2' }),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect((await store.conversations.get(conversationId))?.pendingActionClaimedAt).toEqual(
        expect.any(String),
      );
      // A failed turn leaves the claim: the action can never run a second time.
      await store.conversations.releaseTurn({ ...holder, replyState: 'failed' });
      const retry = handle((await customer('yes')).id);
      await store.conversations.acquireTurn({ ...retry, leaseMs: 30_000 });
      expect(await store.conversations.claimPendingAction({ ...retry, actionId: 'action-2' })).toBe(false);
      expect((await store.conversations.get(conversationId))?.pendingActionClaimedAt).not.toBeNull();
    });

    it('drops the reply of a turn a person answered meanwhile, before the status changed', async () => {
      const message = await customer('where is my order?');
      const turn = handle(message.id);
      await store.conversations.acquireTurn({ ...turn, leaseMs: 30_000 });
      await other.conversations.addMessage(conversationId, { role: 'human', text: 'Sam here.' });
      const committed = await store.conversations.commitTurn({
        ...turn,
        reply: 'It has shipped.',
        steps: [],
        pendingAction: { id: 'late' },
      });
      expect(committed.outcome).toBe('dropped');
      expect(committed.conversation).toMatchObject({ status: 'open', pendingAction: null });
      const messages = await store.conversations.listMessages(conversationId);
      expect(messages.map((entry) => [entry.role, entry.replyState])).toEqual([
        ['customer', 'for-person'],
        ['human', null],
      ]);
      expect(await store.conversations.readTurn(handle(message.id))).toBe('lost');
      expect(await store.conversations.takeTurn({ ...handle(message.id), leaseMs: 30_000 })).toBeDefined();
    });

    it('drops the reply of a turn a person took over, keeping it in the trace and the status theirs', async () => {
      const message = await customer('where is my order?');
      const turn = handle(message.id);
      await store.conversations.acquireTurn({ ...turn, leaseMs: 30_000 });
      await other.conversations.addMessage(conversationId, { role: 'human', text: 'Sam here, let me look.' });
      await other.conversations.update(conversationId, { status: 'waiting-for-human', pendingAction: null });
      expect(await store.conversations.readTurn(turn)).toBe('taken-over');
      const committed = await store.conversations.commitTurn({
        ...turn,
        reply: 'It has shipped.',
        steps: [{ type: 'tool-call' }],
        pendingAction: { id: 'late' },
      });
      expect(committed.outcome).toBe('dropped');
      expect(committed.reply).toBeNull();
      expect(committed.conversation).toMatchObject({ status: 'waiting-for-human', pendingAction: null });
      const messages = await store.conversations.listMessages(conversationId);
      expect(messages.map((entry) => entry.role)).toEqual(['customer', 'human']);
      expect(messages[0].replyState).toBe('for-person');
      expect(await store.conversations.listTraces(conversationId)).toEqual([
        expect.objectContaining({ outcome: 'dropped', droppedReply: 'It has shipped.', messageId: null }),
      ]);
    });

    it('finds messages a crash left unanswered, and hands one over with a note', async () => {
      const crashed = await customer('hello?', -1);
      const turn = handle(crashed.id);
      expect(await store.conversations.acquireTurn({ ...turn, leaseMs: -1 })).toBe(true);
      await customer('still waiting', 30_000);
      expect((await other.conversations.listOrphanedMessages()).map((message) => message.text)).toEqual([
        'hello?',
      ]);
      const recovery = handle(crashed.id);
      expect(await other.conversations.acquireTurn({ ...recovery, leaseMs: 30_000 })).toBe(true);
      await other.conversations.releaseTurn({
        ...recovery,
        replyState: 'handed-over',
        handover: { reply: 'A person will reply.', note: 'Left unanswered by a restart.', steps: [] },
      });
      expect(await store.conversations.listOrphanedMessages()).toEqual([]);
      const messages = await store.conversations.listMessages(conversationId);
      expect(messages.map((entry) => [entry.role, entry.text, entry.replyState])).toEqual([
        ['customer', 'hello?', 'handed-over'],
        ['customer', 'still waiting', 'pending'],
        ['agent', 'A person will reply.', null],
        ['system', 'Left unanswered by a restart.', null],
      ]);
      expect((await store.conversations.get(conversationId))?.status).toBe('waiting-for-human');
      // The business finds it among the conversations with unanswered messages.
      const listed = await other.conversations.list({ unanswered: true });
      expect(listed.items.map((conversation) => [conversation.id, conversation.unanswered])).toEqual([
        [conversationId, 1],
      ]);
    });

    it('keeps the confirmation setting beside the enable switch, across re-imports', async () => {
      const property = await store.properties.create({ name: 'P' });
      const integration = await store.integrations.create({
        propertyId: property.id,
        name: 'API',
        baseUrl: 'https://x.test',
      });
      const base = { sourceText: 'openapi: 3.0.3', sha256: 'abc', openapiVersion: '3.0.3', lint: [] };
      await store.integrations.addVersion(integration.id, {
        ...base,
        tools: [{ name: 'exec' }, { name: 'searchOrders' }, { name: 'gone' }],
      });
      await store.integrations.setOperationSettings(integration.id, 'exec', { needsConfirmation: true });
      await store.integrations.setOperationSettings(integration.id, 'searchOrders', {
        needsConfirmation: false,
      });
      await store.integrations.setOperationSettings(integration.id, 'searchOrders', { enabled: false });
      await store.integrations.setOperationSettings(integration.id, 'gone', { needsConfirmation: true });
      await store.integrations.addVersion(integration.id, {
        ...base,
        tools: [{ name: 'exec' }, { name: 'searchOrders' }],
      });
      const settings = await other.integrations.listOperationSettings(integration.id);
      expect(Object.fromEntries(settings)).toEqual({
        exec: { enabled: true, needsConfirmation: true, identityBindings: [], requiresIdentity: null },
        searchOrders: {
          enabled: false,
          needsConfirmation: false,
          identityBindings: [],
          requiresIdentity: null,
        },
      });
      await store.integrations.setOperationSettings(integration.id, 'exec', { needsConfirmation: null });
      expect((await store.integrations.listOperationSettings(integration.id)).get('exec')).toMatchObject({
        enabled: true,
        needsConfirmation: null,
      });
    });
  });
}

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(
    `migrating a database from before turn state on ${dialect.name}`,
    () => {
      /** Opens the database at the first migration, writes `seed`, then opens the store (which migrates). */
      async function migrateWith(
        seed: (db: Kysely<unknown>) => Promise<void>,
        from = '0001-initial',
      ): Promise<{
        store: Store;
        close: () => Promise<void>;
      }> {
        if (dialect.name === 'postgres') {
          const { schema, drop } = createTestSchema();
          const pool = new pg.Pool({
            connectionString: testPostgresUrl,
            options: `-c search_path=${schema}`,
          });
          const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
          // Under the store's migration lock, as the store migrates: the migrator looks at every
          // schema's tables, and another test dropping its schema meanwhile failed this migration
          // (which Kysely reports in its result, not by throwing).
          await db.connection().execute(async (connection) => {
            await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(connection);
            try {
              await connection.schema.createSchema(schema).execute();
              const migrated = await new Migrator({
                db: connection,
                provider: migrationProvider,
                migrationTableSchema: schema,
              }).migrateTo(from);
              if (migrated.error) throw migrated.error;
            } finally {
              await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(connection);
            }
          });
          await seed(db);
          await db.destroy();
          const store = await createStore({
            databaseUrl: testPostgresUrl,
            postgresSchema: schema,
            secretKey: testSecretKey,
          });
          return {
            store,
            async close() {
              await store.close();
              await drop();
            },
          };
        }
        const dataDir = mkdtempSync(join(tmpdir(), 'concierge-migrate-'));
        const db = new Kysely<unknown>({
          dialect: new SqliteDialect({ database: new SqliteDatabase(join(dataDir, 'concierge.db')) }),
        });
        const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo(from);
        if (migrated.error) throw migrated.error;
        await seed(db);
        await db.destroy();
        const store = await createStore({ dataDir, secretKey: testSecretKey });
        return {
          store,
          async close() {
            await store.close();
            rmSync(dataDir, { recursive: true });
          },
        };
      }

      it('marks the trailing unanswered messages of open conversations pending, and drops id-less proposals', async () => {
        const time = '2025-03-10T12:00:00.000Z';
        const { store, close } = await migrateWith(async (db) => {
          await sql`INSERT INTO properties VALUES ('p', 'Shop', ${time}, ${time})`.execute(db);
          await sql`INSERT INTO agents VALUES ('a', 'p', 'Bot', '', '{}', NULL, 'pk_1', 4, NULL, ${time}, ${time})`.execute(
            db,
          );
          for (const [id, status] of [
            ['c1', 'open'],
            ['c2', 'waiting-for-human'],
          ])
            await sql`INSERT INTO conversations VALUES (${id}, 'a', 'p', ${status}, NULL, '{}', '{"tool":"x"}', ${time}, ${time})`.execute(
              db,
            );
          const messages = [
            ['m1', 'c1', 'customer', 'hi'],
            ['m2', 'c1', 'agent', 'hello'],
            ['m3', 'c1', 'customer', 'where is 55512?'],
            ['m4', 'c2', 'customer', 'a person please'],
          ];
          for (const [id, conversation, role, text] of messages)
            await sql`INSERT INTO messages VALUES (${id}, ${conversation}, ${role}, ${text}, ${time})`.execute(
              db,
            );
        });
        try {
          const states = [
            ...(await store.conversations.listMessages('c1')),
            ...(await store.conversations.listMessages('c2')),
          ].map((message) => [message.id, message.replyState]);
          expect(states).toEqual([
            ['m1', 'answered'],
            ['m2', null],
            ['m3', 'pending'],
            ['m4', 'answered'],
          ]);
          expect((await store.conversations.get('c1'))?.pendingAction).toBeNull();
          expect((await store.conversations.listOrphanedMessages()).map((message) => message.id)).toEqual([
            'm3',
          ]);
        } finally {
          await close();
        }
      });

      it('gives existing request logs their property and marks conversations with unanswered messages', async () => {
        const time = '2025-03-10T12:00:00.000Z';
        const { store, close } = await migrateWith(async (db) => {
          for (const property of ['p', 'q'])
            await sql`INSERT INTO properties (id, name, created_at, updated_at)
              VALUES (${property}, 'Shop', ${time}, ${time})`.execute(db);
          await sql`INSERT INTO agents (id, property_id, name, base_prompt, model_json, public_key, max_tool_steps, created_at, updated_at)
            VALUES ('a', 'p', 'Bot', '', '{}', 'pk_1', 4, ${time}, ${time})`.execute(db);
          for (const [id, property] of [
            ['i', 'p'],
            ['j', 'q'],
          ])
            await sql`INSERT INTO integrations (id, property_id, name, base_url, auth_type, auth_enc, timeout_ms, allow_hosts_json, current_version, created_at, updated_at)
              VALUES (${id}, ${property}, 'API', 'https://x.test', 'none', '', 1000, '[]', 0, ${time}, ${time})`.execute(
              db,
            );
          for (const id of ['c1', 'c2'])
            await sql`INSERT INTO conversations (id, agent_id, property_id, status, metadata_json, created_at, updated_at)
              VALUES (${id}, 'a', 'p', 'open', '{}', ${time}, ${time})`.execute(db);
          for (const [id, conversation, state] of [
            ['m1', 'c1', 'answered'],
            ['m2', 'c2', 'failed'],
          ])
            await sql`INSERT INTO messages (id, conversation_id, role, text, reply_state, created_at)
              VALUES (${id}, ${conversation}, 'customer', 'hi', ${state}, ${time})`.execute(db);
          for (const [id, integration] of [
            ['l1', 'i'],
            ['l2', 'j'],
          ])
            await sql`INSERT INTO request_logs (id, integration_id, tool, method, url, request_headers_json, duration_ms, outcome, attempts, created_at)
              VALUES (${id}, ${integration}, 'trackOrder', 'GET', 'https://x.test', '{}', 5, 'ok', 1, ${time})`.execute(
              db,
            );
        }, '0005-knowledge-sources');
        try {
          const unanswered = await store.conversations.list({ propertyId: 'p', unanswered: true });
          expect(unanswered.items.map((conversation) => [conversation.id, conversation.unanswered])).toEqual([
            ['c2', 1],
          ]);
          expect((await store.requestLogs.list({ propertyId: 'p' })).items.map((log) => log.id)).toEqual([
            'l1',
          ]);
          expect((await store.requestLogs.list({ propertyId: 'q' })).items.map((log) => log.id)).toEqual([
            'l2',
          ]);
        } finally {
          await close();
        }
      });
    },
  );
}
