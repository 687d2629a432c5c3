// Finds the customer messages a crash left without a reply and answers them, or hands them to a
// person with a note when that fails. Every server runs it on start and then now and then; the turn
// lease makes sure one message is recovered by one server once.
import type { FastifyBaseLogger } from 'fastify';
import { DEFAULT_TURN_LEASE_MS, tryHoldTurn } from './hold-turn.js';
import { answerMessage, type ConversationTurnContext } from './run-conversation-turn.js';

/** Said to the customer when a message left by a crash could not be answered afterwards either. */
export const RECOVERY_HANDOVER_REPLY =
  "Sorry for the wait. I'm connecting you with a member of our team, who will reply here as soon as they can.";

/** The hand-off reason when a message left by a crash could not be answered afterwards. */
const UNRECOVERED_REASON = 'a message left unanswered by a restart could not be answered';

/** What one sweep did. */
export interface RecoveryReport {
  /** Messages answered by the agent (or left to a person who had meanwhile taken the conversation). */
  answered: number;
  /** Messages handed to a person with a note. */
  handedOver: number;
  /** Messages another turn was holding; the next sweep looks again. */
  skipped: number;
}

/** Answers (or hands over) up to `limit` orphaned messages, oldest first. */
export async function recoverUnanswered(
  context: ConversationTurnContext,
  options: { log?: FastifyBaseLogger; limit?: number } = {},
): Promise<RecoveryReport> {
  const { store } = context;
  const leaseMs = context.turnLeaseMs ?? DEFAULT_TURN_LEASE_MS;
  const report: RecoveryReport = { answered: 0, handedOver: 0, skipped: 0 };
  for (const message of await store.conversations.listOrphanedMessages({ limit: options.limit })) {
    const lease = await tryHoldTurn({
      store,
      conversationId: message.conversationId,
      messageId: message.id,
      leaseMs,
    });
    if (!lease) {
      report.skipped += 1;
      continue;
    }
    try {
      await answerMessage(context, {
        lease,
        message,
        leadingSteps: [{ type: 'recovered', messageAt: message.createdAt }],
        onFailure: {
          handover: (error) => ({
            reply: RECOVERY_HANDOVER_REPLY,
            note: `This message was left unanswered when the server stopped, and could not be answered afterwards (${(error as Error).message}). Please reply to the customer.`,
            reason: UNRECOVERED_REASON,
          }),
        },
      });
      report.answered += 1;
    } catch (error) {
      report.handedOver += 1;
      options.log?.warn(
        `message ${message.id} handed to a person after a restart: ${(error as Error).message}`,
      );
      const conversation = await store.conversations.get(message.conversationId).catch(() => undefined);
      const agent = conversation && (await store.agents.get(conversation.agentId).catch(() => undefined));
      if (conversation?.status === 'waiting-for-human' && agent)
        context.onHandoff?.(conversation, agent, UNRECOVERED_REASON);
    }
  }
  return report;
}

/** Runs `recoverUnanswered` now and every `intervalMs`, one sweep at a time; `stop` waits for the current one. */
export function startRecovery(
  context: ConversationTurnContext,
  options: { intervalMs: number; log?: FastifyBaseLogger },
): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const sweep = () => {
    if (busy) return;
    busy = true;
    running = recoverUnanswered(context, { log: options.log })
      .catch((error: Error) => options.log?.warn(`recovery of unanswered messages failed: ${error.message}`))
      .finally(() => {
        busy = false;
      });
  };
  sweep();
  const timer = setInterval(sweep, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
