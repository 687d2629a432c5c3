import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedModel } from '../engine/index.js';
import { HANDOFF_REPLY, runTurn } from './run-turn.js';
import type { HistoryMessage } from './run-turn-options.js';
import { type StoreApi, startStoreApi, storeTurn } from './test-support/start-store-api.js';

describe('runTurn with the embedded engine', () => {
  let store: StoreApi;
  const model = createEmbeddedModel();
  // As the integration guide suggests, the base prompt names the tool for order questions.
  const basePrompt =
    'You are the assistant of Trailhead Outdoor. If the customer asks where an order is, use the getOrderStatus tool.';
  const turn = (message: string, extra: Parameters<typeof storeTurn>[2] = {}) =>
    runTurn(storeTurn(model, store, { basePrompt, message, ...extra }));
  beforeEach(async () => {
    store = await startStoreApi();
  });
  afterEach(async () => {
    await store.close();
  });

  it('searches the catalog and answers from the products found', async () => {
    const result = await turn('Do you sell hiking boots?');
    expect(result.steps.find((step) => step.type === 'tool-call')).toMatchObject({
      tool: 'searchCatalog',
      outcome: 'ok',
    });
    expect(result.reply).toContain('Ridge waterproof hiking boots');
    expect(result.dataSources).toEqual(['searchCatalog']);
  });

  it('tracks an order', async () => {
    const result = await turn('Where is my order 88812?');
    expect(store.server.requests.map((request) => request.url)).toEqual(['/orders/88812']);
    expect(result.reply).toMatch(/shipped/i);
  });

  it('asks before creating a return and creates it on yes', async () => {
    const first = await turn('I want to return order 55512 because it is too small');
    expect(first.reply).toMatch(/^I'm about to create a return with order number 55512/);
    expect(store.createdReturns()).toHaveLength(0);
    const history: HistoryMessage[] = [
      { role: 'customer', text: 'I want to return order 55512 because it is too small' },
      { role: 'agent', text: first.reply },
    ];
    const second = await turn('yes please', { history, pendingAction: first.pendingAction });
    expect(store.createdReturns()).toHaveLength(1);
    expect(second.reply).toContain('RET-501');
  });

  it('hands over to a person when asked', async () => {
    const result = await turn('Can I talk to a real person please?');
    expect(result.reply).toBe(HANDOFF_REPLY);
    expect(result.handoff?.reason).toBeTruthy();
  });
});
