// Tells the business a conversation needs a person: a POST to the agent's hand-off webhook, if set.
import type { FastifyBaseLogger } from 'fastify';
import { createGuardedFetch } from '../executor/index.js';
import type { Agent, Conversation, Store } from '../store/index.js';

const WEBHOOK_TIMEOUT_MS = 5_000;

/** Options of `notifyHandoff`. */
export interface NotifyHandoffOptions {
  store: Store;
  conversation: Conversation;
  agent: Agent;
  reason: string;
  /** Hosts the webhook may reach although private (`CONCIERGE_ALLOW_HOSTS`). */
  allowHosts: string[];
  log: FastifyBaseLogger;
}

/**
 * POSTs `{event: "conversation.handoff", reason, conversation, agent, messages}` to the agent's
 * webhook through the network guard. Failures are logged, never raised: the hand-off has happened.
 */
export async function notifyHandoff(options: NotifyHandoffOptions): Promise<void> {
  const url = options.agent.handoffWebhookUrl;
  if (!url) return;
  const guarded = createGuardedFetch({ allowHosts: options.allowHosts });
  try {
    const messages = await options.store.conversations.listMessages(options.conversation.id);
    const response = await guarded.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Concierge' },
      body: JSON.stringify({
        event: 'conversation.handoff',
        reason: options.reason,
        conversation: options.conversation,
        agent: { id: options.agent.id, name: options.agent.name, propertyId: options.agent.propertyId },
        messages: messages.map(({ role, text, createdAt }) => ({ role, text, createdAt })),
      }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) options.log.warn(`hand-off webhook POST ${url} answered ${response.status}`);
  } catch (error) {
    const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    options.log.warn(`hand-off webhook POST ${url} failed: ${cause}`);
  } finally {
    await guarded.close();
  }
}
