import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PendingAction } from './pending-action.js';
import {
  ALREADY_CLAIMED_REPLY,
  CANCELLED_REPLY,
  EXPIRED_REPLY,
  UNCERTAIN_REPLY,
} from './resolve-pending-action.js';
import { runTurn } from './run-turn.js';
import type { RunTurnOptions } from './run-turn-options.js';
import type { SeenRequest } from './test-support/scripted-reply.js';
import {
  type FakeModelServer,
  type FakeProtocol,
  startFakeModelServer,
} from './test-support/start-fake-model-server.js';
import { type StoreApi, startStoreApi, storeTurn } from './test-support/start-store-api.js';

const PROPOSED_AT = new Date('2025-03-10T12:00:00Z');
const QUESTION =
  'I\'m about to create a return with order number 55512 and reason "too small". Shall I go ahead? (yes / no)';

/**
 * Asks for a return when told about one; with an unconfirmed return in view and a new order number,
 * asks for that one instead; answers from a tool result when it has one; else small talk.
 */
function returnsScript(request: SeenRequest) {
  const result = request.toolResults.at(-1);
  if (result) {
    const { data } = JSON.parse(result) as { data: { returnId: string; labelUrl: string } };
    return { text: `Done: return ${data.returnId} is open. Print your label: ${data.labelUrl}` };
  }
  const changed = /\b(\d{5})\b/.exec(request.lastUserText)?.[1];
  if (changed && request.system.includes("Waiting for the customer's confirmation: create a return"))
    return { toolCalls: [{ name: 'createReturn', args: { orderNumber: changed, reason: 'too small' } }] };
  if (/return/i.test(request.lastUserText))
    return { toolCalls: [{ name: 'createReturn', args: { orderNumber: '55512', reason: 'too small' } }] };
  return { text: 'Yes, we have tents. Which kind are you after?' };
}

