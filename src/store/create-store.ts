// Opens the store: SQLite (default, one file in the data dir) or PostgreSQL (`DATABASE_URL`), migrated.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type KyselyPlugin, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createAccessRepository } from './access-repository.js';
import { createAgentRepository } from './agent-repository.js';
import { createConversationRepository } from './conversation-repository.js';
import { createIntegrationRepository } from './integration-repository.js';
import { createKnowledgeRepository } from './knowledge-repository.js';
import { migrationProvider } from './migrations.js';
import { nameStatements, type StatementNames } from './name-statements.js';
import { openSqlite } from './open-sqlite.js';
import { createQueryPreparer, type RunStatement, type RunTransaction } from './prepare-query.js';
import { createPropertyRepository } from './property-repository.js';
import { createRateLimitRepository } from './rate-limit-repository.js';
import { replaceNulPlugin } from './replace-nul-plugin.js';
import { createRequestLogRepository } from './request-log-repository.js';
import type { Database } from './schema.js';
import { createSecretBox } from './secret-box.js';
import type { StoreContext } from './store-context.js';
import { createWebhookDeliveryRepository } from './webhook-delivery-repository.js';

/** Where and how to open the store. */
export interface CreateStoreOptions {
  /** A `postgres://` URL selects PostgreSQL; absent selects SQLite. */
  databaseUrl?: string;
  /** SQLite file path, or `:memory:`. Default `<dataDir>/concierge.db`. */
  sqlitePath?: string;
  /** Data directory for the SQLite file. Default `./data`. */
  dataDir?: string;
  /** PostgreSQL schema to use (created when missing); default `public`. Tests use one schema each. */
  postgresSchema?: string;
  /** 32-byte master key for secrets at rest. */
  secretKey: Buffer;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  /** Kysely plugins applied to every query (tests inject failures with one). */
  plugins?: KyselyPlugin[];
}

