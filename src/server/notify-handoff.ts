// Tells the business a conversation needs a person: one POST of a queued hand-off to the agent's
// webhook, through the network guard. `deliver-handoffs.ts` decides when, and retries.
import type { Store, WebhookDelivery } from '../store/index.js';

/** Longest wait for the webhook's answer, in ms. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * What one attempt did: delivered, or why not (never the URL, which may carry a secret), with the
 * origin it was sent to, when there was one.
 */
export type HandoffAttempt = { origin?: string } & (
  | { ok: true }
  | { ok: false; error: string; retry: boolean }
);

/** The URL's origin, which is safe to log; the path and query may hold a token. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}

/** The error's own message, or its cause's (undici's `fetch failed` hides the reason there). */
function describeFailure(error: unknown, url: string): string {
  const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message ?? String(error);
  return cause.split(url).join(originOf(url));
}

/**
 * POSTs `{event: "conversation.handoff", deliveryId, reason, conversation, agent, messages}` to the
 * agent's webhook with `fetch` (the guarded one). Receivers may see a delivery twice (a server that
 * stopped after sending but before recording it): `deliveryId` (also the `X-Concierge-Delivery`
 * header) tells them apart.
 */
export async function sendHandoff(options: {
  store: Store;
  delivery: WebhookDelivery;
  fetch: typeof fetch;
}): Promise<HandoffAttempt> {
  const { store, delivery } = options;
  const [agent, conversation] = await Promise.all([
    store.agents.get(delivery.agentId),
    store.conversations.get(delivery.conversationId),
  ]);
  const url = agent?.handoffWebhookUrl;
  if (!agent || !url) return { ok: false, error: 'the agent has no hand-off webhook any more', retry: false };
  if (!conversation) return { ok: false, error: 'the conversation no longer exists', retry: false };
  const origin = originOf(url);
  try {
    const messages = await store.conversations.listMessages(conversation.id);
    const response = await options.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Concierge',
        'x-concierge-delivery': delivery.id,
      },
      body: JSON.stringify({
        event: delivery.event,
        deliveryId: delivery.id,
        reason: delivery.reason,
        conversation,
        agent: { id: agent.id, name: agent.name, propertyId: agent.propertyId },
        messages: messages.map(({ role, text, createdAt }) => ({ role, text, createdAt })),
      }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true, origin };
    const error = `answered ${response.status} ${response.statusText}`.trim();
    return { ok: false, error, retry: true, origin };
  } catch (error) {
    return { ok: false, error: describeFailure(error, url), retry: true, origin };
  }
}
