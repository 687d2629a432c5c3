// Test helper: opens a fresh store on each dialect (SQLite in a temp dir; PostgreSQL in its own
// schema when TEST_POSTGRES_URL is set, reported as skipped otherwise).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, type KyselyPlugin, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { createStore, MIGRATION_LOCK_ID, type Store } from '../create-store.js';
import type { Database } from '../schema.js';

/** The PostgreSQL URL for tests, when one is configured. */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL;

/** One dialect a store test runs on. */
export interface StoreDialect {
  name: 'sqlite' | 'postgres';
  /** False when the dialect is not available here (the test is then skipped). */
  available: boolean;
  /** Opens a new, empty, migrated store; `close` also removes its data. */
  open: (options?: {
    secretKey?: Buffer;
    /** Kysely plugins for every query (failure injection). */
    plugins?: KyselyPlugin[];
  }) => Promise<{ store: Store; close: () => Promise<void>; location: string }>;
  /** Opens a second store on the same database as `open` returned (another server); close it first. */
  openShared: (location: string, options?: { plugins?: KyselyPlugin[] }) => Promise<Store>;
  /** Opens Kysely alone on the database `open` returned, without the store's plugins; destroy it first. */
  openKysely: (location: string) => Kysely<Database>;
}

/** A fixed key for tests. */
export const testSecretKey = Buffer.alloc(32, 7);

/** Creates a unique PostgreSQL schema name and a function that drops it. */
export function createTestSchema(): { schema: string; drop: () => Promise<void> } {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: testPostgresUrl });
      await client.connect();
      // Under the migration lock: a migration elsewhere lists every schema's tables, and fails when
      // one disappears in the middle of it.
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
      }
      await client.end();
    },
  };
}

/** Both dialects, SQLite first. */
export const storeDialects: StoreDialect[] = [
  {
    name: 'sqlite',
    available: true,
    async open(options = {}) {
      const dataDir = mkdtempSync(join(tmpdir(), 'concierge-store-'));
      const store = await createStore({
        dataDir,
        secretKey: options.secretKey ?? testSecretKey,
        plugins: options.plugins,
      });
      return {
        store,
        location: join(dataDir, 'concierge.db'),
        async close() {
          await store.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
    openShared: (location, options = {}) =>
      createStore({ sqlitePath: location, secretKey: testSecretKey, plugins: options.plugins }),
    openKysely: (location) =>
      new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(location) }) }),
  },
  {
    name: 'postgres',
    available: Boolean(testPostgresUrl),
    async open(options = {}) {
      const { schema, drop } = createTestSchema();
      const store = await createStore({
        databaseUrl: testPostgresUrl,
        postgresSchema: schema,
        secretKey: options.secretKey ?? testSecretKey,
        plugins: options.plugins,
      });
      return {
        store,
        location: schema,
        async close() {
          await store.close();
          await drop();
        },
      };
    },
    openShared: (location, options = {}) =>
      createStore({
        databaseUrl: testPostgresUrl,
        postgresSchema: location,
        secretKey: testSecretKey,
        plugins: options.plugins,
      }),
    openKysely: (location) =>
      new Kysely<Database>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({
            connectionString: testPostgresUrl,
            options: `-c search_path=${location}`,
            max: 2,
          }),
        }),
      }),
  },
];
