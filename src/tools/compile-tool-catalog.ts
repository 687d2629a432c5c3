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

/**
 * The catalog the offered tools were selected from, for a model that ranks in this process (the
 * embedded engine): its index, and each offered name's position in it. Ranking the offered
 * operations against the whole catalog keeps what its words weigh across all of them (a word in
 * every one of twenty offered operations may be rare among a thousand).
 */
export interface OfferedRanking {
  index: CatalogIndex;
  /** Offered name -> position in `index.tools`. */
  positions: ReadonlyMap<string, number>;
}

/** Positions of each catalog tool, found once per catalog. */
const positionsByCatalog = new WeakMap<ToolCatalog, Map<ToolDefinition, number>>();

/** The ranking view of `catalog` for the tools offered under these names. */
export function offeredRanking(
  catalog: ToolCatalog,
  offered: Iterable<readonly [string, ToolDefinition]>,
): OfferedRanking {
  let byTool = positionsByCatalog.get(catalog);
  if (!byTool) {
    byTool = new Map(catalog.tools.map((tool, position) => [tool, position]));
    positionsByCatalog.set(catalog, byTool);
  }
  const positions = new Map<string, number>();
  for (const [name, tool] of offered) {
    const position = byTool.get(tool);
    if (position !== undefined) positions.set(name, position);
  }
  return { index: catalog.index(), positions };
}
