import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './create-store.js';
import { nameStatements } from './name-statements.js';
import { createQueryPreparer, type PreparedQuery } from './prepare-query.js';
import type { ConversationTable, Database } from './schema.js';
import { storeDialects, testPostgresUrl } from './test-support/store-dialects.js';

const postgres = storeDialects.find((dialect) => dialect.name === 'postgres')!;

describe.skipIf(!postgres.available)('named statements on postgres', () => {
  let store: Store;
  let close: () => Promise<void>;
  let db: Kysely<Database>;
  let conversationId: string;
  let byId: PreparedQuery<{ id: string }, ConversationTable>;

  beforeEach(async () => {
    let location: string;
    ({ store, close, location } = await postgres.open());
    // One connection, so that the session's prepared statements can be read back.
    const { pool, names } = nameStatements(
      new pg.Pool({ connectionString: testPostgresUrl, options: `-c search_path=${location}`, max: 1 }),
    );
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const prepare = createQueryPreparer(db, { plugins: [], onCompile: names.add });
    byId = prepare<{ id: string }, ConversationTable>((db, param) =>
      db.selectFrom('conversations').selectAll().where('id', '=', param('id')),
    );
    const propertyId = (await store.properties.create({ name: 'Shop' })).id;
    const agentId = (await store.agents.create({ propertyId, name: 'Bot' })).id;
    conversationId = (await store.conversations.create({ agentId, propertyId })).id;
  });
  afterEach(async () => {
    await db.destroy();
    await close();
  });

  const preparedStatements = async () =>
    (
      await sql<{
        name: string;
        statement: string;
      }>`SELECT name, statement FROM pg_prepared_statements`.execute(db)
    ).rows;

  it('sends a prepared query as one named statement, and any other SQL by its text', async () => {
    expect((await byId.first({ id: conversationId }))?.id).toBe(conversationId);
    expect(await byId.first({ id: 'none' })).toBeUndefined();
    await db.selectFrom('agents').selectAll().execute();
    const statements = await preparedStatements();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ name: 'concierge_1' });
    expect(statements[0].statement).toContain('from "conversations" where "id" = $1');
  });

  it('goes back to the text for a statement whose table changed under it (another server migrated)', async () => {
    await byId.first({ id: conversationId });
    await sql`ALTER TABLE conversations ADD COLUMN added_later text`.execute(db);
    await expect(byId.first({ id: conversationId })).rejects.toMatchObject({ code: '0A000' });
    expect(await byId.first({ id: conversationId })).toMatchObject({ id: conversationId, added_later: null });
  });
});
