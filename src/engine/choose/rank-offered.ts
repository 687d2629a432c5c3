import type { IndexedTool, RankableTool } from '../../tools/index.js';
import { indexCatalogCached, rankCatalog } from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { ChooseToolOptions } from './choice.js';

/**
 * The catalog ranked for `message`, with the conversation and base prompt of `options`: the offered
 * operations against the whole catalog they were selected from when the agent passes it (each
 * entry then carries the offered tool), else as a catalog of their own.
 */
export function rankOffered(
  options: Pick<ChooseToolOptions, 'tools' | 'context' | 'system' | 'ranking'>,
  message: string,
) {
  const shared = { message, context: options.context, basePrompt: options.system };
  const whole = options.ranking;
  if (whole && options.tools.every((tool) => whole.positions.has(tool.name))) {
    const offered = new Map<IndexedTool, EngineTool>();
    for (const tool of options.tools)
      offered.set(whole.index.tools[whole.positions.get(tool.name) as number], tool);
    const ranking = rankCatalog({ ...shared, index: whole.index, candidates: [...offered.keys()] });
    const tools = ranking.tools.map((ranked) => ({
      ...ranked,
      entry: { ...ranked.entry, tool: offered.get(ranked.entry) as RankableTool },
    }));
    return { ...ranking, tools, index: whole.index };
  }
  const index = indexCatalogCached(options.tools as RankableTool[], { source: options.tools });
  return { ...rankCatalog({ ...shared, index }), index };
}
