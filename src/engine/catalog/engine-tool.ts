// The engine's view of one tool: exactly what the AI SDK hands a model in its call options, with the
// operation's HTTP shape when the agent layer passed it in the tool's provider options.
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { type OperationShape, readOperationShape, readResponseSchema } from '../../tools/index.js';

/** A JSON Schema node as read by the engine (draft 2020-12 / OpenAPI 3.x vocabulary). */
export type SchemaNode = { [key: string]: unknown };

/** One function tool offered to the model. */
export interface EngineTool {
  /** The tool name to call it by. */
  name: string;
  /** What the tool does and when to use it; empty when the tool has none. */
  description: string;
  /** The JSON Schema of the tool's input (an object schema). */
  inputSchema: SchemaNode;
  /** Method, path, operationId and tags, when the caller passed them. */
  operation?: OperationShape;
  /** The JSON Schema of the operation's success response, when the caller passed it. */
  responseSchema?: SchemaNode;
}

/** The function tools among the call options' tools (provider-defined tools are ignored). */
export function readTools(tools: LanguageModelV3CallOptions['tools']): EngineTool[] {
  const result: EngineTool[] = [];
  for (const tool of tools ?? []) {
    if (tool.type !== 'function') continue;
    const operation = readOperationShape(tool.providerOptions);
    const responseSchema = readResponseSchema(tool.providerOptions);
    result.push({
      name: tool.name,
      description: tool.description ?? '',
      inputSchema: (tool.inputSchema ?? {}) as SchemaNode,
      ...(operation ? { operation } : {}),
      ...(responseSchema ? { responseSchema: responseSchema as SchemaNode } : {}),
    });
  }
  return result;
}
