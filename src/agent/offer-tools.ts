// The tools one turn offers the model: the agent's callable operations (narrowed to the relevant
// ones when there are many) plus the built-in hand-off tool (and the knowledge search when the agent
// has sources), under names unique within the agent.
import { type JSONValue, jsonSchema, type Tool, tool } from 'ai';
import {
  compileToolCatalog,
  type OfferedRanking,
  offeredRanking,
  selectTools,
  type ToolCatalog,
  type ToolDefinition,
  toolProviderOptions,
} from '../tools/index.js';
import { HANDOFF_TOOL_NAME, KNOWLEDGE_TOOL_NAME } from './agent-rules.js';
import { nameAgentTools, type OfferedName } from './name-agent-tools.js';
import type { AgentTool, HistoryMessage } from './run-turn-options.js';

/** Operations offered per turn at most, besides the hand-off tool (OpenAI accepts 128 tools in all). */
export const MAX_OFFERED_OPERATIONS = 20;

// Earlier messages that inform the selection: enough for a follow-up ("it's 44821") to find its tool.
const CONTEXT_MESSAGES = 3;

/** The earlier text that informs the selection of a turn's tools: the last few messages. */
export function selectionContext(history: readonly { text: string }[]): string {
  return history
    .slice(-CONTEXT_MESSAGES)
    .map((entry) => entry.text)
    .join('\n');
}

/** The tools of one turn. */
export interface OfferedTools {
  /** The AI SDK tool set, keyed by the name the model calls each tool by. */
  toolSet: Record<string, Tool>;
  /** The agent's tool behind each offered name; the built-in tools (hand-off, knowledge search) are not in it. */
  byName: Map<string, AgentTool>;
  /** The catalog the operations were selected from, for a model that ranks in this process. */
  ranking: OfferedRanking;
}

/** What to choose the offered tools from and for. */
export interface OfferToolsOptions {
  /** The agent's enabled operations, compiled once (`compileOfferableTools`) or compiled for this call. */
  tools: AgentTool[] | OfferableTools;
  /** The base prompt: operations it names are always offered. */
  basePrompt: string;
  /** The customer's current message. */
  message: string;
  /** Earlier messages; the last few inform the selection. */
  history: HistoryMessage[];
  /** Tools offered whatever the selection (one whose call is already in the prompt). */
  keep?: AgentTool[];
  /** Offer the knowledge search (the agent has knowledge sources switched on). */
  knowledge?: boolean;
}

const handoffTool = tool({
  description:
    "Hand the conversation to a member of the business's team. Use when the customer asks for a person, or when you cannot help them.",
  inputSchema: jsonSchema<{ reason: string }>({
    type: 'object',
    properties: {
      reason: { type: 'string', description: 'Why the customer needs a person, in a few words.' },
    },
    required: ['reason'],
    additionalProperties: false,
  }),
});

/**
 * The knowledge search, offered like the hand-off tool: a hosted model decides when to search (API
 * data first) and what to ask, and reads the passages with their titles and links; the built-in
 * engine calls it when no operation answers. One tool serves both and the trace shows each search.
 * The turn runs it itself (`execute` only for the eval, which runs no turn).
 */
export function createKnowledgeTool(execute?: (input: { query: string }) => Promise<JSONValue>): Tool {
  const definition = {
    description:
      "Search the business's own help articles, web pages and FAQs. Use for questions about policies (shipping, returns, warranty, payment), how to do something, and anything no other tool answers. Returns the most relevant passages with their source's title and link, or none.",
    inputSchema: jsonSchema<{ query: string }>({
      type: 'object',
      properties: {
        query: { type: 'string', description: "The customer's question, in their words." },
      },
      required: ['query'],
      additionalProperties: false,
    }),
  };
  return execute ? tool({ ...definition, execute }) : tool(definition);
}

const knowledgeTool = createKnowledgeTool();

/** Tools compiled once for offering: their names, and the callable ones compiled for selection. */
export interface OfferableTools {
  /** The tools compiled. */
  tools: AgentTool[];
  /** The name and description each callable tool is offered under (a duplicate has none). */
  names: Map<AgentTool, OfferedName>;
  /** The callable, named operations, with their selection index. */
  selection: ToolCatalog;
  /** The tool behind each of `selection`'s operations. */
  owners: Map<ToolDefinition, AgentTool>;
  /** The AI SDK tool each one is offered as, built at its first offer and reused by every later turn. */
  offered: Map<AgentTool, Tool>;
}

/** Compiles `tools` for offering; a holder of the same tools for many turns compiles them once. */
export function compileOfferableTools(tools: AgentTool[]): OfferableTools {
  const names = nameAgentTools(tools);
  // A duplicate (the same operation at the same URL through a second integration) has no name.
  const callable = tools.filter((entry) => entry.tool.callable && names.has(entry));
  return {
    tools,
    names,
    selection: compileToolCatalog(callable.map((entry) => entry.tool)),
    owners: new Map(callable.map((entry) => [entry.tool, entry])),
    offered: new Map(),
  };
}

function compiled(tools: AgentTool[] | OfferableTools): OfferableTools {
  return Array.isArray(tools) ? compileOfferableTools(tools) : tools;
}

/** The name `entry` is offered to the model under (the one a call in the prompt must use). */
export function offeredName(tools: AgentTool[] | OfferableTools, entry: AgentTool): string {
  return compiled(tools).names.get(entry)?.name ?? entry.tool.name;
}

/** Chooses and builds the tools for this turn. */
export function offerTools(options: OfferToolsOptions): OfferedTools {
  const catalog = compiled(options.tools);
  const selected = selectTools({
    tools: catalog.selection,
    query: options.message,
    context: selectionContext(options.history),
    basePrompt: options.basePrompt,
    limit: MAX_OFFERED_OPERATIONS,
  });
  const chosen = (options.keep ?? []).filter((entry) => catalog.names.has(entry));
  for (const definition of selected) {
    const owner = catalog.owners.get(definition) as AgentTool;
    if (!chosen.includes(owner)) chosen.push(owner);
  }

  const toolSet: Record<string, Tool> = { [HANDOFF_TOOL_NAME]: handoffTool };
  if (options.knowledge) toolSet[KNOWLEDGE_TOOL_NAME] = knowledgeTool;
  const byName = new Map<string, AgentTool>();
  for (const entry of chosen) {
    const { name, description } = catalog.names.get(entry)!;
    byName.set(name, entry);
    let offered = catalog.offered.get(entry);
    if (!offered) {
      offered = tool({
        description,
        inputSchema: jsonSchema(entry.tool.inputSchema as Parameters<typeof jsonSchema>[0]),
        // The operation's HTTP shape and response schema, read by the embedded engine; other providers
        // ignore the namespace.
        providerOptions: toolProviderOptions(entry.tool),
      });
      catalog.offered.set(entry, offered);
    }
    toolSet[name] = offered;
  }
  const ranking = offeredRanking(
    catalog.selection,
    [...byName].map(([name, entry]) => [name, entry.tool] as const),
  );
  return { toolSet, byName, ranking };
}
