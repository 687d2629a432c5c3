// Reads integrations' compiled catalogs, parsed once per version: every chat turn needs the tools of
// each enabled integration, and a large schema's catalog is megabytes of JSON.
import type { Integration, Store } from '../store/index.js';
import type { ToolDefinition } from '../tools/index.js';

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
}

const emptyCatalog: Catalog = { version: 0, openapiVersion: null, sourceUrl: null, tools: [], lint: [] };

/**
 * A stored version never changes, so a catalog cached under (integration, version) stays right even
 * when another server imports a newer version: the integration record then names the new number.
 * The same arrays are handed out each time, which also lets tool selection reuse its index.
 */
export function createCatalogReader(
  store: Store,
  /** `maxEntries`: catalogs kept in memory, least recently used dropped first (default 32). */
  options: { maxEntries?: number } = {},
): CatalogReader {
  const maxEntries = options.maxEntries ?? 32;
  const cache = new Map<string, Promise<Catalog>>();
  return {
    read(integration) {
      if (integration.currentVersion === 0) return Promise.resolve(emptyCatalog);
      const key = `${integration.id}\u0000${integration.currentVersion}`;
      let catalog = cache.get(key);
      if (catalog) {
        // Most recently used last, so the oldest entry is the first one out.
        cache.delete(key);
      } else {
        catalog = store.integrations
          .getCatalog(integration.id, integration.currentVersion)
          .then((stored) => (stored ? { ...stored, tools: stored.tools as ToolDefinition[] } : emptyCatalog));
        // A failed read must not stay cached.
        catalog.catch(() => cache.delete(key));
      }
      cache.set(key, catalog);
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
      return catalog;
    },
  };
}
