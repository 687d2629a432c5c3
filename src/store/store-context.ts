// What every repository needs: the Kysely instance and the secret box.
import type { Kysely } from 'kysely';
import type { QueryPreparer, RunTransaction } from './prepare-query.js';
import type { Database } from './schema.js';
import type { SecretBox } from './secret-box.js';

/** Shared by the repositories of one store. */
export interface StoreContext {
  db: Kysely<Database>;
  secrets: SecretBox;
  /** Prepares the queries a repository runs often (compiled to SQL once). */
  prepare: QueryPreparer;
  /**
   * A transaction of prepared queries only (a turn's): SQLite begins and commits it on its one
   * connection itself; PostgreSQL runs Kysely's. Anything using the query builder takes
   * `db.transaction()`.
   */
  transaction: RunTransaction;
}

/** The current time as ISO 8601. */
export function now(): string {
  return new Date().toISOString();
}

/** Parses a JSON column, falling back when it is empty. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  return JSON.parse(text) as T;
}
