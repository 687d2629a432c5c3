// Runs one tool call through the executor (or refuses it), records it, and returns what the model
// reads: the data, or a sentence saying why there is none.
import type { JSONValue } from 'ai';
import type { Executor, ToolCallOutcome, ToolCallResult } from '../executor/index.js';
import type { CustomerIdentity } from '../tools/index.js';
import type { AgentTool } from './run-turn-options.js';
import type { TurnRecorder } from './turn-recorder.js';

/** Characters of response kept in the trace and the `tool-call-end` event. */
export const MAX_EXCERPT_CHARS = 500;

/** Where a call goes and who makes it. */
export interface RunToolCallOptions {
  executor: Executor;
  recorder: TurnRecorder;
  agentId?: string;
  conversationId?: string;
  signal?: AbortSignal;
  /** The verified customer whose claims fill bound inputs; null for an anonymous visitor. */
  customer?: CustomerIdentity | null;
}

function cut(text: string): string {
  return text.length > MAX_EXCERPT_CHARS ? `${text.slice(0, MAX_EXCERPT_CHARS - 1)}…` : text;
}

/** The data when the model can read all of it, else the executor's budgeted text (which says what was cut). */
function readableData(result: ToolCallResult): unknown {
  const whole = typeof result.data === 'string' ? result.data : JSON.stringify(result.data);
  return whole === result.modelText ? (result.data ?? null) : result.modelText;
}

/** What the model reads for `result`: `{outcome, status, data}` or `{outcome, status, message, customerMessage}`. */
export function toModelOutput(result: ToolCallResult): JSONValue {
  if (result.outcome === 'ok')
    return { outcome: 'ok', status: result.status ?? null, data: readableData(result) } as JSONValue;
  return {
    outcome: result.outcome,
    status: result.status ?? null,
    message: result.modelText,
    customerMessage: result.customerMessage ?? null,
  };
}

/**
 * Executes `agentTool` with `args`: emits start and end events, records the step, returns the model's
 * view. A confirmed action passes its `idempotencyKey`.
 */
export async function runToolCall(
  agentTool: AgentTool,
  args: unknown,
  options: RunToolCallOptions,
  call: { idempotencyKey?: string } = {},
): Promise<JSONValue> {
  const { recorder } = options;
  const { tool, integration } = agentTool;
  recorder.emit({ type: 'tool-call-start', tool: tool.name, args });
  const identity = agentTool.identity;
  const result = await options.executor.executeToolCall({
    // The model saw `tool` (bound inputs hidden); the executor sends the whole operation.
    tool: agentTool.sent ?? tool,
    args,
    integration,
    agentId: options.agentId,
    conversationId: options.conversationId,
    signal: options.signal,
    idempotencyKey: call.idempotencyKey,
    ...(identity
      ? {
          identity: {
            customer: options.customer ?? null,
            inputs: identity.inputs,
            headers: identity.headers,
          },
        }
      : {}),
  });
  const excerpt = cut(result.log.responseExcerpt ?? result.modelText);
  recorder.record({
    type: 'tool-call',
    tool: tool.name,
    operationId: tool.operationId,
    integrationId: integration.id,
    args,
    status: result.status,
    outcome: result.outcome,
    durationMs: result.durationMs,
    responseExcerpt: excerpt,
    ...(result.log.error ? { error: cut(result.log.error) } : {}),
    ...(call.idempotencyKey ? { idempotencyKey: call.idempotencyKey } : {}),
    ...(result.log.identity ? { identity: result.log.identity } : {}),
  });
  recorder.emit({
    type: 'tool-call-end',
    tool: tool.name,
    outcome: result.outcome,
    status: result.status,
    durationMs: result.durationMs,
    excerpt,
  });
  if (result.outcome === 'ok') recorder.addSource(tool.name);
  return toModelOutput(result);
}

/** Records a call that cannot be made (a tool the agent does not offer, unreadable arguments). */
export function refuseToolCall(options: {
  recorder: TurnRecorder;
  toolName: string;
  args: unknown;
  reason: string;
}): JSONValue {
  const { recorder, toolName, args, reason } = options;
  const outcome: ToolCallOutcome = 'invalid-arguments';
  recorder.emit({ type: 'tool-call-start', tool: toolName, args });
  recorder.record({
    type: 'tool-call',
    tool: toolName,
    args,
    outcome,
    durationMs: 0,
    responseExcerpt: cut(reason),
    error: cut(reason),
  });
  recorder.emit({ type: 'tool-call-end', tool: toolName, outcome, durationMs: 0, excerpt: cut(reason) });
  return { outcome, status: null, message: reason, customerMessage: null };
}
