import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_COLUMNS } from './conversation-queries.js';
import type { Store } from './create-store.js';
import { createQueryPreparer, rowParams } from './prepare-query.js';
import type { Database, MessageTable } from './schema.js';
import { createWriteFailures } from './test-support/fail-writes.js';
import { storeDialects } from './test-support/store-dialects.js';

/** A message row of `conversationId` with the given id and text. */
function messageRow(conversationId: string, id: string, text: string): MessageTable {
  return {
    id,
    conversation_id: conversationId,
    role: 'customer',
    text,
    reply_state: null,
    lease_expires_at: null,
    reply_to: null,
    created_at: '2026-01-01T00:00:00.000Z',
  };
}

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`prepared queries on ${dialect.name}`, () => {
    const failures = createWriteFailures();
    let store: Store;
    let db: Kysely<Database>;
    let close: () => Promise<void>;
    let conversations: string[];

    beforeEach(async () => {
      let location: string;
      ({ store, close, location } = await dialect.open());
      db = dialect.openKysely(location);
      const propertyId = (await store.properties.create({ name: 'Shop' })).id;
      const agentId = (await store.agents.create({ propertyId, name: 'Bot' })).id;
      conversations = [];
      for (let index = 0; index < 2; index++)
        conversations.push((await store.conversations.create({ agentId, propertyId })).id);
    });
    afterEach(async () => {
      failures.disarm();
      await db.destroy();
      await close();
    });

    function prepareQueries() {
      const prepare = createQueryPreparer(db, { plugins: [failures.plugin] });
      return {
        insert: prepare<MessageTable, never>((db, param) =>
          db.insertInto('messages').values(rowParams(param, MESSAGE_COLUMNS)),
        ),
        // A constant ('customer') among the named values, and a named limit.
        newest: prepare<{ conversationId: string; limit: number }, MessageTable>((db, param) =>
          db
            .selectFrom('messages')
            .selectAll()
            .where('conversation_id', '=', param('conversationId'))
            .where('role', '=', 'customer')
            .orderBy('id', 'desc')
            .limit(param('limit')),
        ),
      };
    }

    it('binds each run its own values, in their places, around the constants compiled once', async () => {
      const { insert, newest } = prepareQueries();
      const [first, second] = conversations;
      await insert.run(messageRow(first, 'm1', 'one'));
      await insert.run(messageRow(first, 'm2', 'two'));
      await insert.run(messageRow(second, 'm3', 'three'));
      await store.conversations.addMessage(first, { role: 'agent', text: 'not a customer message' });

      expect((await newest.all({ conversationId: first, limit: 5 })).map((row) => row.text)).toEqual([
        'two',
        'one',
      ]);
      expect((await newest.all({ conversationId: first, limit: 1 })).map((row) => row.text)).toEqual(['two']);
      expect(await newest.first({ conversationId: second, limit: 5 })).toEqual(
        messageRow(second, 'm3', 'three'),
      );
      expect(await newest.all({ conversationId: 'none', limit: 5 })).toEqual([]);
    });

    it('replaces NUL in the values as every other query does, and names a value left out', async () => {
      const { insert, newest } = prepareQueries();
      await insert.run(messageRow(conversations[0], 'm1', 'a\0b'));
      expect((await newest.first({ conversationId: conversations[0], limit: 1 }))?.text).toBe('a\uFFFDb');
      await expect(newest.all({ conversationId: conversations[0] } as never)).rejects.toThrow(
        "prepared query: no value for parameter 'limit'",
      );
    });

    it('runs in a transaction, rolled back with it, and shows the store plugins each run', async () => {
      const { insert, newest } = prepareQueries();
      const [conversationId] = conversations;
      await expect(
        db.transaction().execute(async (transaction) => {
          await insert.run(messageRow(conversationId, 'm1', 'one'), transaction);
          expect(await newest.all({ conversationId, limit: 5 }, transaction)).toHaveLength(1);
          throw new Error('the turn failed');
        }),
      ).rejects.toThrow('the turn failed');
      expect(await newest.all({ conversationId, limit: 5 })).toEqual([]);

      // The failure injector sees every run of a prepared write, not only the first (compiled) one.
      failures.failAt(2);
      await insert.run(messageRow(conversationId, 'm1', 'one'));
      await expect(insert.run(messageRow(conversationId, 'm2', 'two'))).rejects.toThrow(/injected failure/);
      expect(failures.writes()).toBe(2);
      expect((await newest.all({ conversationId, limit: 5 })).map((row) => row.id)).toEqual(['m1']);
    });
  });
}
