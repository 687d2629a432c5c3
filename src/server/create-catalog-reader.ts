// Reads integrations' compiled catalogs, parsed once per version: every chat turn needs the tools of
// each enabled integration, and a large schema's catalog is megabytes of JSON.
import type { Integration, Store } from '../store/index.js';
import { hideIdempotencyKeys, type ToolDefinition } from '../tools/index.js';

/** An integration's current catalog, typed. */
export interface Catalog {
  /** 0 before the first import. */
  version: number;
  openapiVersion: string | null;
  sourceUrl: string | null;
  tools: ToolDefinition[];
  lint: unknown[];
}

/** Reads the current catalog of an integration. */
export interface CatalogReader {
  read: (integration: Integration) => Promise<Catalog>;
  /**
   * The value built for `key` while its inputs' `fingerprint` stays the same, else a new one from
   * `build`, which replaces the old: what is compiled from catalogs (an agent's compiled tools, with
   * their names and selection index) is then built once and shared by every turn.
   */
  reuse: <T>(key: string, fingerprint: string, build: () => T) => T;
}

const emptyCatalog: Catalog = { version: 0, openapiVersion: null, sourceUrl: null, tools: [], lint: [] };

/**
 * A stored version never changes, so a catalog cached under (integration, version) stays right even
 * when another server imports a newer version: the integration record then names the new number.
 */
export function createCatalogReader(
  store: Store,
  /**
   * `maxEntries`: catalogs kept in memory, least recently used dropped first (default 32); values of
   * `reuse`: eight times as many.
   */
  options: { maxEntries?: number } = {},
): CatalogReader {
  const maxEntries = options.maxEntries ?? 32;
  const cache = new Map<string, Promise<Catalog>>();
  const built = new Map<string, { fingerprint: string; value: unknown }>();
  return {
    reuse<T>(key: string, fingerprint: string, build: () => T): T {
      const entry = built.get(key);
      built.delete(key);
      const value = entry?.fingerprint === fingerprint ? (entry.value as T) : build();
      built.set(key, { fingerprint, value });
      if (built.size > maxEntries * 8) built.delete(built.keys().next().value as string);
      return value;
    },
    read(integration) {
      if (integration.currentVersion === 0) return Promise.resolve(emptyCatalog);
      const key = `${integration.id}\u0000${integration.currentVersion}`;
      let catalog = cache.get(key);
      if (catalog) {
        // Most recently used last, so the oldest entry is the first one out.
        cache.delete(key);
      } else {
        catalog = store.integrations.getCatalog(integration.id, integration.currentVersion).then((stored) =>
          stored
            ? // A catalog compiled before idempotency keys were recognised still asks for them: hide them now.
              { ...stored, tools: (stored.tools as ToolDefinition[]).map(hideIdempotencyKeys) }
            : emptyCatalog,
        );
        // A failed read must not stay cached.
        catalog.catch(() => cache.delete(key));
      }
      cache.set(key, catalog);
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
      return catalog;
    },
  };
}
