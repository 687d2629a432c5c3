// Downloads by URL for the admin API (schemas, knowledge pages) through the executor's network guard:
// private and loopback hosts refused at connect time unless allowed, with a friendly early refusal
// by name, bounded size, time and redirects (the schema loader's).
import { createGuardedFetch, isHostAllowed } from '../executor/index.js';
import { type LoadedSchemaSource, loadSchemaSource, type SchemaResult } from '../openapi/index.js';

/** Which hosts a download may reach although they are private. */
export interface GuardedDownloadOptions {
  /** Hosts allowed although private (the global allow list, plus an integration's own). */
  allowHosts: string[];
  /** More hosts allowed for one URL: this server's own demo. */
  allowHostsFor?: (url: string) => string[];
  /** The URLs that will be downloaded (their own allowed hosts are added). */
  urls: string[];
}

/** A downloader for a set of URLs, and `close()` for its connection pool. */
export interface GuardedDownload {
  load(
    url: string,
    limits?: { accept?: string; maxBytes?: number; timeoutMs?: number },
  ): Promise<SchemaResult<LoadedSchemaSource>>;
  close(): Promise<void>;
}

/** Opens a downloader for `urls`; close it when done. */
export function openGuardedDownload(options: GuardedDownloadOptions): GuardedDownload {
  const allowHosts = [
    ...options.allowHosts,
    ...options.urls.flatMap((url) => options.allowHostsFor?.(url) ?? []),
  ];
  const guarded = createGuardedFetch({ allowHosts });
  return {
    load: (url, limits = {}) =>
      loadSchemaSource(
        { url },
        {
          fetch: guarded.fetch,
          // A friendly early refusal by name; the guarded fetch enforces the rule at connect time.
          isHostAllowed: (target) => isHostAllowed(target, allowHosts),
          ...limits,
        },
      ),
    close: () => guarded.close(),
  };
}
