// Chooses the operation for a message with the learned ranking (shared with the tool selection), then
// fills its inputs: call it, ask for what is missing, or call nothing when "nothing" ranks first.
import type { AnalyzedQuery, IndexedTool, RankableTool } from '../../tools/index.js';
import { indexCatalogCached, rankCatalog, TOOL_FEATURES } from '../../tools/index.js';
import { buildToolDocument } from '../catalog/build-tool-document.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import type { ParameterInfo } from '../catalog/list-parameters.js';
import { bindIds } from '../fill/bind-ids.js';
import { type FilledArguments, fillArguments } from '../fill/fill-arguments.js';

/** The outcome of choosing. */
export type Choice =
  | { type: 'call'; tool: EngineTool; input: Record<string, unknown> }
  | { type: 'ask'; tool: EngineTool; missing: ParameterInfo[] }
  | { type: 'none' };

const COVERAGE = TOOL_FEATURES.indexOf('coverage');

/** What the chooser reads. */
export interface ChooseToolOptions {
  tools: EngineTool[];
  /** The customer's message. */
  text: string;
  /** The customer's earlier request when this message answers the assistant's question. */
  earlierText?: string;
  /** Recent earlier messages of the conversation. */
  context?: string;
  /** The agent's base prompt and rules. */
  system?: string;
}

function fill(options: {
  tool: EngineTool;
  entry: IndexedTool;
  query: AnalyzedQuery;
  text: string;
  earlierText: string | undefined;
}): FilledArguments {
  const { tool, earlierText } = options;
  const document = buildToolDocument(tool);
  const bound = bindIds({
    entry: options.entry,
    parameters: document.parameters,
    query: options.query,
    text: options.text,
  });
  const rest = document.parameters.filter((parameter) => !(parameter.name in bound.input));
  const filled = fillArguments({
    parameters: rest,
    subjectConcepts: document.headConcepts,
    text: bound.rest,
  });
  filled.input = { ...bound.input, ...filled.input };
  filled.found += Object.keys(bound.input).length;
  const fillOptions = { parameters: rest, subjectConcepts: document.headConcepts };
  if (!earlierText || filled.missing.length === 0) return filled;
  let earlierRest = earlierText;
  for (const value of Object.values(bound.input)) earlierRest = earlierRest.replace(String(value), ' ');
  const earlier = fillArguments({ ...fillOptions, text: earlierRest });
  const input = { ...filled.input };
  for (const parameter of filled.missing) {
    if (parameter.name in earlier.input) input[parameter.name] = earlier.input[parameter.name];
  }
  const missing = filled.missing.filter((parameter) => !(parameter.name in input));
  return { input, missing, found: Object.keys(input).length };
}

/** Chooses what to do for the message. */
export function chooseTool(options: ChooseToolOptions): Choice {
  const { tools, text, earlierText } = options;
  if (tools.length === 0) return { type: 'none' };
  const index = indexCatalogCached(tools as RankableTool[], { source: tools });
  const message = earlierText ? `${earlierText}\n${text}` : text;
  const ranking = rankCatalog({ index, message, context: options.context, basePrompt: options.system });
  const best = ranking.tools[0];
  if (!best) return { type: 'none' };
  const tool = best.entry.tool as EngineTool;
  const filled = fill({ tool, entry: best.entry, query: ranking.query, text, earlierText });
  // Nothing to call when "nothing" is more likely than the most likely operation, unless every word
  // of the message is the operation's own ("Where is my order?", and its answer "it's 44821"): then it
  // is called, or its missing inputs are asked for.
  const whollyAbout = best.features[COVERAGE] >= 1;
  if (ranking.none.probability >= best.probability && !whollyAbout) return { type: 'none' };
  if (filled.missing.length > 0) return { type: 'ask', tool, missing: filled.missing };
  return { type: 'call', tool, input: filled.input };
}
