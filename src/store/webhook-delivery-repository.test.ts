import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './create-store.js';
import { createWriteFailures } from './test-support/fail-writes.js';
import { storeDialects } from './test-support/store-dialects.js';

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`hand-off webhook outbox on ${dialect.name}`, () => {
    const failures = createWriteFailures();
    let store: Store;
    let other: Store;
    let close: () => Promise<void>;
    let agentId: string;
    let propertyId: string;

    beforeEach(async () => {
      let location: string;
      ({ store, close, location } = await dialect.open({ plugins: [failures.plugin] }));
      // A second server on the same database.
      other = await dialect.openShared(location);
      propertyId = (await store.properties.create({ name: 'Shop' })).id;
      agentId = (
        await store.agents.create({
          propertyId,
          name: 'Bot',
          handoffWebhookUrl: 'https://hooks.example.com/x',
        })
      ).id;
    });
    afterEach(async () => {
      failures.disarm();
      await other.close();
      await close();
    });

    /** A conversation of `agent` with a customer message whose turn is running: the turn's handle. */
    async function runningTurn(agent = agentId) {
      const conversation = await store.conversations.create({ agentId: agent, propertyId });
      const message = await store.conversations.addMessage(conversation.id, {
        role: 'customer',
        text: 'I want a person',
        replyState: 'pending',
        leaseMs: 30_000,
      });
      const handle = { conversationId: conversation.id, messageId: message.id, turnId: randomUUID() };
      expect(await store.conversations.acquireTurn({ ...handle, leaseMs: 30_000 })).toBe(true);
      return handle;
    }
    const handoff = { reply: 'A person will answer.', steps: [], pendingAction: null, handoff: true };

    it('queues a hand-off with the turn that makes it, only for agents with a webhook', async () => {
      const turn = await runningTurn();
      await store.conversations.commitTurn({ ...turn, ...handoff, handoffReason: 'asked for a person' });
      expect(await store.webhookDeliveries.listForConversation(turn.conversationId)).toEqual([
        expect.objectContaining({ status: 'pending', attempts: 0, reason: 'asked for a person', agentId }),
      ]);

      const recovered = await runningTurn();
      await store.conversations.releaseTurn({
        ...recovered,
        replyState: 'handed-over',
        handover: { reply: 'Sorry', note: 'note', steps: [], reason: 'a restart' },
      });
      expect(await store.webhookDeliveries.listForConversation(recovered.conversationId)).toEqual([
        expect.objectContaining({ reason: 'a restart' }),
      ]);

      const silent = (await store.agents.create({ propertyId, name: 'No hook' })).id;
      const none = await runningTurn(silent);
      await store.conversations.commitTurn({ ...none, ...handoff });
      expect(await store.webhookDeliveries.listForConversation(none.conversationId)).toEqual([]);
      const answered = await runningTurn();
      await store.conversations.commitTurn({ ...answered, ...handoff, handoff: false });
      expect(await store.webhookDeliveries.listForConversation(answered.conversationId)).toEqual([]);
    });

    it('queues nothing when the hand-off does not commit', async () => {
      const turn = await runningTurn();
      failures.disarm();
      // Every write of the commit fails in turn: the hand-off and its delivery are stored together or not at all.
      const dry = await runningTurn();
      failures.disarm();
      await store.conversations.commitTurn({ ...dry, ...handoff });
      const writes = failures.writes();
      expect(writes).toBeGreaterThan(3);
      for (let n = 1; n <= writes; n++) {
        failures.failAt(n);
        await expect(store.conversations.commitTurn({ ...turn, ...handoff })).rejects.toThrow(/injected/);
        failures.disarm();
        expect(await store.webhookDeliveries.listForConversation(turn.conversationId)).toEqual([]);
        expect((await store.conversations.get(turn.conversationId))?.status).toBe('open');
      }
    });

    it('gives each due delivery to one worker at a time, across servers, until it is done or given up', async () => {
      const turns = [];
      for (let index = 0; index < 6; index++) turns.push(await runningTurn());
      for (const turn of turns) await store.conversations.commitTurn({ ...turn, ...handoff });
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          (index % 2 ? other : store).webhookDeliveries.claimDue({
            worker: `w${index}`,
            leaseMs: 30_000,
            limit: 2,
          }),
        ),
      );
      const claimed = claims.flat().map((delivery) => delivery.conversationId);
      expect(claimed.sort()).toEqual(turns.map((turn) => turn.conversationId).sort());
      expect(claims.flat().every((delivery) => delivery.attempts === 1)).toBe(true);
      // Claimed ones are not due again while claimed.
      expect(await store.webhookDeliveries.claimDue({ worker: 'late', leaseMs: 30_000 })).toEqual([]);

      const owner = claims.findIndex((claim) => claim.length > 0);
      const [first] = claims[owner];
      expect(await store.webhookDeliveries.markDelivered(first.id, 'not-the-owner')).toBe(false);
      expect(await store.webhookDeliveries.markDelivered(first.id, `w${owner}`)).toBe(true);
      const later = new Date(Date.now() + 60_000).toISOString();
      const second = claims.flat()[1];
      const secondOwner = `w${claims.findIndex((claim) => claim.some((delivery) => delivery.id === second.id))}`;
      await store.webhookDeliveries.markFailed(second.id, secondOwner, {
        error: 'answered 503',
        retryAt: later,
      });
      expect(await store.webhookDeliveries.listForConversation(second.conversationId)).toEqual([
        expect.objectContaining({
          status: 'pending',
          attempts: 1,
          lastError: 'answered 503',
          nextAttemptAt: later,
        }),
      ]);
      const third = claims.flat()[2];
      const thirdOwner = `w${claims.findIndex((claim) => claim.some((delivery) => delivery.id === third.id))}`;
      await store.webhookDeliveries.markFailed(third.id, thirdOwner, { error: 'x'.repeat(2000) });
      const [given] = await store.webhookDeliveries.listForConversation(third.conversationId);
      expect(given.status).toBe('failed');
      expect(given.lastError).toHaveLength(500);
    });

    it("takes over a crashed worker's claim once it runs out", async () => {
      const turn = await runningTurn();
      await store.conversations.commitTurn({ ...turn, ...handoff });
      const [crashed] = await store.webhookDeliveries.claimDue({ worker: 'crashed', leaseMs: -1 });
      const [taken] = await other.webhookDeliveries.claimDue({ worker: 'alive', leaseMs: 30_000 });
      expect(taken).toMatchObject({ id: crashed.id, attempts: 2 });
      expect(await store.webhookDeliveries.markDelivered(crashed.id, 'crashed')).toBe(false);
      expect(await other.webhookDeliveries.markDelivered(crashed.id, 'alive')).toBe(true);
    });
  });
}
