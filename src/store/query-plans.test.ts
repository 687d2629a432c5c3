import { type KyselyPlugin, type QueryId, type RootOperationNode, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './create-store.js';
import { storeDialects } from './test-support/store-dialects.js';

// A partial index serves a query only when the query states the index's condition itself, as a
// literal: a parameter in its place (a query builder's default) still answers right, only from
// another index or the whole table. The lists bench would show it at scale; this shows it at once.
for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`query plans on ${dialect.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let location: string;
    const queries: { node: RootOperationNode; queryId: QueryId }[] = [];
    const capture: KyselyPlugin = {
      transformQuery(args) {
        queries.push(args);
        return args.node;
      },
      transformResult: async ({ result }) => result,
    };

    beforeEach(async () => {
      queries.length = 0;
      ({ store, close, location } = await dialect.open({ plugins: [capture] }));
    });
    afterEach(async () => {
      await close();
    });

    it("reads the rare states' partial indexes: a turn's check for older waiting messages, the unanswered lists and counts, the recovery", async () => {
      const property = await store.properties.create({ name: 'Shop' });
      const agent = await store.agents.create({ propertyId: property.id, name: 'Bot' });
      const conversation = await store.conversations.create({ agentId: agent.id, propertyId: property.id });
      queries.length = 0;
      await store.conversations.addMessageAndTakeTurn({
        conversationId: conversation.id,
        turnId: 'turn-1',
        text: 'hi',
        leaseMs: 30_000,
      });
      await store.conversations.list({ propertyId: property.id, unanswered: true });
      await store.conversations.list({ propertyId: property.id, status: 'open', unanswered: true });
      await store.conversations.listOrphanedMessages();

      const kysely = dialect.openKysely(location);
      try {
        const plans = await kysely.connection().execute(async (connection) => {
          if (dialect.name === 'postgres') {
            // The plan a named statement settles on after its first runs, and an index wherever one serves.
            await sql`SET plan_cache_mode = force_generic_plan`.execute(connection);
            await sql`SET enable_seqscan = off`.execute(connection);
          }
          const found: { sql: string; plan: string }[] = [];
          for (const [index, { node, queryId }] of queries.entries()) {
            const compiled = kysely.getExecutor().compileQuery(node, queryId);
            if (!/reply_state|has_unanswered/.test(compiled.sql)) continue;
            const nulls = compiled.parameters.map(() => null);
            let rows: Record<string, unknown>[];
            if (dialect.name === 'sqlite') {
              rows = (
                await connection.executeQuery({
                  ...compiled,
                  sql: `EXPLAIN QUERY PLAN ${compiled.sql}`,
                  parameters: nulls,
                })
              ).rows as never;
            } else {
              await sql.raw(`PREPARE planned_${index} AS ${compiled.sql}`).execute(connection);
              const values = nulls.length > 0 ? `(${nulls.map(() => 'NULL').join(', ')})` : '';
              rows = (await sql.raw(`EXPLAIN EXECUTE planned_${index}${values}`).execute(connection))
                .rows as never;
            }
            found.push({
              sql: compiled.sql,
              plan: rows.map((row) => Object.values(row).join(' ')).join('\n'),
            });
          }
          return found;
        });
        const planOf = (pattern: RegExp) =>
          plans
            .filter((entry) => pattern.test(entry.sql))
            .map((entry) => entry.plan)
            .join('\n---\n');
        // The turn takes the conversation only when no older customer message waits: one index range.
        expect(planOf(/^update "conversations" set "turn_id"/)).toMatch(/messages_pending/);
        // The unanswered lists, with and without a status, and each conversation's unanswered count.
        const lists = plans.filter((entry) => /"has_unanswered" = 1/.test(entry.sql));
        expect(lists.length).toBeGreaterThanOrEqual(3);
        for (const { sql: text, plan } of lists)
          expect(plan).toMatch(
            /"status" = /.test(text) ? /conversations_unanswered_status/ : /conversations_unanswered\b(?!_)/,
          );
        expect(planOf(/"reply_state" in \('failed'/)).toMatch(/messages_unanswered/);
        // The recovery's look for messages a crash left waiting.
        expect(planOf(/"messages"\.\* from "messages"/)).toMatch(/messages_pending/);
      } finally {
        await kysely.destroy();
      }
    });
  });
}
