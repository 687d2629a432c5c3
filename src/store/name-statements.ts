// PostgreSQL statements prepared once per connection: the server parses and plans a statement sent
// by its text at every run, which cost it about as much as the turn's own work. The SQL of prepared
// queries (`prepare-query.ts`, a fixed set) is sent as a named statement instead: parsed and planned
// once per connection, then only bound and run. Any other SQL goes by its text as before.
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** The SQL texts sent as named statements, and their names. */
export interface StatementNames {
  /** Sends `sql` as a named statement from now on. */
  add: (sql: string) => void;
}

// A prepared `SELECT *` whose table gained a column (another server migrated the database) fails
// with this code once the plan is stale: that SQL then goes by its text again.
const CACHED_PLAN_CHANGED = '0A000';

/** `pool` as Kysely's PostgreSQL dialect reads it, with the SQL added to the returned names sent as named statements. */
export function nameStatements(pool: pg.Pool): { pool: PostgresPool; names: StatementNames } {
  const names = new Map<string, string>();
  let named = 0;
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  function wrap(client: pg.PoolClient): PostgresPoolClient {
    const query = async (sql: string, parameters: readonly unknown[]) => {
      const name = names.get(sql);
      if (name === undefined) return client.query(sql, [...parameters]);
      try {
        return await client.query({ name, text: sql, values: [...parameters] });
      } catch (error) {
        if ((error as { code?: string }).code === CACHED_PLAN_CHANGED) names.delete(sql);
        throw error;
      }
    };
    return {
      // A cursor (a streamed query) is not a text: it goes as it is.
      query: ((first: unknown, parameters: readonly unknown[]) =>
        typeof first === 'string'
          ? query(first, parameters)
          : client.query(first as pg.Submittable)) as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  }

  return {
    pool: {
      async connect() {
        const client = await pool.connect();
        // The same wrapper for the same connection: Kysely keeps its state per client object.
        let wrapped = clients.get(client);
        if (!wrapped) {
          wrapped = wrap(client);
          clients.set(client, wrapped);
        }
        return wrapped;
      },
      end: () => pool.end(),
    },
    names: {
      add(sql) {
        if (names.has(sql)) return;
        named += 1;
        names.set(sql, `concierge_${named}`);
      },
    },
  };
}
