// Catalog indexes the embedded engine keeps between its calls. The engine sees only its call options'
// tools (new arrays each call, never the agent's compiled catalog), so an index is found by the array
// within one call, and by content across calls. Everything else selects through a `ToolCatalog`.
import { createHash } from 'node:crypto';
import { type CatalogIndex, indexCatalog } from './index-catalog.js';
import type { RankableTool } from './rankable-tool.js';
import { loadRankingModel, type RankingModel } from './ranking-model.js';

const byArray = new WeakMap<readonly object[], CatalogIndex>();
const byContent = new Map<string, CatalogIndex>();
const MAX_CACHED = 32;

function signature(tools: readonly RankableTool[]): string {
  const hash = createHash('sha256');
  for (const tool of tools) {
    hash.update(tool.name);
    hash.update('\u0000');
    hash.update(tool.description);
    hash.update('\u0000');
    const operation = tool.operation;
    hash.update(
      operation
        ? `${operation.method} ${operation.path} ${operation.summary ?? ''} ${operation.operationId ?? ''}`
        : '',
    );
    hash.update('\u0001');
  }
  return hash.digest('hex');
}

/**
 * The index of `tools`, built on first use. `source` is the array the tools were read from, when the
 * caller keeps one array per catalog (its identity is the cheapest key).
 */
export function indexCatalogCached(
  tools: readonly RankableTool[],
  options: { source?: readonly object[]; model?: RankingModel } = {},
): CatalogIndex {
  const model = options.model ?? loadRankingModel();
  const source = options.source ?? tools;
  const known = byArray.get(source);
  if (known && known.model === model && known.tools.length === tools.length) return known;
  const key = signature(tools);
  let index = byContent.get(key);
  if (!index || index.model !== model) index = indexCatalog(tools, model);
  // Re-inserting keeps the map in least-recently-used order.
  byContent.delete(key);
  byContent.set(key, index);
  if (byContent.size > MAX_CACHED) byContent.delete(byContent.keys().next().value as string);
  byArray.set(source, index);
  return index;
}
