// The knowledge search's results in the conversation: which tool results came from it, and their
// passages, read back from the JSON the agent layer gave the model.
import type { EngineTool } from '../catalog/engine-tool.js';
import type { Conversation } from '../conversation/read-conversation.js';

/** The tool name the agent layer offers the knowledge search under. */
export const KNOWLEDGE_TOOL_NAME = 'search_knowledge';

/** One passage the search returned. */
export interface FoundPassage {
  /** The title of its document. */
  source: string;
  /** The headings above it, when any. */
  section: string | null;
  url: string | null;
  text: string;
  /** 0 to 1: the share of the question's meaning it holds. */
  relevance: number;
}

/** The conversation and tools without the knowledge search, and what it found this turn. */
export interface KnowledgeView {
  /** The knowledge search tool, when offered. */
  tool?: EngineTool;
  /** Searches made since the customer's message, with their passages (none: nothing covers it). */
  searches: FoundPassage[][];
  conversation: Conversation;
  tools: EngineTool[];
}

function readPassages(value: unknown): FoundPassage[] {
  const passages = (value as { passages?: unknown })?.passages;
  if (!Array.isArray(passages)) return [];
  return passages.flatMap((entry): FoundPassage[] => {
    const passage = entry as Partial<FoundPassage>;
    if (typeof passage.text !== 'string' || typeof passage.source !== 'string') return [];
    return [
      {
        source: passage.source,
        section: typeof passage.section === 'string' ? passage.section : null,
        url: typeof passage.url === 'string' ? passage.url : null,
        text: passage.text,
        relevance: typeof passage.relevance === 'number' ? passage.relevance : 0,
      },
    ];
  });
}

/** Separates the knowledge search from the operations and its results from theirs. */
export function readKnowledgeResults(conversation: Conversation, tools: EngineTool[]): KnowledgeView {
  const tool = tools.find((entry) => entry.name === KNOWLEDGE_TOOL_NAME);
  const searches = conversation.toolResults
    .filter((result) => result.toolName === KNOWLEDGE_TOOL_NAME)
    .map((result) => (result.isError ? [] : readPassages(result.value)));
  // The assistant's turns that only searched come after the customer's message: without them the
  // engine reads the conversation as the customer left it.
  const turns = [...conversation.turns];
  while (
    turns.length > 0 &&
    turns[turns.length - 1].role === 'assistant' &&
    !turns[turns.length - 1].text.trim() &&
    turns[turns.length - 1].toolCalls.length > 0 &&
    turns[turns.length - 1].toolCalls.every((call) => call.toolName === KNOWLEDGE_TOOL_NAME)
  )
    turns.pop();
  return {
    ...(tool ? { tool } : {}),
    searches,
    conversation: {
      ...conversation,
      turns,
      toolResults: conversation.toolResults.filter((result) => result.toolName !== KNOWLEDGE_TOOL_NAME),
    },
    tools: tools.filter((entry) => entry !== tool),
  };
}
