// Sets an operation's idempotency-key inputs at send time: nobody is asked for a key, and one action
// carries one key however often it is sent.
import type { ToolDefinition } from '../tools/index.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `key` cut to `maxLength` when the schema allows less: dashes out first, then the end (still stable per key). */
function fitKey(key: string, maxLength: number | undefined): string {
  if (maxLength === undefined || key.length <= maxLength) return key;
  return key.replace(/[^0-9A-Za-z]/g, '').slice(0, maxLength);
}

/**
 * `args` with every idempotency-key input of `tool` set to `key`, whatever they held (a model's
 * invented key is never sent). `args` itself when the tool has none.
 */
export function fillIdempotencyKeys(
  tool: ToolDefinition,
  args: Record<string, unknown>,
  key: string,
): Record<string, unknown> {
  const inputs = tool.idempotencyKeys ?? [];
  if (inputs.length === 0) return args;
  const filled: Record<string, unknown> = { ...args };
  for (const input of inputs) {
    const value = fitKey(key, input.maxLength);
    if (input.property === undefined) filled[input.inputName] = value;
    else {
      const holder = filled[input.inputName];
      filled[input.inputName] = { ...(isRecord(holder) ? holder : {}), [input.property]: value };
    }
  }
  return filled;
}