/** The persistence of Concierge: one repository per entity, over SQLite or PostgreSQL. */
export interface Store {
  dialect: 'sqlite' | 'postgres';
  properties: ReturnType<typeof createPropertyRepository>;
  agents: ReturnType<typeof createAgentRepository>;
  integrations: ReturnType<typeof createIntegrationRepository>;
  conversations: ReturnType<typeof createConversationRepository>;
  requestLogs: ReturnType<typeof createRequestLogRepository>;
  access: ReturnType<typeof createAccessRepository>;
  rateLimits: ReturnType<typeof createRateLimitRepository>;
  knowledge: ReturnType<typeof createKnowledgeRepository>;
  webhookDeliveries: ReturnType<typeof createWebhookDeliveryRepository>;
  /**
   * PostgreSQL only: notifications between the servers sharing the database. `notify` sends on a
   * pooled connection; `connect` opens a dedicated connection (for LISTEN; the caller ends it);
   * `channel` names this store's channel (its schema's, so schemas of one database do not mix).
   */
  postgres?: {
    channel: string;
    notify: (payload: string) => Promise<void>;
    connect: () => Promise<pg.Client>;
  };
  /** Applies pending migrations; safe to call again and from several servers at once. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
}

function openDatabase(options: CreateStoreOptions): {
  db: Kysely<Database>;
  dialect: Store['dialect'];
  clientConfig?: pg.ClientConfig;
  statementNames?: StatementNames;
  runStatement?: RunStatement;
  transaction?: RunTransaction;
} {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    const schema = options.postgresSchema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new Error(`invalid PostgreSQL schema name '${schema}'`);
    const clientConfig: pg.ClientConfig = {
      connectionString: options.databaseUrl,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    };
    const { pool, names } = nameStatements(new pg.Pool({ ...clientConfig, max: 10 }));
    return {
      clientConfig,
      statementNames: names,
      db: new Kysely<Database>({
        dialect: new PostgresDialect({ pool }),
        plugins: [replaceNulPlugin, ...(options.plugins ?? [])],
      }),
      dialect: 'postgres',
    };
  }
  if (options.databaseUrl) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  const dataDir = options.dataDir ?? 'data';
  const path = options.sqlitePath ?? join(dataDir, 'concierge.db');
  if (path !== ':memory:') createPrivateFile(path, options.sqlitePath ? dirname(path) : dataDir);
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit is still atomic and survives
  // a crash of the process; only a power loss may undo the last ones. Syncing each commit blocks the
  // event loop (better-sqlite3 is synchronous) for a turn's four commits, and capped the server at
  // about 15 turns/s whatever the concurrency.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return {
    ...openSqlite(database, [replaceNulPlugin, ...(options.plugins ?? [])]),
    dialect: 'sqlite',
  };
}

/**
 * Creates the database file readable by its owner only (0600, in a directory made 0700), and narrows
 * an existing one, with its WAL and shared-memory files: they hold conversations and request logs.
 * SQLite creates the WAL and shared-memory files with the database file's mode.
 */
function createPrivateFile(path: string, directory: string): void {
  if (!existsSync(directory)) mkdirSync(directory, { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

/** Opens and (by default) migrates the store. */
export async function createStore(options: CreateStoreOptions): Promise<Store> {
  const { db, dialect, clientConfig, statementNames, runStatement, transaction } = openDatabase(options);
  const channel = `concierge_${options.postgresSchema ?? 'public'}`;
  const context: StoreContext = {
    db,
    secrets: createSecretBox(options.secretKey),
    prepare: createQueryPreparer(db, {
      plugins: options.plugins ?? [],
      onCompile: statementNames?.add,
      runStatement,
    }),
    transaction: transaction ?? ((body) => db.transaction().execute(body)),
  };
  const store: Store = {
    dialect,
    properties: createPropertyRepository(context),
    agents: createAgentRepository(context),
    integrations: createIntegrationRepository(context),
    conversations: createConversationRepository(context),
    requestLogs: createRequestLogRepository(context),
    access: createAccessRepository(context),
    rateLimits: createRateLimitRepository(context),
    knowledge: createKnowledgeRepository(context),
    webhookDeliveries: createWebhookDeliveryRepository(context, dialect),
    postgres: clientConfig && {
      channel,
      notify: async (payload) => {
        await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db);
      },
      async connect() {
        const client = new pg.Client(clientConfig);
        await client.connect();
        return client;
      },
    },
    migrate: () =>
      dialect === 'postgres' ? migrateLocked(db, options.postgresSchema) : runMigrations(db, undefined),
    close: () => db.destroy(),
  };
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return store;
}

/** Arbitrary constant naming Concierge's migration lock among PostgreSQL advisory locks. */
export const MIGRATION_LOCK_ID = 4_711_020;

/** Applies the pending migrations. */
async function runMigrations(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  // Name the schema: the migrator checks for its own tables across every schema otherwise, and a
  // second schema in the same database would look already migrated.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // The migrator looks at the tables of every schema in the database; a schema another client
  // drops meanwhile (3F000, not ours) fails that look-up. Nothing was applied then: look again.
  for (let attempt = 1; attempt < 5 && isOtherSchemaGone(error, schema); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(
      `database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** A PostgreSQL "schema does not exist" error about a schema other than `own`. */
function isOtherSchemaGone(error: unknown, own: string | undefined): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '3F000' && !(own && message?.includes(`"${own}"`));
}

/**
 * Several servers may start at once on one database: `CREATE SCHEMA IF NOT EXISTS` and the
 * migrator's own bookkeeping tables race there, and the migrator's look at every schema's tables
 * fails when a schema is dropped meanwhile, so the whole step runs under an advisory lock.
 */
async function migrateLocked(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(connection);
    try {
      if (schema) await db.schema.createSchema(schema).ifNotExists().execute();
      await runMigrations(db, schema);
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(connection);
    }
  });
}
