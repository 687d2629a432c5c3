import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HANDOFF_REPLY, MODEL_ERROR_REPLY, runTurn } from './run-turn.js';
import type { RunTurnOptions } from './run-turn-options.js';
import type { Script } from './test-support/scripted-reply.js';
import { type FakeModelServer, startFakeModelServer } from './test-support/start-fake-model-server.js';
import { type StoreApi, startStoreApi, storeTurn } from './test-support/start-store-api.js';
import type { TurnEvent } from './turn-event.js';

describe('runTurn loop', () => {
  let store: StoreApi;
  let llm: FakeModelServer | undefined;
  const turn = async (script: Script, extra: Partial<RunTurnOptions> = {}) => {
    llm = await startFakeModelServer('openai', script);
    return runTurn(storeTurn(llm.model, store, { message: 'Where is order 99999?', ...extra }));
  };
  beforeEach(async () => {
    store = await startStoreApi();
  });
  afterEach(async () => {
    await llm?.close();
    llm = undefined;
    await store.close();
  });

  it('hands the conversation to a person when the model calls the hand-off tool', async () => {
    const result = await turn(
      () => ({ toolCalls: [{ name: 'handoff_to_human', args: { reason: 'asked for a person' } }] }),
      {
        message: 'I want to talk to a real person',
      },
    );
    expect(result.reply).toBe(HANDOFF_REPLY);
    expect(result.handoff).toEqual({ reason: 'asked for a person' });
    expect(result.steps.map((step) => step.type)).toEqual(['model-call', 'handoff']);
    expect(store.server.requests).toHaveLength(0);
    const tools = llm?.requests[0].body.tools as { function: { name: string; parameters: unknown } }[];
    const offered = tools.find((tool) => tool.function.name === 'handoff_to_human');
    expect(offered?.function.parameters).toMatchObject({ required: ['reason'] });
  });

  it('lets the model read a failed call and say so', async () => {
    const result = await turn((request, index) =>
      index === 0
        ? { toolCalls: [{ name: 'getOrderStatus', args: { orderNumber: '99999' } }] }
        : {
            text: `Sorry: ${(JSON.parse(request.toolResults[0]) as { customerMessage: string }).customerMessage}`,
          },
    );
    expect(result.reply).toBe('Sorry: No order with number 99999');
    expect(result.steps[1]).toMatchObject({ type: 'tool-call', outcome: 'not-found', status: 404 });
    expect(result.dataSources).toEqual([]);
  });

  it('stops offering tools after maxToolSteps and makes the model answer', async () => {
    const result = await turn(
      (request) =>
        request.body.tool_choice === 'none'
          ? { text: `I checked ${request.toolResults.length} times.` }
          : { toolCalls: [{ name: 'getOrderStatus', args: { orderNumber: '88812' } }] },
      { maxToolSteps: 2 },
    );
    expect(store.server.requests).toHaveLength(2);
    expect(llm?.requests).toHaveLength(3);
    expect(result.reply).toBe('I checked 2 times.');
  });

  it('passes the temperature through only when it is given', async () => {
    await turn(() => ({ text: 'hi' }), { temperature: 0.3 });
    expect(llm?.requests[0].body.temperature).toBe(0.3);
    await llm?.close();
    await turn(() => ({ text: 'hi' }));
    expect(llm?.requests[0].body).not.toHaveProperty('temperature');
  });

  it('sends recent history within the budget, human messages as the assistant', async () => {
    const history: RunTurnOptions['history'] = [
      { role: 'customer', text: `old question ${'x'.repeat(2000)}` },
      { role: 'agent', text: 'What is your order number?' },
      { role: 'human', text: 'Hi, Sam here from the team.' },
    ];
    await turn(() => ({ text: 'ok' }), { history, historyTokenBudget: 100 });
    const messages = llm?.requests[0].body.messages as { role: string; content: string }[];
    expect(messages.map((message) => [message.role, message.content.slice(0, 12)])).toEqual([
      ['system', expect.any(String)],
      ['assistant', 'What is your'],
      ['assistant', 'Hi, Sam here'],
      ['user', 'Where is ord'],
    ]);
  });

  it('keeps going when an event listener throws', async () => {
    const result = await turn(() => ({ text: 'Hello!' }), {
      onEvent: () => {
        throw new Error('socket closed');
      },
    });
    expect(result.reply).toBe('Hello!');
  });
});

describe('runTurn with a failing model', () => {
  it('apologises and traces a 401 without the key', async () => {
    const store = await startStoreApi();
    const llm = await startFakeModelServer('openai', () => ({ text: 'unused' }), {
      status: 401,
      message: 'Incorrect API key provided: sk-fake-model-key-0123456789.',
    });
    try {
      const events: TurnEvent[] = [];
      const result = await runTurn(
        storeTurn(llm.model, store, { message: 'hi', onEvent: (event) => events.push(event) }),
      );
      expect(result.reply).toBe(MODEL_ERROR_REPLY);
      expect(result.steps).toHaveLength(1);
      expect(events.map((event) => event.type)).toEqual([
        'turn-start',
        'model-call-start',
        'model-call-end',
        'message-delta',
        'turn-end',
      ]);
      expect(result.steps[0]).toMatchObject({ type: 'model-error', message: expect.stringContaining('401') });
      expect(JSON.stringify(result.steps)).not.toContain('sk-fake-model-key');
    } finally {
      await llm.close();
      await store.close();
    }
  });

  it('apologises when the provider cannot be reached', async () => {
    const store = await startStoreApi();
    const llm = await startFakeModelServer('anthropic', () => ({ text: 'unused' }));
    await llm.close();
    try {
      const result = await runTurn(storeTurn(llm.model, store, { message: 'hi', stream: false }));
      expect(result.reply).toBe(MODEL_ERROR_REPLY);
      expect(result.steps[0]).toMatchObject({
        type: 'model-error',
        message: expect.stringMatching(/connect|fetch/i),
      });
    } finally {
      await store.close();
    }
  });
});
