// Rate-limit counters in the database, counted atomically, so every server using it shares them.
import { sql } from 'kysely';
import type { StoreContext } from './store-context.js';

/** One counted request: how many its window has seen so far, and when that window ends. */
export interface RateLimitHit {
  count: number;
  /** Milliseconds since the epoch when the window ends. */
  resetAt: number;
}

/** Creates the rate-limit repository over a store context. */
export function createRateLimitRepository({ db }: StoreContext) {
  return {
    /**
     * Counts one request under `key`. A window starts with the first request and lasts `windowMs`;
     * the first request after it ends starts the next one. One statement, so concurrent hits from
     * several servers are all counted.
     */
    async hit(key: string, windowMs: number, nowMs = Date.now()): Promise<RateLimitHit> {
      const ended = sql<boolean>`${sql.ref('rate_limits.expires_at')} <= ${nowMs}`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key, count: 1, expires_at: nowMs + windowMs })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            count: sql`CASE WHEN ${ended} THEN 1 ELSE ${sql.ref('rate_limits.count')} + 1 END`,
            expires_at: sql`CASE WHEN ${ended} THEN ${nowMs + windowMs} ELSE ${sql.ref('rate_limits.expires_at')} END`,
          }),
        )
        .returning(['count', 'expires_at'])
        .executeTakeFirstOrThrow();
      // PostgreSQL returns bigint columns as strings.
      return { count: Number(row.count), resetAt: Number(row.expires_at) };
    },
    /** Deletes the counters of windows that have ended. */
    async deleteExpired(nowMs = Date.now()): Promise<number> {
      const result = await db.deleteFrom('rate_limits').where('expires_at', '<=', nowMs).executeTakeFirst();
      return Number(result.numDeletedRows ?? 0);
    },
  };
}
