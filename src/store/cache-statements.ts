// SQLite statements prepared once: Kysely's SQLite driver prepares every query again, which costs a
// turn's dozen statements more than running them. The same SQL text gets the same statement.
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** Statements kept, least recently used dropped first: a list's `IN (?, ?, …)` makes one per length. */
const MAX_STATEMENTS = 256;

/** `database` as Kysely's SQLite dialect reads it, with each SQL text's statement prepared once. */
export function cacheStatements(database: SqliteDatabase): KyselySqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql) {
      const known = statements.get(sql);
      // A statement still iterating rows (a streamed query) cannot run twice at once.
      if (known && !known.busy) {
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = database.prepare(sql);
      if (known) return statement;
      statements.set(sql, statement);
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
