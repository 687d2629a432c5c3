// A model call to a model that runs in this process (the embedded engine), through its own
// LanguageModelV3 methods: the AI SDK's generic pipeline around them (the prompt validated against
// the SDK's schemas, retries, telemetry, per-step results) costs a chat turn more than it guards
// for a model that reads the prompt the agent built itself and answers without a network.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FunctionTool,
  LanguageModelV3ProviderTool,
  LanguageModelV3StreamPart,
  LanguageModelV3ToolCall,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import {
  InvalidToolInputError,
  JSONParseError,
  type JSONValue,
  type LanguageModel,
  NoSuchToolError,
  type Tool,
} from 'ai';
import { convertToLanguageModelPrompt, prepareToolsAndToolChoice } from 'ai/internal';
import { OPERATION_SHAPE_KEY } from '../tools/index.js';
import type { CallModelOptions, ModelCallOutput, ModelToolCall } from './call-model.js';

/** A language model that runs in this process and says so (`inProcess`): called without the SDK's pipeline. */
export interface InProcessModel extends LanguageModelV3 {
  /** Set by a model that answers in this process, with no network and nothing to retry. */
  readonly inProcess: true;
}

/** Whether `model` runs in this process. */
export function isInProcessModel(model: LanguageModel): model is InProcessModel {
  return typeof model === 'object' && (model as Partial<InProcessModel>).inProcess === true;
}

/**
 * Each offered tool as the call options carry it, by the tool and the name it is offered under. An
 * agent offers the same tool objects turn after turn (`OfferableTools.offered`), so each is converted
 * once, and the model sees the same object at every call: the embedded engine reads each once too.
 */
const convertedTools = new WeakMap<
  Tool,
  Map<string, LanguageModelV3FunctionTool | LanguageModelV3ProviderTool>
>();

/** The SDK's conversion of `tools` (`prepareToolsAndToolChoice`), one tool at a time, each kept. */
async function convertTools(
  tools: Record<string, Tool>,
  toolChoice: CallModelOptions['toolChoice'],
): Promise<Pick<LanguageModelV3CallOptions, 'tools' | 'toolChoice'>> {
  const converted: (LanguageModelV3FunctionTool | LanguageModelV3ProviderTool)[] = [];
  for (const [name, tool] of Object.entries(tools)) {
    let byName = convertedTools.get(tool);
    let entry = byName?.get(name);
    if (!entry) {
      const prepared = await prepareToolsAndToolChoice({
        tools: { [name]: tool },
        toolChoice,
        activeTools: undefined,
      });
      entry = (prepared.tools ?? [])[0];
      if (!byName) {
        byName = new Map();
        convertedTools.set(tool, byName);
      }
      byName.set(name, entry);
    }
    converted.push(entry);
  }
  // What the SDK sends for no tools, and for a tool choice of 'auto' or 'none'.
  if (converted.length === 0)
    return { tools: undefined, toolChoice: toolChoice === 'none' ? { type: 'none' } : undefined };
  return { tools: converted, toolChoice: { type: toolChoice } };
}

/**
 * The call options the SDK would send: its own conversions of the prompt and the tools (`ai/internal`,
 * the SDK's exported building blocks), without what `generateText` adds around them (the prompt's
 * validation against its schemas, retries, telemetry, per-step results).
 */
async function toCallOptions(options: CallModelOptions): Promise<LanguageModelV3CallOptions> {
  return {
    prompt: await convertToLanguageModelPrompt({
      prompt: { system: options.system, messages: options.messages },
      supportedUrls: {},
      download: undefined,
    }),
    ...(await convertTools(options.tools, options.toolChoice)),
    abortSignal: options.signal,
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    // An object for the model in this process, not JSON for a provider.
    ...(options.ranking
      ? { providerOptions: { [OPERATION_SHAPE_KEY]: { ranking: options.ranking as unknown as JSONValue } } }
      : {}),
  };
}

/** A call the model made, read as the SDK reads it: an unknown tool or unparsable input makes it invalid. */
function readToolCall(call: LanguageModelV3ToolCall, tools: Record<string, Tool>): ModelToolCall {
  const read: ModelToolCall = { toolCallId: call.toolCallId, toolName: call.toolName, input: call.input };
  if (call.providerMetadata) read.providerOptions = call.providerMetadata;
  try {
    read.input = call.input.trim() === '' ? {} : JSON.parse(call.input);
  } catch (cause) {
    if (tools[call.toolName])
      read.invalidReason = new InvalidToolInputError({
        toolName: call.toolName,
        toolInput: call.input,
        cause: new JSONParseError({ text: call.input, cause }),
      }).message;
  }
  if (!tools[call.toolName])
    read.invalidReason = new NoSuchToolError({
      toolName: call.toolName,
      availableTools: Object.keys(tools),
    }).message;
  return read;
}

function readUsage(output: ModelCallOutput, usage: LanguageModelV3Usage) {
  output.inputTokens = usage.inputTokens.total;
  output.outputTokens = usage.outputTokens.total;
}

/** Calls `model` once, as `callModel` does through the SDK for other models. */
export async function callInProcessModel(
  model: InProcessModel,
  options: CallModelOptions,
): Promise<ModelCallOutput> {
  const callOptions = await toCallOptions(options);
  const output: ModelCallOutput = { text: '', toolCalls: [], finishReason: 'other' };
  if (!options.stream) {
    const result = await model.doGenerate(callOptions);
    for (const part of result.content) {
      if (part.type === 'text') output.text += part.text;
      else if (part.type === 'tool-call') output.toolCalls.push(readToolCall(part, options.tools));
    }
    if (output.text) options.onText(output.text);
    output.finishReason = result.finishReason.unified;
    readUsage(output, result.usage);
    return output;
  }
  // `for await` cancels the stream when the loop throws (an abort, an error part).
  const stream = (await model.doStream(callOptions))
    .stream as unknown as AsyncIterable<LanguageModelV3StreamPart>;
  for await (const part of stream) {
    if (options.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    if (part.type === 'text-delta') {
      output.text += part.delta;
      options.onText(part.delta);
    } else if (part.type === 'tool-call') output.toolCalls.push(readToolCall(part, options.tools));
    else if (part.type === 'finish') {
      output.finishReason = part.finishReason.unified;
      readUsage(output, part.usage);
    } else if (part.type === 'error') throw part.error;
  }
  return output;
}
