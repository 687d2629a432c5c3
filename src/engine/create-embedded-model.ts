// The embedded engine as an AI SDK language model (LanguageModelV3): the agent's loop, tools,
// confirmation and traces run unchanged whichever model is behind them.
import { randomUUID } from 'node:crypto';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3Message,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { type OfferedRanking, OPERATION_SHAPE_KEY } from '../tools/index.js';
import { type EngineTool, readTools } from './catalog/engine-tool.js';
import { readConversation } from './conversation/read-conversation.js';
import { type DecidedCall, type Decision, decideTurn } from './decide-turn.js';

/** Options of the embedded model. */
export interface EmbeddedModelOptions {
  /** The model id reported in traces; defaults to `concierge-embedded`. */
  modelId?: string;
}

/** Whether the UTF-16 code unit is whitespace as `\s` reads it. */
function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The words of `text` (runs of non-space), counted without splitting it: the prompt is long. */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Most of a prompt is printable ASCII: decided in two comparisons.
    const space = code > 32 && code < 0xa0 ? false : isSpace(code);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

type CallTool = NonNullable<LanguageModelV3CallOptions['tools']>[number];

/**
 * The engine's view of each call option's tool, kept per tool object: the agent passes the same
 * objects at every call (they are never changed once offered), so each is read once and the ranking
 * finds its catalog index by the tools' identity instead of hashing their contents at each call.
 */
const engineTools = new WeakMap<CallTool, EngineTool | null>();

function readToolsKept(tools: LanguageModelV3CallOptions['tools']): EngineTool[] {
  const result: EngineTool[] = [];
  for (const tool of tools ?? []) {
    let read = engineTools.get(tool);
    if (read === undefined) {
      read = readTools([tool])[0] ?? null;
      engineTools.set(tool, read);
    }
    if (read) result.push(read);
  }
  return result;
}

function decide(options: LanguageModelV3CallOptions): Decision {
  const choice = options.toolChoice ?? { type: 'auto' };
  let tools = choice.type === 'none' ? [] : readToolsKept(options.tools);
  if (choice.type === 'tool') tools = tools.filter((tool) => tool.name === choice.toolName);
  return decideTurn(readConversation(options.prompt), tools, offeredRankingOf(options));
}

/**
 * The catalog the agent offered the tools from (`providerOptions.concierge.ranking`), which only a
 * caller in this process can pass: an object, never sent anywhere.
 */
function offeredRankingOf(options: LanguageModelV3CallOptions): OfferedRanking | undefined {
  const ranking = (options.providerOptions?.[OPERATION_SHAPE_KEY] as { ranking?: unknown } | undefined)
    ?.ranking;
  if (typeof ranking !== 'object' || ranking === null) return undefined;
  const { index, positions } = ranking as Partial<OfferedRanking>;
  return index && positions instanceof Map ? { index, positions } : undefined;
}

/** The words of each system prompt's JSON: an agent's is the same at every call, and most of the prompt. */
const systemWords = new Map<string, number>();
const MAX_SYSTEM_PROMPTS = 64;

/**
 * The words of each text message's JSON, by role and text: the conversation's earlier messages come
 * again at every call of every later turn (40 of them in a long conversation).
 */
const textWords = { user: new Map<string, number>(), assistant: new Map<string, number>() };
const MAX_TEXTS = 2048;

/** Whether `value`'s own keys are `keys` in that order, `optional` last when present and undefined. */
function hasKeys(value: object, keys: readonly string[], optional: string): boolean {
  const own = Object.keys(value);
  if (own.length === keys.length + 1) {
    if (own[keys.length] !== optional || (value as Record<string, unknown>)[optional] !== undefined)
      return false;
  } else if (own.length !== keys.length) return false;
  for (let index = 0; index < keys.length; index++) if (own[index] !== keys[index]) return false;
  return true;
}

const MESSAGE_KEYS = ['role', 'content'];
const TEXT_KEYS = ['type', 'text'];

/**
 * The text of a user or assistant message of one text part, as the SDK converts a string message
 * (`{role, content: [{type: 'text', text}]}`, provider options unset), whose JSON is known from it.
 */
function onlyText(message: LanguageModelV3Message): string | undefined {
  if (message.role !== 'user' && message.role !== 'assistant') return undefined;
  const { content } = message;
  if (content.length !== 1 || !hasKeys(message, MESSAGE_KEYS, 'providerOptions')) return undefined;
  const part = content[0];
  if (part.type !== 'text' || !hasKeys(part, TEXT_KEYS, 'providerOptions')) return undefined;
  return part.text;
}

