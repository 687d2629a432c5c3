// The store's Kysely over one better-sqlite3 connection, and how its prepared queries run there. Kysely's
// executor takes a query through its connection provider, the driver's lock, its plugins' result hooks
// and a promise at each step: for a prepared query, whose SQL is compiled once and whose plugins have
// already seen it, that cost a demo turn 3-6% of its CPU (both ways interleaved in one process) around
// statements that take microseconds. Prepared queries run their statements themselves instead, each
// kept for good (they are a fixed few), and read rows as arrays that a function made for the
// statement turns into objects: better-sqlite3 sets each column of each row object through V8's API
// (a key looked up, a shape changed, per column), which cost a select of a conversation twice what
// the arrays and a literal of its columns cost. A transaction made of prepared queries only (a
// turn's two) begins and commits on the connection itself too: Kysely's (a builder, a new Kysely
// instance and an asserting executor each time, its begin and commit through the driver) made up a
// sixth of each of a turn's transactions (main-thread CPU in a warm demo turn).
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
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
import type { HeldConnection, RunStatement, RunTransaction } from './prepare-query.js';
import type { Database } from './schema.js';

/**
 * Kysely over `database` (each SQL text's statement prepared once), the runner of prepared
 * queries: in a transaction, which holds the one connection already, a statement runs at once; outside
 * one, it first waits for the connection on the lock of Kysely's own driver, so it never runs inside
 * another request's open transaction; and the runner of transactions made of prepared queries, which
 * takes that lock too.
 */
export function openSqlite(
  database: SqliteDatabase,
  plugins: KyselyPlugin[],
): { db: Kysely<Database>; runStatement: RunStatement; transaction: RunTransaction } {
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
  const runners = new Map<string, Runner>();
  const run = (sql: string, parameters: readonly unknown[]): QueryResult<unknown> => {
    let runner = runners.get(sql);
    if (!runner) {
      runner = toRunner(database.prepare(sql));
      runners.set(sql, runner);
    }
    const { statement, toRow } = runner;
    if (toRow) return { rows: (statement.all(parameters) as unknown[][]).map(toRow) };
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
  const held: HeldConnection = { isTransaction: true };
  const [begin, commit, rollback] = ['BEGIN', 'COMMIT', 'ROLLBACK'].map((sql) => database.prepare(sql));
  const transaction: RunTransaction = async (body) => {
    await driver.acquireConnection();
    try {
      begin.run();
      try {
        const result = await body(held);
        commit.run();
        return result;
      } catch (error) {
        // A failed COMMIT (the database busy) leaves the transaction open; a failed statement may not.
        if (database.inTransaction) rollback.run();
        throw error;
      }
    } finally {
      await driver.releaseConnection();
    }
  };
  return { db, runStatement, transaction };
}

/** A prepared query's statement, and for one that returns rows, what makes each row an object. */
interface Runner {
  statement: Statement;
  toRow?: (values: unknown[]) => unknown;
}

function toRunner(statement: Statement): Runner {
  if (!statement.reader) return { statement };
  const names = statement.columns().map((column) => column.name);
  // An object literal of the statement's columns, in their order (a repeated name keeps the last
  // value, as better-sqlite3's own objects do). The names are the store's own SQL's, never input.
  const toRow = new Function(
    'values',
    `return { ${names.map((name, index) => `${JSON.stringify(name)}: values[${index}]`).join(', ')} };`,
  ) as (values: unknown[]) => unknown;
  return { statement: statement.raw(true), toRow };
}
