// The outbox of hand-off webhooks: written in the hand-off's transaction, claimed by one worker at a
// time on any server (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer), retried until
// delivered or given up. A crashed worker's claim runs out and another server takes it.
import { sql } from 'kysely';
import { newId } from './new-id.js';
import type { QueryPreparer, QueryTarget } from './prepare-query.js';
import type { WebhookDelivery, WebhookDeliveryStatus } from './records.js';
import type { WebhookDeliveryTable } from './schema.js';
import { now, type StoreContext } from './store-context.js';

/** Longest stored failure text, in characters. */
const MAX_ERROR_LENGTH = 500;

function toDelivery(row: WebhookDeliveryTable): WebhookDelivery {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    agentId: row.agent_id,
    event: row.event,
    reason: row.reason,
    status: row.status as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

/** Where a hand-off webhook is queued: one conversation, the reason, and the new row's id and time. */
type HandoffKeys = { id: string; conversationId: string; reason: string; time: string };

/**
 * The queueing of a conversation's hand-off webhook (on a hand-off turn's path: prepared once), inside
 * the caller's transaction, when its agent has a webhook URL (none otherwise). The URL itself is read
 * when it is sent, so a corrected URL is used.
 */
export function prepareHandoffDelivery(prepare: QueryPreparer) {
  const insert = prepare<HandoffKeys, never>((db, param) =>
    db
      .insertInto('webhook_deliveries')
      .columns([
        'id',
        'conversation_id',
        'agent_id',
        'event',
        'reason',
        'status',
        'next_attempt_at',
        'created_at',
        'updated_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom('conversations')
          .innerJoin('agents', 'agents.id', 'conversations.agent_id')
          .select([
            eb.val(param('id')).as('id'),
            'conversations.id as conversation_id',
            'agents.id as agent_id',
            eb.val('conversation.handoff').as('event'),
            eb.val(param('reason')).as('reason'),
            eb.val('pending').as('status'),
            eb.val(param('time')).as('next_attempt_at'),
            eb.val(param('time')).as('created_at'),
            eb.val(param('time')).as('updated_at'),
          ])
          .where('conversations.id', '=', param('conversationId'))
          .where('agents.handoff_webhook_url', 'is not', null)
          .where('agents.handoff_webhook_url', '!=', ''),
      ),
  );
  return async (target: QueryTarget, input: { conversationId: string; reason: string }): Promise<void> => {
    await insert.run({ ...input, id: newId(), time: now() }, target);
  };
}

/** Creates the webhook delivery repository over a store context. */
export function createWebhookDeliveryRepository(
  { db, prepare }: StoreContext,
  dialect: 'sqlite' | 'postgres',
) {
  /** Ends `worker`'s claim with `changes`; false when the claim was lost (it ran out, another took it). */
  async function finish(id: string, worker: string, changes: Partial<WebhookDeliveryTable>) {
    const result = await db
      .updateTable('webhook_deliveries')
      .set({ ...changes, claimed_by: null, claimed_until: null, updated_at: now() })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  const enqueueHandoff = prepareHandoffDelivery(prepare);
  return {
    enqueueHandoff: (input: { conversationId: string; reason: string }) => enqueueHandoff(db, input),
    /**
     * Claims up to `limit` due deliveries for `worker` until `leaseMs` from now, counting the attempt:
     * one statement, so two servers never claim the same one.
     */
    async claimDue(input: { worker: string; leaseMs: number; limit?: number }): Promise<WebhookDelivery[]> {
      const time = now();
      const until = new Date(Date.now() + input.leaseMs).toISOString();
      let due = db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', time)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', time)]))
        .orderBy('next_attempt_at')
        .limit(input.limit ?? 10);
      // PostgreSQL: rows another server is claiming right now are skipped, not waited for.
      if (dialect === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('webhook_deliveries')
        .set({
          claimed_by: input.worker,
          claimed_until: until,
          attempts: sql`attempts + 1`,
          updated_at: time,
        })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
    },
    /** Records a delivery as delivered; false when `worker` no longer held it. */
    markDelivered: (id: string, worker: string) =>
      finish(id, worker, { status: 'delivered', delivered_at: now(), last_error: null }),
    /** Records a failed attempt: retried at `retryAt`, or given up (`failed`) without one. */
    markFailed: (id: string, worker: string, input: { error: string; retryAt?: string }) =>
      finish(id, worker, {
        last_error: input.error.slice(0, MAX_ERROR_LENGTH),
        ...(input.retryAt ? { next_attempt_at: input.retryAt } : { status: 'failed' }),
      }),
    /**
     * Retention: deletes the deliveries that ended (delivered or given up) before `before` (ISO
     * time), in batches; pending ones stay whatever their age. Returns how many.
     */
    async deleteFinishedBefore(before: string, batch = 1000): Promise<number> {
      let deleted = 0;
      for (;;) {
        const ids = db
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('status', 'in', ['delivered', 'failed'])
          .where('updated_at', '<', before)
          .limit(batch);
        const result = await db.deleteFrom('webhook_deliveries').where('id', 'in', ids).executeTakeFirst();
        deleted += Number(result.numDeletedRows);
        if (Number(result.numDeletedRows) < batch) return deleted;
      }
    },
    /** A conversation's deliveries, oldest first. */
    async listForConversation(conversationId: string): Promise<WebhookDelivery[]> {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('id')
        .execute();
      return rows.map(toDelivery);
    },
  };
}

/** The webhook delivery repository. */
export type WebhookDeliveryRepository = ReturnType<typeof createWebhookDeliveryRepository>;
