// Rate-limit counters for the public widget API: counted in memory (one server), in
// PostgreSQL (servers sharing the database), or in Redis (`CONCIERGE_REDIS_URL`).
import { Redis } from 'ioredis';
import type { RateLimitHit, Store } from '../store/index.js';

/**
 * Counts requests per key (e.g. `widget-messages:ip:203.0.113.7`). A window starts with a key's first
 * request and lasts `windowMs`; the first request after it starts the next.
 */
export interface RateLimitCounter {
  /** Where the counts are kept, for messages: `memory`, `postgres` or `redis`. */
  kind: 'memory' | 'postgres' | 'redis';
  /** Counts one request under `key` in its current window of `windowMs`. */
  hit: (key: string, windowMs: number) => Promise<RateLimitHit>;
  close: () => Promise<void>;
}

/** Past this many live counters, the memory counter drops ended windows (then, if need be, the oldest). */
const MAX_MEMORY_KEYS = 100_000;

/** Counts in this process: the single-server default. */
export function createMemoryCounter(): RateLimitCounter {
  const counts = new Map<string, RateLimitHit>();
  return {
    kind: 'memory',
    async hit(key, windowMs) {
      const now = Date.now();
      let entry = counts.get(key);
      if (!entry || entry.resetAt <= now) {
        if (!entry && counts.size >= MAX_MEMORY_KEYS) {
          for (const [old, value] of counts) if (value.resetAt <= now) counts.delete(old);
          // Still full: drop the oldest tenth (a Map keeps insertion order), never everyone's counts.
          let excess = counts.size - Math.floor(MAX_MEMORY_KEYS * 0.9);
          for (const old of counts.keys()) {
            if (excess-- <= 0) break;
            counts.delete(old);
          }
        }
        entry = { count: 0, resetAt: now + windowMs };
        counts.set(key, entry);
      }
      entry.count += 1;
      return { ...entry };
    },
    async close() {
      counts.clear();
    },
  };
}

/** Counts in the store's database (used on PostgreSQL), so servers sharing it share the limits. */
export function createStoreCounter(store: Store): RateLimitCounter {
  // Ended windows are deleted now and then; a failure there only leaves rows for the next sweep.
  const sweep = setInterval(() => void store.rateLimits.deleteExpired().catch(() => undefined), 60_000);
  sweep.unref();
  return {
    kind: 'postgres',
    hit: (key, windowMs) => store.rateLimits.hit(key, windowMs),
    async close() {
      clearInterval(sweep);
    },
  };
}

// INCR; the window's first request (or a key left without expiry) sets when the window ends.
const REDIS_HIT = `local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/** Counts in Redis at `url`; resolves once connected, rejects with a clear message when it cannot. */
export async function createRedisCounter(url: string): Promise<RateLimitCounter> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3000,
    // Reconnect in the background after a lost connection; meanwhile hits fail (and are let through).
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Errors surface through the calls; an unhandled 'error' event would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(
      `CONCIERGE_REDIS_URL: cannot connect to Redis at ${url.replace(/\/\/[^@]*@/, '//…@')}: ${(error as Error).message}`,
    );
  }
  return {
    kind: 'redis',
    async hit(key, windowMs) {
      const [count, ttl] = (await client.eval(REDIS_HIT, 1, `concierge:rate:${key}`, String(windowMs))) as [
        number,
        number,
      ];
      return { count: Number(count), resetAt: Date.now() + Number(ttl) };
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
