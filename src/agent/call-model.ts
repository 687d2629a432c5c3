// One call to the language model, streamed or not, read into text and tool calls the same way for
// every provider.
import {
  generateText,
  type LanguageModel,
  type ModelMessage,
  type ProviderMetadata,
  streamText,
  type Tool,
} from 'ai';
import type { OfferedRanking } from '../tools/index.js';
import { callInProcessModel, isInProcessModel } from './call-in-process-model.js';

/** A tool call the model asked for. */
export interface ModelToolCall {
  /** The provider's id for the call, echoed with its result. */
  toolCallId: string;
  /** The name the model used (an offered name, or one it made up). */
  toolName: string;
  /** The parsed arguments (the raw text when they did not parse). */
  input: unknown;
  /** Why the SDK could not accept the call: unknown tool or unparsable arguments. */
  invalidReason?: string;
  /** Provider metadata to send back with the call in the next request. */
  providerOptions?: ProviderMetadata;
}

/** What one model call produced. */
export interface ModelCallOutput {
  /** All text the model wrote in this call. */
  text: string;
  /** The tool calls it asked for, in its order. */
  toolCalls: ModelToolCall[];
  /** The SDK's unified finish reason (`stop`, `tool-calls`, `length`...). */
  finishReason: string;
  /** Prompt tokens, when reported. */
  inputTokens?: number;
  /** Generated tokens, when reported. */
  outputTokens?: number;
}

/** One model call's inputs. */
export interface CallModelOptions {
  /** The model to call. */
  model: LanguageModel;
  /** The system prompt (base prompt and rules). */
  system: string;
  /** History, the current message, and this turn's tool calls and results. */
  messages: ModelMessage[];
  /** The offered tools, by name. */
  tools: Record<string, Tool>;
  /** `none` when the tool steps are used up and the model must answer. */
  toolChoice: 'auto' | 'none';
  /** Sampling temperature; the provider's default when absent. */
  temperature?: number;
  /** Stream the response (text arrives piece by piece). */
  stream: boolean;
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Receives the text as it is generated (once, whole, when not streaming). */
  onText: (delta: string) => void;
  /**
   * The catalog the tools were offered from: passed to a model that runs in this process (the
   * embedded engine ranks the offered operations against it), never to a provider.
   */
  ranking?: OfferedRanking;
}

// One retry covers a dropped connection or a 5xx; the customer is waiting, so no more.
const MAX_RETRIES = 1;

function readToolCall(part: {
  toolCallId: string;
  toolName: string;
  input: unknown;
  invalid?: boolean;
  error?: unknown;
  providerMetadata?: ProviderMetadata;
}): ModelToolCall {
  const call: ModelToolCall = { toolCallId: part.toolCallId, toolName: part.toolName, input: part.input };
  if (part.invalid)
    call.invalidReason = part.error instanceof Error ? part.error.message : 'invalid tool call';
  if (part.providerMetadata) call.providerOptions = part.providerMetadata;
  return call;
}

/** Calls the model once; throws the provider's error when the call fails. */
export async function callModel(options: CallModelOptions): Promise<ModelCallOutput> {
  if (isInProcessModel(options.model)) return callInProcessModel(options.model, options);
  const settings = {
    model: options.model,
    system: options.system,
    messages: options.messages,
    tools: options.tools,
    toolChoice: options.toolChoice,
    maxRetries: MAX_RETRIES,
    abortSignal: options.signal,
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
  };
  if (!options.stream) {
    const result = await generateText(settings);
    if (result.text) options.onText(result.text);
    return {
      text: result.text,
      toolCalls: result.toolCalls.map(readToolCall),
      finishReason: result.finishReason,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
    };
  }
  const output: ModelCallOutput = { text: '', toolCalls: [], finishReason: 'other' };
  // Errors arrive as stream parts and are thrown below; the default handler would only log them.
  const result = streamText({ ...settings, onError: () => {} });
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') {
      output.text += part.text;
      options.onText(part.text);
    } else if (part.type === 'tool-call') output.toolCalls.push(readToolCall(part));
    else if (part.type === 'finish-step') {
      output.finishReason = part.finishReason;
      output.inputTokens = part.usage.inputTokens;
      output.outputTokens = part.usage.outputTokens;
    } else if (part.type === 'error') throw part.error;
    else if (part.type === 'abort') throw Object.assign(new Error('aborted'), { name: 'AbortError' });
  }
  return output;
}
