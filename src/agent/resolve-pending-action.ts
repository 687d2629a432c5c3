// The customer's answer to a proposed write action: run it on yes, drop it on no, on expiry or on a
// new topic.
import { randomUUID } from 'node:crypto';
import type { ModelMessage } from 'ai';
import { classifyConfirmation } from './classify-confirmation.js';
import { offeredName } from './offer-tools.js';
import { findPendingTool, isExpired, type PendingAction } from './pending-action.js';
import { type RunToolCallOptions, runToolCall } from './run-tool-call.js';
import type { AgentTool } from './run-turn-options.js';

/** Said when the customer declines. */
export const CANCELLED_REPLY = "OK, I won't do that.";
/** Said when the customer says yes too late. */
export const EXPIRED_REPLY =
  "Sorry, that confirmation has expired, so I haven't done it. Please ask again if you still want it.";
/** Said when the action's tool was switched off since it was proposed. */
export const UNAVAILABLE_REPLY = "Sorry, I can't do that any more. Is there anything else I can help with?";

/** What the turn does next. */
export type PendingResolution =
  /** Reply with this fixed text and end the turn. */
  | { type: 'reply'; text: string }
  /** Go on to the model: with the executed call and its result in `messages` (`ran` set), or as a new message. */
  | { type: 'continue'; ran?: AgentTool };

/** Decides on `pending` for `message`; on yes runs it and appends the call and its result to `messages`. */
export async function resolvePendingAction(options: {
  pending: PendingAction;
  message: string;
  tools: AgentTool[];
  now: Date;
  messages: ModelMessage[];
  run: RunToolCallOptions;
}): Promise<PendingResolution> {
  const { pending, run } = options;
  const answer = classifyConfirmation(options.message);
  const record = (decision: 'confirmed' | 'cancelled' | 'expired') =>
    run.recorder.record({ type: 'confirmation-resolved', decision });
  if (answer === 'other') {
    record('expired');
    return { type: 'continue' };
  }
  if (isExpired(pending, options.now)) {
    record('expired');
    return { type: 'reply', text: answer === 'yes' ? EXPIRED_REPLY : CANCELLED_REPLY };
  }
  const agentTool = findPendingTool(pending, options.tools);
  if (answer === 'no' || !agentTool) {
    record('cancelled');
    return { type: 'reply', text: answer === 'no' ? CANCELLED_REPLY : UNAVAILABLE_REPLY };
  }
  record('confirmed');
  const output = await runToolCall(agentTool, pending.args, run);
  const toolCallId = `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const toolName = offeredName(options.tools, agentTool);
  options.messages.push(
    { role: 'assistant', content: [{ type: 'tool-call', toolCallId, toolName, input: pending.args }] },
    {
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId, toolName, output: { type: 'json', value: output } }],
    },
  );
  return { type: 'continue', ran: agentTool };
}
