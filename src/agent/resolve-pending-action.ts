// The customer's answer to a proposed write action: on a plain yes claim it and run it once, on a
// plain no drop it; anything else goes to the model with the action in view.
import { randomUUID } from 'node:crypto';
import type { ModelMessage } from 'ai';
import { signInReply } from './arrange-for-customer.js';
import { classifyConfirmation } from './classify-confirmation.js';
import { type OfferableTools, offeredName } from './offer-tools.js';
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
/** Said when another turn has already taken the action on (a repeated or simultaneous yes). */
export const ALREADY_CLAIMED_REPLY = "I've already sent that request, so I won't send it again.";
/** Said when an earlier turn ran the action but its result was never recorded. */
export const UNCERTAIN_REPLY =
  "Sorry, I sent that request earlier but couldn't confirm whether it went through, so I won't send it again. I'm connecting you with a member of our team, who will check and reply here.";

/** What the turn does next. */
export type PendingResolution =
  /**
   * Reply with this fixed text and end the turn (handing over to a person when `handoff` is set; the
   * customer must sign in first when `signIn` is).
   */
  | { type: 'reply'; text: string; handoff?: { reason: string }; signIn?: boolean }
  /**
   * Go on to the model: with the executed call and its result in `messages` (`ran` set), or as a new
   * message, with the unconfirmed action in view (`inView`) when the customer may be amending it.
   */
  | { type: 'continue'; ran?: AgentTool; inView?: { action: PendingAction; agentTool: AgentTool } };

/** Decides on `pending` for `message`; on yes claims it, runs it, and appends the call and its result to `messages`. */
export async function resolvePendingAction(options: {
  pending: PendingAction;
  message: string;
  /** The turn's tools, as this customer may use them. */
  tools: OfferableTools;
  now: Date;
  messages: ModelMessage[];
  run: RunToolCallOptions;
  /** Claims the action before it runs; false when another turn has it. Default: always claimed. */
  claim?: (action: PendingAction) => Promise<boolean>;
  /** Where the customer signs in, when the action needs a signed-in customer and they are not one now. */
  signInUrl?: string | null;
}): Promise<PendingResolution> {
  const { pending, run } = options;
  const record = (decision: 'confirmed' | 'cancelled' | 'expired' | 'superseded' | 'interrupted') =>
    run.recorder.record({ type: 'confirmation-resolved', decision });
  if (pending.claimedAt) {
    record('interrupted');
    const reason = `The confirmed action "${pending.summary}" was sent at ${pending.claimedAt} (Idempotency-Key ${pending.id}) but its result was not recorded: check whether it was done before replying.`;
    return { type: 'reply', text: UNCERTAIN_REPLY, handoff: { reason } };
  }
  const answer = classifyConfirmation(options.message);
  const expired = isExpired(pending, options.now);
  const agentTool = findPendingTool(pending, options.tools.tools);
  if (answer === 'other') {
    record('superseded');
    const amendable = agentTool && !agentTool.signIn && !expired;
    return { type: 'continue', ...(amendable ? { inView: { action: pending, agentTool } } : {}) };
  }
  if (expired) {
    record('expired');
    return { type: 'reply', text: answer === 'yes' ? EXPIRED_REPLY : CANCELLED_REPLY };
  }
  if (answer === 'yes' && agentTool?.signIn) {
    // Proposed to a signed-in customer whose sign-in has ended since: it needs them signed in again.
    record('cancelled');
    return { type: 'reply', text: signInReply(options.signInUrl), signIn: true };
  }
  if (answer === 'no' || !agentTool) {
    record('cancelled');
    return { type: 'reply', text: answer === 'no' ? CANCELLED_REPLY : UNAVAILABLE_REPLY };
  }
  if (options.claim && !(await options.claim(pending))) {
    record('interrupted');
    return { type: 'reply', text: ALREADY_CLAIMED_REPLY };
  }
  record('confirmed');
  const output = await runToolCall(agentTool, pending.args, run, { idempotencyKey: pending.id });
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
