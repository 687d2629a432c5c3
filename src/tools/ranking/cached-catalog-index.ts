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

/**
 * The text of an input schema, kept per schema object: the agent hands the engine the same schema
 * objects turn after turn, so each is written out once.
 */
const schemaTexts = new WeakMap<object, string>();

function schemaText(schema: unknown): string {
  if (typeof schema !== 'object' || schema === null) return String(schema);
  let text = schemaTexts.get(schema);
  if (text === undefined) {
    text = JSON.stringify(schema);
    schemaTexts.set(schema, text);
  }
  return text;
}

/** A digest of everything the index reads of one tool: a schema edited in any part indexes anew. */
function toolSignature(tool: RankableTool): string {
  const hash = createHash('sha256');
  hash.update(tool.name);
  hash.update('\u0000');
  hash.update(tool.description);
  hash.update('\u0000');
  hash.update(schemaText(tool.inputSchema));
  hash.update('\u0000');
  const operation = tool.operation;
  if (operation) {
    hash.update(
      `${operation.method} ${operation.path} ${operation.summary ?? ''} ${operation.operationId ?? ''}`,
    );
    for (const list of [
      operation.tags,
      operation.bodyInputs,
      operation.responseFields,
      operation.responseValues,
    ]) {
      hash.update('\u0002');
      hash.update((list ?? []).join('\u0003'));
    }
    hash.update(schemaText(operation.boundInputs ?? null));
  }
  return hash.digest('base64');
}

/**
 * Each tool's digest, kept per tool object as the schema texts are: the engine is handed the same tool
 * objects call after call (never changed once offered), so each is hashed once.
 */
const toolSignatures = new WeakMap<RankableTool, string>();

/** The digests of the tools, in order: two catalogs with the same key index the same. */
function signature(tools: readonly RankableTool[]): string {
  let key = '';
  for (const tool of tools) {
    let digest = toolSignatures.get(tool);
    if (digest === undefined) {
      digest = toolSignature(tool);
      toolSignatures.set(tool, digest);
    }
    key += digest;
  }
  return key;
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
