// Picks the tools worth offering the model for one turn when a catalog has more than a provider
// accepts or a model can choose among well: the learned ranking over the catalog, with the tools the
// base prompt names always kept.
import type { ToolDefinition } from '../openapi/index.js';
import { compileToolCatalog, type ToolCatalog } from './compile-tool-catalog.js';
import { TOOL_FEATURES } from './ranking/extract-features.js';
import { rankCatalog } from './ranking/rank-catalog.js';

/** What to select from and for what. */
export interface SelectToolsOptions {
  /**
   * The catalog: compiled (`compileToolCatalog`) by a caller that selects from it again, so its index
   * is built once; a plain array is compiled for this call only.
   */
  tools: ToolCatalog | readonly ToolDefinition[];
  /** The customer's current message. */
  query: string;
  /** Earlier conversation text (recent messages). */
  context?: string;
  /** The agent's base prompt: tools it names (by name or operationId) are always kept. */
  basePrompt?: string;
  /** At most this many tools are returned. Default 20. */
  limit?: number;
}

const SEMANTIC = TOOL_FEATURES.indexOf('semantic');
/** A message of at most this many content words is read as going on with the one before it. */
const FOLLOW_UP_WORDS = 3;

/** Whether the prompt names the tool as a whole identifier (`use the trackOrder tool`). */
function isNamedIn(promptWords: Set<string>, tool: ToolDefinition): boolean {
  return promptWords.has(tool.name) || (tool.operationId !== undefined && promptWords.has(tool.operationId));
}

/** Per catalog, the positions of the tools its agent's base prompt names (the last prompt asked for). */
const namedByCatalog = new WeakMap<object, { prompt: string; positions: number[] }>();

/** The positions of the tools `basePrompt` names, found once per catalog and prompt. */
function namedPositions(key: object, tools: readonly ToolDefinition[], basePrompt: string): number[] {
  const known = namedByCatalog.get(key);
  if (known?.prompt === basePrompt) return known.positions;
  const promptWords = new Set(basePrompt.match(/[\w-]+/g));
  const positions: number[] = [];
  tools.forEach((tool, position) => {
    if (isNamedIn(promptWords, tool)) positions.push(position);
  });
  namedByCatalog.set(key, { prompt: basePrompt, positions });
  return positions;
}

/**
 * The tools to offer for this turn, most relevant first: every tool when there are at most `limit`;
 * otherwise the tools named in the base prompt, then the best ranked for the message and its context,
 * up to `limit`. A message without a content word or an id, and no context, gets only the named tools.
 */
export function selectTools(options: SelectToolsOptions): ToolDefinition[] {
  const { limit = 20 } = options;
  const catalog = 'index' in options.tools ? options.tools : undefined;
  const tools = catalog ? catalog.tools : (options.tools as readonly ToolDefinition[]);
  if (tools.length <= limit) return [...tools];
  const chosen = new Set<number>();
  if (options.basePrompt)
    for (const position of namedPositions(catalog ?? tools, tools, options.basePrompt)) {
      if (chosen.size >= limit) break;
      chosen.add(position);
    }
  const index = (catalog ?? compileToolCatalog(tools)).index();
  const ranking = rankCatalog({
    index,
    message: options.query,
    context: options.context,
    basePrompt: options.basePrompt,
    minRelated: limit,
  });
  // A message with no word or id to go by ("hi there!") and nothing before it is offered no operation.
  if (ranking.query.length === 0 && ranking.query.ids.length === 0 && !options.context?.trim())
    return [...chosen].map((position) => tools[position]);
  // Most places go by the model's score; the last quarter to the operations whose words mean most of
  // the message, so one the model ranks low for a paraphrase can still be offered.
  const byScore = limit - Math.floor(limit / 4);
  // A follow-up that says little of its own ("pi_3OmV…", "ok then unsubscribe me") goes on with the
  // request before it: the operations ranked for the two together share the places by score.
  const earlier =
    options.context?.trim() && ranking.query.length <= FOLLOW_UP_WORDS
      ? rankCatalog({
          index,
          message: `${options.context}\n${options.query}`,
          basePrompt: options.basePrompt,
          minRelated: limit,
        }).tools
      : [];
  for (let rank = 0; rank < ranking.tools.length && chosen.size < byScore; rank++) {
    chosen.add(ranking.tools[rank].entry.position);
    if (rank < earlier.length && chosen.size < byScore) chosen.add(earlier[rank].entry.position);
  }
  const byMeaning = [...ranking.tools].sort(
    (left, right) => right.features[SEMANTIC] - left.features[SEMANTIC],
  );
  for (const entry of [...byMeaning, ...ranking.tools]) {
    if (chosen.size >= limit) break;
    chosen.add(entry.entry.position);
  }
  return [...chosen].map((position) => tools[position]);
}
