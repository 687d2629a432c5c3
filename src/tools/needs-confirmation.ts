// Whether the agent must ask the customer before calling an operation.
import type { ToolDefinition } from '../openapi/index.js';

/**
 * The operation's default: what its schema says (`needsConfirmation`, compiled from the method,
 * `x-openai-isConsequential` and `x-concierge-safe`), or, for catalogs compiled before that field
 * existed, every operation that does not only read.
 */
export function defaultNeedsConfirmation(tool: ToolDefinition): boolean {
  return tool.needsConfirmation ?? !tool.readOnly;
}
