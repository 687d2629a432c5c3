import { afterEach, describe, expect, it } from 'vitest';
import { sendJson } from '../executor/test-support/start-test-server.js';
import { runTurn } from './run-turn.js';
import { type FakeModelServer, startFakeModelServer } from './test-support/start-fake-model-server.js';
import { type StoreApi, startStoreApi, storeTurn } from './test-support/start-store-api.js';

/** Looks up order 88812, then answers from the result. */
function trackingScript(request: { toolResults: string[] }) {
  return request.toolResults.length === 0
    ? { toolCalls: [{ name: 'getOrderStatus', args: { orderNumber: '88812' } }] }
    : { text: 'Your order 88812 is on its way with DHL.' };
}

describe('a turn that must stop', () => {
  let store: StoreApi | undefined;
  let llm: FakeModelServer | undefined;
  afterEach(async () => {
    await llm?.close();
    await store?.close();
  });

  /** A store API whose order lookup answers after `delayMs`, calling `onRequest` when it arrives. */
  async function slowStore(delayMs: number, onRequest: () => void = () => {}) {
    return startStoreApi({
      override: (request, response) => {
        if (!request.url.startsWith('/orders/88812')) return false;
        onRequest();
        const timer = setTimeout(
          () => sendJson(response, 200, { orderNumber: '88812', state: 'shipped' }),
          delayMs,
        );
        response.on('close', () => clearTimeout(timer));
        return true;
      },
    });
  }

  it('ends without another model call when a person takes over during an API call', async () => {
    let takenOver = false;
    store = await slowStore(300, () => {
      takenOver = true;
    });
    llm = await startFakeModelServer('openai', trackingScript);
    const result = await runTurn(
      storeTurn(llm.model, store, {
        message: 'Where is my order 88812?',
        mayContinue: async () => !takenOver,
      }),
    );
    expect(result.stopped).toBe('taken-over');
    expect(llm.requests).toHaveLength(1);
    expect(result.reply).toBe('');
    // The call already sent is in the trace, with its result.
    expect(result.steps).toContainEqual(
      expect.objectContaining({ type: 'tool-call', tool: 'getOrderStatus', outcome: 'ok' }),
    );
    expect(result.steps.at(-1)).toEqual({ type: 'turn-stopped', reason: 'taken-over' });
  });

  it('stops its API call and makes no more model calls when the client goes away', async () => {
    const abort = new AbortController();
    store = await slowStore(5_000, () => setTimeout(() => abort.abort(), 100));
    llm = await startFakeModelServer('anthropic', trackingScript);
    const started = performance.now();
    const result = await runTurn(
      storeTurn(llm.model, store, { message: 'Where is my order 88812?', signal: abort.signal }),
    );
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(result.stopped).toBe('cancelled');
    expect(llm.requests).toHaveLength(1);
    expect(result.steps).toContainEqual(
      expect.objectContaining({ type: 'tool-call', tool: 'getOrderStatus', outcome: 'network' }),
    );
    expect(result.steps.at(-1)).toEqual({ type: 'turn-stopped', reason: 'cancelled' });
  });

  it('starts nothing when the client is already gone', async () => {
    store = await startStoreApi();
    llm = await startFakeModelServer('openai', trackingScript);
    const result = await runTurn(
      storeTurn(llm.model, store, { message: 'Where is my order?', signal: AbortSignal.abort() }),
    );
    expect(result.stopped).toBe('cancelled');
    expect(llm.requests).toHaveLength(0);
    expect(store.server.requests).toHaveLength(0);
  });
});

describe('the per-operation confirmation setting', () => {
  let store: StoreApi | undefined;
  let llm: FakeModelServer | undefined;
  afterEach(async () => {
    await llm?.close();
    await store?.close();
  });

  it('asks before a read the setting marks, and runs a write the setting exempts', async () => {
    store = await startStoreApi();
    llm = await startFakeModelServer('openai', (request) => {
      if (request.toolResults.length > 0) return { text: 'Done.' };
      return /return/.test(request.lastUserText)
        ? { toolCalls: [{ name: 'createReturn', args: { orderNumber: '55512', reason: 'too small' } }] }
        : { toolCalls: [{ name: 'getOrderStatus', args: { orderNumber: '88812' } }] };
    });
    const tools = store.tools.map((entry) =>
      entry.tool.name === 'getOrderStatus' || entry.tool.name === 'createReturn'
        ? { ...entry, needsConfirmation: entry.tool.name === 'getOrderStatus' }
        : entry,
    );
    const asked = await runTurn(storeTurn(llm.model, store, { message: 'Where is 88812?', tools }));
    expect(asked.pendingAction).toMatchObject({ tool: 'getOrderStatus' });
    expect(store.server.requests).toHaveLength(0);

    const ran = await runTurn(storeTurn(llm.model, store, { message: 'return 55512, too small', tools }));
    expect(ran.pendingAction).toBeNull();
    expect(store.createdReturns()).toHaveLength(1);
    expect(ran.reply).toBe('Done.');
  });
});
