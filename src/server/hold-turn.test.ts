import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../store/index.js';
import { leaseTakenTurn, newTurnId } from './hold-turn.js';

describe('a turn lease', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
  });

  async function takenTurn(signal?: AbortSignal) {
    store = await createStore({ sqlitePath: ':memory:', secretKey: randomBytes(32) });
    const property = await store.properties.create({ name: 'Shop' });
    const agent = await store.agents.create({ propertyId: property.id, name: 'Helper' });
    const conversation = await store.conversations.create({ agentId: agent.id, propertyId: property.id });
    const turnId = newTurnId();
    const added = await store.conversations.addMessageAndTakeTurn({
      conversationId: conversation.id,
      turnId,
      text: 'hello',
      leaseMs: 30_000,
    });
    if (!added.conversation) throw new Error('the turn was not taken');
    const handle = { conversationId: conversation.id, messageId: added.message.id, turnId };
    return leaseTakenTurn({ store, handle, conversation: added.conversation, leaseMs: 30_000, signal });
  }

  it("stops the turn with the client's reason when the client leaves, without counting the lease lost", async () => {
    const client = new AbortController();
    const lease = await takenTurn(client.signal);
    expect(lease.signal.aborted).toBe(false);
    client.abort(new Error('client left'));
    expect(lease.signal.reason).toEqual(new Error('client left'));
    expect(lease.isLost()).toBe(false);
    lease.stop();
  });

  it('no longer follows the client once stopped', async () => {
    const client = new AbortController();
    const lease = await takenTurn(client.signal);
    lease.stop();
    client.abort();
    expect(lease.signal.aborted).toBe(false);
  });

  it('starts stopped when the client has already left', async () => {
    const client = new AbortController();
    client.abort('gone');
    const lease = await takenTurn(client.signal);
    expect(lease.signal.reason).toBe('gone');
    lease.stop();
  });
});
