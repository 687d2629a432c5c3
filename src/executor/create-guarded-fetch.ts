// A `fetch` that goes through the guarded agent, for other downloads (schemas by URL) under the same rule.
import type { LookupFunction } from 'node:net';
import { fetch as undiciFetch } from 'undici';
import { createGuardedAgent } from './create-guarded-agent.js';

/** Options of `createGuardedFetch`. */
export interface GuardedFetchOptions {
  /** Hosts (`name` or `name:port`) that may be reached although they resolve to non-public addresses. */
  allowHosts: readonly string[];
  /** Name resolution; tests inject one. */
  lookup?: LookupFunction;
}

/** A fetch plus `close()` for its connection pool. Loopback, private and metadata addresses fail at connect time. */
export function createGuardedFetch(options: GuardedFetchOptions): {
  fetch: typeof fetch;
  close: () => Promise<void>;
} {
  const dispatcher = createGuardedAgent(options);
  const guarded = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher })) as unknown as typeof fetch;
  return { fetch: guarded, close: () => dispatcher.close() };
}
