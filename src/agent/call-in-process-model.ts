// A model call to a model that runs in this process (the embedded engine), through its own
// LanguageModelV3 methods: the AI SDK's generic pipeline around them (the prompt validated against
// the SDK's schemas, retries, telemetry, per-step results) costs a chat turn more than it guards
// for a model that reads the prompt the agent built itself and answers without a network.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FunctionTool,
  LanguageModelV3Message,
  LanguageModelV3ToolCall,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import {
  asSchema,
  InvalidToolInputError,
  type LanguageModel,
  type ModelMessage,
  NoSuchToolError,
  type Tool,
} from 'ai';
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

function unsupported(type: string): never {
  throw new Error(`an in-process model call cannot send a ${type} part`);
}

type AssistantPart = Extract<LanguageModelV3Message, { role: 'assistant' }>['content'][number];

/** `message` as the model reads it: what the SDK's conversion gives for the parts a turn writes. */
function toPromptMessage(message: ModelMessage): LanguageModelV3Message {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      return {
        role: 'user',
        content:
          typeof message.content === 'string'
            ? [{ type: 'text', text: message.content }]
            : message.content.flatMap((part) => {
                if (part.type !== 'text') unsupported(part.type);
                return part.text === '' ? [] : [{ type: 'text' as const, text: part.text }];
              }),
      };
    case 'assistant':
      if (typeof message.content === 'string')
        return { role: 'assistant', content: [{ type: 'text', text: message.content }] };
      return {
        role: 'assistant',
        content: message.content.flatMap((part): AssistantPart[] => {
          if (part.type === 'text')
            return part.text === '' && !part.providerOptions
              ? []
              : [{ type: 'text', text: part.text, providerOptions: part.providerOptions }];
          if (part.type !== 'tool-call') return unsupported(part.type);
          const { toolCallId, toolName, input, providerOptions } = part;
          return [{ type: 'tool-call', toolCallId, toolName, input, providerOptions }];
        }),
      };
    case 'tool':
      return {
        role: 'tool',
        content: message.content.map((part) => {
          if (part.type !== 'tool-result' || part.output.type === 'content') unsupported(part.type);
          const { toolCallId, toolName, output, providerOptions } = part;
          return { type: 'tool-result', toolCallId, toolName, output, providerOptions };
        }),
      };
  }
}

/** The offered tools as the model reads them. */
function toFunctionTools(tools: Record<string, Tool>): LanguageModelV3FunctionTool[] {
  return Object.entries(tools).map(([name, tool]) => ({
    type: 'function',
    name,
    description: tool.description,
    inputSchema: asSchema(tool.inputSchema).jsonSchema as LanguageModelV3FunctionTool['inputSchema'],
    providerOptions: tool.providerOptions,
  }));
}

function toCallOptions(options: CallModelOptions): LanguageModelV3CallOptions {
  return {
    prompt: [{ role: 'system', content: options.system }, ...options.messages.map(toPromptMessage)],
    tools: toFunctionTools(options.tools),
    toolChoice: { type: options.toolChoice },
    abortSignal: options.signal,
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
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
        cause,
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
  const callOptions = toCallOptions(options);
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
  const reader = (await model.doStream(callOptions)).stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const part = read.value;
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