describe.each(['openai', 'anthropic'] as FakeProtocol[])('write actions over %s', (protocol) => {
  let store: StoreApi;
  let llm: FakeModelServer;
  let turn: (message: string, extra?: Partial<RunTurnOptions>) => ReturnType<typeof runTurn>;
  beforeEach(async () => {
    store = await startStoreApi();
    llm = await startFakeModelServer(protocol, returnsScript);
    turn = (message, extra = {}) =>
      runTurn(storeTurn(llm.model, store, { message, now: () => PROPOSED_AT, ...extra }));
  });
  afterEach(async () => {
    await llm.close();
    await store.close();
  });

  async function propose(): Promise<PendingAction> {
    const result = await turn('I want to return order 55512, the shoes are too small');
    expect(result.reply).toBe(QUESTION);
    expect(store.createdReturns()).toHaveLength(0);
    expect(result.steps.map((step) => step.type)).toEqual(['model-call', 'confirmation-requested']);
    expect(result.pendingAction).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tool: 'createReturn',
      integrationId: 'int_store',
      args: { orderNumber: '55512', reason: 'too small' },
      summary: 'create a return with order number 55512 and reason "too small"',
      createdAt: '2025-03-10T12:00:00.000Z',
      expiresAt: '2025-03-10T12:10:00.000Z',
    });
    return result.pendingAction as PendingAction;
  }

  const history = [
    { role: 'customer' as const, text: 'I want to return order 55512, the shoes are too small' },
    { role: 'agent' as const, text: QUESTION },
  ];

  it('creates the return only after the customer says yes, then answers from the result', async () => {
    const pendingAction = await propose();
    const at = new Date(PROPOSED_AT.getTime() + 5 * 60_000);
    const result = await turn('Yes, go ahead!', { pendingAction, history, now: () => at });

    expect(store.createdReturns()).toHaveLength(1);
    expect(JSON.parse(store.createdReturns()[0].body)).toEqual({ orderNumber: '55512', reason: 'too small' });
    // The action's own id goes along as Idempotency-Key, the same on every attempt.
    expect(store.createdReturns()[0].headers['idempotency-key']).toBe(pendingAction.id);
    expect(result.steps[1]).toMatchObject({ type: 'tool-call', idempotencyKey: pendingAction.id });
    expect(result.reply).toBe(
      'Done: return RET-501 is open. Print your label: https://labels.example/RET-501.pdf',
    );
    expect(result.pendingAction).toBeNull();
    expect(result.dataSources).toEqual(['createReturn']);
    expect(result.steps.map((step) => step.type)).toEqual([
      'confirmation-resolved',
      'tool-call',
      'model-call',
    ]);
    expect(result.steps[0]).toEqual({ type: 'confirmation-resolved', decision: 'confirmed' });
    // The model's request carries the call and its result as an assistant tool call and a tool result.
    const last = llm.requests.at(-1) as SeenRequest;
    expect(last.toolResults[0]).toContain('RET-501');
    expect(JSON.stringify(last.body)).toContain('createReturn');
  });

  it('cancels on no without calling anything', async () => {
    const pendingAction = await propose();
    const calls = llm.requests.length;
    const result = await turn('no thanks', { pendingAction, history });
    expect(result.reply).toBe(CANCELLED_REPLY);
    expect(result.pendingAction).toBeNull();
    expect(result.steps).toEqual([{ type: 'confirmation-resolved', decision: 'cancelled' }]);
    expect(llm.requests).toHaveLength(calls);
    expect(store.createdReturns()).toHaveLength(0);
  });

  it('drops the action when the customer changes the subject, and answers the new message', async () => {
    const pendingAction = await propose();
    const result = await turn('Actually, do you sell tents for four people?', { pendingAction, history });
    expect(result.reply).toBe('Yes, we have tents. Which kind are you after?');
    expect(result.pendingAction).toBeNull();
    expect(result.steps[0]).toEqual({ type: 'confirmation-resolved', decision: 'superseded' });
    expect(store.createdReturns()).toHaveLength(0);
  });

  it.each(['yes, but order 55513', 'yes but for 55513'])(
    'reads "%s" as a change: the old action never runs, a new one is proposed',
    async (answer) => {
      const pendingAction = await propose();
      const result = await turn(answer, { pendingAction, history });
      expect(store.createdReturns()).toHaveLength(0);
      expect(result.steps[0]).toEqual({ type: 'confirmation-resolved', decision: 'superseded' });
      // The model saw the unconfirmed action and was offered its tool again.
      const seen = llm.requests.at(-1) as SeenRequest;
      expect(seen.system).toContain('create a return with order number 55512');
      expect(seen.toolNames).toContain('createReturn');
      expect(result.reply).toContain('order number 55513');
      expect(result.pendingAction).toMatchObject({ args: { orderNumber: '55513', reason: 'too small' } });
      expect(result.pendingAction?.id).not.toBe(pendingAction.id);
    },
  );

  it('runs nothing when another turn has already claimed the action', async () => {
    const pendingAction = await propose();
    const calls = llm.requests.length;
    const result = await turn('yes', { pendingAction, history, claimPendingAction: async () => false });
    expect(result.reply).toBe(ALREADY_CLAIMED_REPLY);
    expect(result.steps).toEqual([{ type: 'confirmation-resolved', decision: 'interrupted' }]);
    expect(store.createdReturns()).toHaveLength(0);
    expect(llm.requests).toHaveLength(calls);
  });

  it('hands over, without running it again, an action claimed by a turn that never recorded its result', async () => {
    const pendingAction = await propose();
    const claimed = { ...pendingAction, claimedAt: '2025-03-10T12:01:00.000Z' };
    const result = await turn('yes', { pendingAction: claimed, history });
    expect(result.reply).toBe(UNCERTAIN_REPLY);
    expect(result.handoff?.reason).toContain(pendingAction.id);
    expect(result.pendingAction).toBeNull();
    expect(store.createdReturns()).toHaveLength(0);
  });

  it('does not run an expired action on a late yes', async () => {
    const pendingAction = await propose();
    const late = new Date(PROPOSED_AT.getTime() + 11 * 60_000);
    const result = await turn('yes', { pendingAction, history, now: () => late });
    expect(result.reply).toBe(EXPIRED_REPLY);
    expect(result.steps).toEqual([{ type: 'confirmation-resolved', decision: 'expired' }]);
    expect(store.createdReturns()).toHaveLength(0);
  });
});

describe('write actions with invalid arguments', () => {
  it('feeds the validation message back to the model instead of asking the customer', async () => {
    const store = await startStoreApi();
    const llm = await startFakeModelServer('openai', (request, index) =>
      index === 0
        ? { toolCalls: [{ name: 'createReturn', args: { orderNumber: 'my last one', reason: 'broken' } }] }
        : { text: `Which order number is it? (${request.toolResults[0]})` },
    );
    try {
      const result = await runTurn(
        storeTurn(llm.model, store, { message: 'return my last order, it is broken' }),
      );
      expect(result.pendingAction).toBeNull();
      expect(store.createdReturns()).toHaveLength(0);
      expect(result.steps[1]).toMatchObject({
        type: 'tool-call',
        tool: 'createReturn',
        outcome: 'invalid-arguments',
      });
      expect(llm.requests[1].toolResults[0]).toContain('invalid-arguments');
      expect(result.reply).toContain('orderNumber');
    } finally {
      await llm.close();
      await store.close();
    }
  });
});
