// Builds the conversation the engine reads after tool calls ran, and writes the reply to it.
import type { EngineTool } from '../../catalog/engine-tool.js';
import type { Conversation } from '../../conversation/read-conversation.js';
import { writeReply } from '../write-reply.js';

/** One call and what came back: `data` for an ok answer, or the executor's failure fields. */
export interface CallResult {
  tool: string;
  input?: Record<string, unknown>;
  data?: unknown;
  /** A failed call: its outcome and the sentences the executor wrote. */
  failure?: { outcome: string; message: string; customerMessage?: string };
  /** The raw tool output instead (an error text, a denied action). */
  raw?: { isError: boolean; value: unknown };
}

/** The reply the engine writes for `say` after `results`, at a fixed time (Saturday, November 21, 2026). */
export function replyTo(
  say: string,
  results: CallResult[],
  tools: EngineTool[] = [],
  history: { role: 'user' | 'assistant'; text: string }[] = [],
): string {
  const conversation: Conversation = {
    system: '',
    turns: [
      ...history.map((turn) => ({ ...turn, toolCalls: [] })),
      { role: 'user', text: say, toolCalls: [] },
      {
        role: 'assistant',
        text: '',
        toolCalls: results.map((result) => ({ toolName: result.tool, input: result.input ?? {} })),
      },
    ],
    toolResults: results.map((result) => ({
      toolName: result.tool,
      input: result.input ?? {},
      ...(result.raw ??
        (result.failure
          ? { isError: false, value: { status: 503, customerMessage: null, ...result.failure } }
          : { isError: false, value: { outcome: 'ok', status: 200, data: result.data } })),
    })),
  };
  return writeReply({ conversation, tools, now: new Date('2026-11-21T12:00:00Z') });
}

/** An engine tool with a path, summary and response schema, as the agent offers it. */
export function engineTool(options: {
  name: string;
  path: string;
  summary: string;
  description?: string;
  method?: 'get' | 'post';
  responseSchema?: Record<string, unknown>;
  input?: Record<string, unknown>;
}): EngineTool {
  return {
    name: options.name,
    description: [options.summary, options.description].filter(Boolean).join('\n\n'),
    inputSchema: { type: 'object', properties: options.input ?? {} },
    operation: {
      method: options.method ?? 'get',
      path: options.path,
      operationId: options.name,
      summary: options.summary,
      tags: [],
      bodyInputs: [],
    },
    ...(options.responseSchema ? { responseSchema: options.responseSchema } : {}),
  };
}
