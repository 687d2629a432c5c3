import type { IndexedTool } from '../../tools/index.js';
import { listParameters } from '../catalog/list-parameters.js';

/**
 * Whether an input of the operation holds a value the conversation gave: one that is neither the
 * input's default nor a setting the business's prompt gives and the message does not (a tenant id).
 */
export function filledByMessage(
  entry: IndexedTool,
  input: Record<string, unknown>,
  text: string,
  prompt: string,
): boolean {
  const parameters = listParameters(entry.tool.inputSchema);
  return Object.entries(input).some(
    ([name, value]) =>
      parameters.find((parameter) => parameter.name === name)?.schema.default !== value &&
      !(typeof value === 'string' && prompt.includes(value) && !text.includes(value)),
  );
}
