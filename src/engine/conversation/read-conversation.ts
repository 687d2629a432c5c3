// Reads the AI SDK prompt back into a conversation: base prompt, visible turns, and the tool results
// that came after the customer's last message.
import type { LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from '@ai-sdk/provider';

/** A tool call the assistant made, as visible in the history. */
export interface VisibleToolCall {
  toolName: string;
  input: unknown;
}

/** One user or assistant message as text, with the assistant's tool calls. */
export interface Turn {
  role: 'user' | 'assistant';
  text: string;
  toolCalls: VisibleToolCall[];
}

/** The output of one tool call, read from a tool-result part. */
export interface ToolResultView {
  toolName: string;
  /** The input the tool was called with (from the matching tool-call part), when present. */
  input: unknown;
  /** True when the result is an error output or was denied. */
  isError: boolean;
  /** The JSON value, or the text for text outputs. */
  value: unknown;
}

/** The prompt as the engine reasons about it. */
export interface Conversation {
  /** All system messages joined: the base prompt and built-in rules. */
  system: string;
  turns: Turn[];
  /** Tool results after the last user message, oldest first (empty when the customer spoke last). */
  toolResults: ToolResultView[];
}

function readOutput(output: LanguageModelV3ToolResultOutput): Pick<ToolResultView, 'isError' | 'value'> {
  switch (output.type) {
    case 'json':
    case 'text':
      return { isError: false, value: output.value };
    case 'error-json':
    case 'error-text':
      return { isError: true, value: output.value };
    case 'execution-denied':
      return { isError: true, value: { outcome: 'denied', message: output.reason } };
    default:
      return {
        isError: false,
        value: output.value.map((part) => ('text' in part ? part.text : '')).join('\n'),
      };
  }
}

/** Reads `prompt` into a conversation. */
export function readConversation(prompt: LanguageModelV3Prompt): Conversation {
  const system: string[] = [];
  const turns: Turn[] = [];
  let toolResults: ToolResultView[] = [];
  const inputs = new Map<string, unknown>();
  for (const message of prompt) {
    if (message.role === 'system') {
      system.push(message.content);
      continue;
    }
    if (message.role === 'user') {
      const text = message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
      turns.push({ role: 'user', text, toolCalls: [] });
      toolResults = [];
      continue;
    }
    if (message.role === 'assistant') {
      const text = message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
      const toolCalls: VisibleToolCall[] = [];
      for (const part of message.content) {
        if (part.type !== 'tool-call') continue;
        inputs.set(part.toolCallId, part.input);
        toolCalls.push({ toolName: part.toolName, input: part.input });
      }
      turns.push({ role: 'assistant', text, toolCalls });
    }
    for (const part of message.content) {
      if (part.type !== 'tool-result') continue;
      toolResults.push({
        toolName: part.toolName,
        input: inputs.get(part.toolCallId),
        ...readOutput(part.output),
      });
    }
  }
  return { system: system.join('\n\n'), turns, toolResults };
}
