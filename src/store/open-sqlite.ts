// The store's Kysely over one better-sqlite3 connection, and how its prepared queries run there. Kysely's
// executor takes a query through its connection provider, the driver's lock, its plugins' result hooks
// and a promise at each step: for a prepared query, whose SQL is compiled once and whose plugins have
// already seen it, that cost a demo turn 3-6% of its CPU (both ways interleaved in one process) around
// statements that take microseconds. Prepared queries run their statements themselves instead.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import {
  Kysely,
  type KyselyPlugin,
  type QueryResult,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { cacheStatements } from './cache-statements.js';
import type { RunStatement } from './prepare-query.js';
import type { Database } from './schema.js';

/**
 * Kysely over `database` (each SQL text's statement prepared once), and the runner of prepared
 * queries: in a transaction, which holds the one connection already, a statement runs at once; outside
 * one, it first waits for the connection on the lock of Kysely's own driver, so it never runs inside
 * another request's open transaction.
 */
export function openSqlite(
  database: SqliteDatabase,
  plugins: KyselyPlugin[],
): { db: Kysely<Database>; runStatement: RunStatement } {
  const statements = cacheStatements(database);
  const driver = new SqliteDriver({ database: statements });
  const db = new Kysely<Database>({
    dialect: {
      createDriver: () => driver,
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createAdapter: () => new SqliteAdapter(),
      createIntrospector: (kysely) => new SqliteIntrospector(kysely),
    },
    plugins,
  });
  const run = (sql: string, parameters: readonly unknown[]): QueryResult<unknown> => {
    const statement = statements.prepare(sql);
    if (statement.reader) return { rows: statement.all(parameters) };
    return { rows: [], numAffectedRows: BigInt(statement.run(parameters).changes) };
  };
  const runStatement: RunStatement = async (sql, parameters, held) => {
    if (held) return run(sql, parameters);
    await driver.acquireConnection();
    try {
      return run(sql, parameters);
    } finally {
      await driver.releaseConnection();
    }
  };
  return { db, runStatement };
}
