// Small catalogs for the engine's tests: operations as a model is offered them, and a decision on one
// message.
import type { OperationShape } from '../../tools/index.js';
import type { EngineTool } from '../catalog/engine-tool.js';
import { type Decision, decideTurn } from '../decide-turn.js';

/**
 * An operation of an API: `method path`, named by its operationId, its path parameters required,
 * with these inputs and, where a test needs them, more of its shape (`responseFields`, `bodyInputs`).
 */
export function operation(
  name: string,
  [method, path]: [OperationShape['method'], string],
  description: string,
  properties: Record<string, unknown>,
  shape: Partial<OperationShape> = {},
): EngineTool {
  return {
    name,
    description,
    inputSchema: {
      type: 'object',
      properties,
      required: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
    },
    operation: { method, path, operationId: name, ...shape },
  };
}

/** The decision on one customer message to an agent with these tools and base prompt. */
export function decideMessage(text: string, tools: EngineTool[], system = ''): Decision {
  return decideTurn({ system, turns: [{ role: 'user', text, toolCalls: [] }], toolResults: [] }, tools);
}