/** The words of `message`'s JSON; a system message's counted once per text, a text message's once per text. */
function messageWords(message: LanguageModelV3Message): number {
  if (message.role !== 'system' || message.providerOptions !== undefined) {
    const text = onlyText(message);
    if (text === undefined) return countWords(JSON.stringify(message));
    const known = textWords[message.role as 'user' | 'assistant'];
    let words = known.get(text);
    if (words === undefined) {
      words = countWords(JSON.stringify({ role: message.role, content: [{ type: 'text', text }] }));
      if (known.size >= MAX_TEXTS) known.delete(known.keys().next().value as string);
      known.set(text, words);
    }
    return words;
  }
  let words = systemWords.get(message.content);
  if (words === undefined) {
    words = countWords(JSON.stringify({ role: 'system', content: message.content }));
    if (systemWords.size >= MAX_SYSTEM_PROMPTS) systemWords.delete(systemWords.keys().next().value as string);
    systemWords.set(message.content, words);
  }
  return words;
}

/**
 * The words of the prompt's JSON, its input tokens: the messages' JSON joined by commas in brackets,
 * each beginning with `{` and ending with `}`, so a word spans each join (and `[]` is one word).
 */
function promptWords(prompt: LanguageModelV3Prompt): number {
  let words = 1 - prompt.length;
  for (const message of prompt) words += messageWords(message);
  return words;
}

function usageOf(options: LanguageModelV3CallOptions, output: string): LanguageModelV3Usage {
  const input = promptWords(options.prompt);
  const generated = countWords(output);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: generated, text: generated, reasoning: undefined },
  };
}

function callsOf(decision: Decision): DecidedCall[] {
  if (decision.type === 'tool-call') return [decision];
  return decision.type === 'tool-calls' ? decision.calls : [];
}

function contentOf(decision: Decision): LanguageModelV3Content[] {
  if (decision.type === 'text') return [{ type: 'text', text: decision.text }];
  return callsOf(decision).map((call) => ({
    type: 'tool-call',
    toolCallId: `call_${randomUUID()}`,
    toolName: call.toolName,
    input: JSON.stringify(call.input),
  }));
}

function streamPartsOf(content: LanguageModelV3Content[], result: LanguageModelV3GenerateResult) {
  const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  for (const item of content) {
    if (item.type === 'text') {
      const id = `text_${randomUUID()}`;
      parts.push({ type: 'text-start', id });
      // Whole sentences: a part per word costs the stream more than it shows the customer.
      for (const delta of item.text.match(/[^.!?\n]*(?:[.!?]+|\n+|$)\s*/g) ?? [])
        if (delta) parts.push({ type: 'text-delta', id, delta });
      parts.push({ type: 'text-end', id });
    } else if (item.type === 'tool-call') {
      parts.push({ type: 'tool-input-start', id: item.toolCallId, toolName: item.toolName });
      parts.push({ type: 'tool-input-delta', id: item.toolCallId, delta: item.input });
      parts.push({ type: 'tool-input-end', id: item.toolCallId });
      parts.push(item);
    }
  }
  parts.push({ type: 'finish', usage: result.usage, finishReason: result.finishReason });
  return parts;
}

/** The embedded model: a LanguageModelV3 that runs in this process. */
export interface EmbeddedModel extends LanguageModelV3 {
  /** It answers in this process (no network, nothing to retry): the agent calls its methods directly. */
  readonly inProcess: true;
}

/** Creates the embedded offline model. */
export function createEmbeddedModel(options: EmbeddedModelOptions = {}): EmbeddedModel {
  const modelId = options.modelId ?? 'concierge-embedded';
  const generate = async (
    callOptions: LanguageModelV3CallOptions,
  ): Promise<LanguageModelV3GenerateResult> => {
    const decision = decide(callOptions);
    const content = contentOf(decision);
    const output =
      decision.type === 'text'
        ? decision.text
        : callsOf(decision)
            .map((call) => JSON.stringify(call.input))
            .join('\n');
    const finishReason = decision.type === 'text' ? 'stop' : 'tool-calls';
    return {
      content,
      finishReason: { unified: finishReason, raw: finishReason },
      usage: usageOf(callOptions, output),
      response: { id: `response_${randomUUID()}`, modelId, timestamp: new Date() },
      warnings: [],
    };
  };
  return {
    specificationVersion: 'v3',
    provider: 'concierge.embedded',
    modelId,
    inProcess: true,
    supportedUrls: {},
    doGenerate: generate,
    async doStream(callOptions) {
      const result = await generate(callOptions);
      const parts = streamPartsOf(result.content, result);
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
