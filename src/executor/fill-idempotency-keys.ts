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

/** Whether the model sees nothing to fill in the object input `inputName` (its keys are hidden). */
function holdsOnlyKeys(tool: ToolDefinition, inputName: string): boolean {
  const properties = isRecord(tool.inputSchema.properties) ? tool.inputSchema.properties : {};
  const shown = properties[inputName];
  return !isRecord(shown) || !isRecord(shown.properties) || Object.keys(shown.properties).length === 0;
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
      if (isRecord(holder)) filled[input.inputName] = { ...holder, [input.property]: value };
      // An object left out is made only when the key is all it holds: else the API gets a half object.
      else if (holder === undefined && holdsOnlyKeys(tool, input.inputName))
        filled[input.inputName] = { [input.property]: value };
    }
  }
  return filled;
}

/**
 * `args` without the values a model put in `tool`'s idempotency-key inputs (hidden from it, so they
 * would fail a closed schema); `args` itself when there are none.
 */
export function dropIdempotencyKeys(tool: ToolDefinition, args: unknown): unknown {
  const inputs = tool.idempotencyKeys ?? [];
  if (inputs.length === 0 || !isRecord(args)) return args;
  const kept: Record<string, unknown> = { ...args };
  for (const input of inputs) {
    const holder = kept[input.inputName];
    if (input.property === undefined) delete kept[input.inputName];
    else if (isRecord(holder) && input.property in holder) {
      const { [input.property]: _dropped, ...rest } = holder;
      kept[input.inputName] = rest;
    }
  }
  return kept;
}
