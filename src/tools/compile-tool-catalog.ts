// A catalog compiled for selection once: its operations in the ranking's form and the ranking index
// over them, held by whoever holds the catalog (an agent's compiled tools) and passed to every turn.
import type { ToolDefinition } from '../openapi/index.js';
import { type CatalogIndex, indexCatalog } from './ranking/index-catalog.js';
import { toRankableTool } from './ranking/rankable-tool.js';
import { loadRankingModel, type RankingModel } from './ranking/ranking-model.js';

/** Operations compiled for selection; the index is built on first use, then kept with the catalog. */
export interface ToolCatalog {
  /** The operations, in the catalog's order. */
  readonly tools: readonly ToolDefinition[];
  /** The ranking index over `tools` (the same object on every call). */
  index: () => CatalogIndex;
}

/** Compiles `tools` for selection; `model` defaults to the committed ranking model. */
export function compileToolCatalog(
  tools: readonly ToolDefinition[],
  options: { model?: RankingModel } = {},
): ToolCatalog {
  let index: CatalogIndex | undefined;
  return {
    tools,
    index() {
      index ??= indexCatalog(tools.map(toRankableTool), options.model ?? loadRankingModel());
      return index;
    },
  };
}
