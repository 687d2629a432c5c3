// What a model is handed about an operation beyond its name, description and input schema: the HTTP
// shape (for choosing) and the success response's schema (for writing the answer), in the tool's
// provider options under the `concierge` namespace, which hosted providers ignore.
import type { JSONValue } from '@ai-sdk/provider';
import type { JsonSchema, ToolDefinition } from '../openapi/index.js';
import { OPERATION_SHAPE_KEY, shapeOf, shapeProviderOptions } from './ranking/index.js';

/** The key of the response schema inside the `concierge` provider options. */
export const RESPONSE_SCHEMA_KEY = 'responseSchema';

/** The provider options of an offered operation: its shape and, when it has one, its response schema. */
export function toolProviderOptions(tool: ToolDefinition): {
  [OPERATION_SHAPE_KEY]: Record<string, JSONValue>;
} {
  const options = shapeProviderOptions(shapeOf(tool));
  if (tool.responseSchema)
    options[OPERATION_SHAPE_KEY][RESPONSE_SCHEMA_KEY] = tool.responseSchema as JSONValue;
  return options;
}

/** The response schema carried in a tool's provider options; undefined when absent or not an object. */
export function readResponseSchema(providerOptions: unknown): JsonSchema | undefined {
  if (!providerOptions || typeof providerOptions !== 'object') return undefined;
  const namespace = (providerOptions as Record<string, unknown>)[OPERATION_SHAPE_KEY];
  if (!namespace || typeof namespace !== 'object') return undefined;
  const schema = (namespace as Record<string, unknown>)[RESPONSE_SCHEMA_KEY];
  return schema && typeof schema === 'object' && !Array.isArray(schema) ? (schema as JsonSchema) : undefined;
}
