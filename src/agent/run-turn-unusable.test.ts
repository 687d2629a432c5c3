// An API that answers 200 with an HTML error page or with JSON cut in the middle: the trace and the
// request log say so, the model reads the executor's sentence, and the customer never sees the text.
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddedModel } from '../engine/index.js';
import type { RequestLogEntry } from '../executor/index.js';
import { runTurn } from './run-turn.js';
import type { SeenRequest } from './test-support/scripted-reply.js';
import { type FakeModelServer, startFakeModelServer } from './test-support/start-fake-model-server.js';
import { type StoreApi, startStoreApi, storeTurn } from './test-support/start-store-api.js';

const PAGE = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>upstream down</p>'.repeat(800)}</body></html>`;

const answers: Record<string, { contentType: string; body: string }> = {
  'an HTML page': { contentType: 'text/html; charset=utf-8', body: PAGE },
  'JSON cut in the middle': { contentType: 'application/json', body: '{"orderNumber":"88812","state":"ship' },
};

describe.each(Object.entries(answers))('a 200 with %s', (_what, answer) => {
  let store: StoreApi;
  let llm: FakeModelServer | undefined;
  const logs: RequestLogEntry[] = [];
  const start = async () => {
    store = await startStoreApi({
      override: (request, response) => {
        if (!request.url.startsWith('/orders/')) return false;
        response.writeHead(200, { 'content-type': answer.contentType });
        response.end(answer.body);
        return true;
      },
      onLog: (entry) => logs.push(entry),
    });
  };
  afterEach(async () => {
    await llm?.close();
    await store.close();
    logs.length = 0;
  });

  it('the embedded engine says it could not retrieve it; trace and log name the outcome', async () => {
    await start();
    const result = await runTurn(
      storeTurn(createEmbeddedModel(), store, {
        basePrompt: 'If the customer asks where an order is, use the getOrderStatus tool.',
        message: 'Where is my order 88812?',
      }),
    );
    expect(result.reply).toBe(
      'We could not retrieve that information right now. Please try again in a little while.',
    );
    expect(result.steps.find((step) => step.type === 'tool-call')).toMatchObject({
      tool: 'getOrderStatus',
      status: 200,
      outcome: 'unusable-response',
    });
    expect(logs).toMatchObject([{ tool: 'getOrderStatus', status: 200, outcome: 'unusable-response' }]);
    expect(result.dataSources).toEqual([]);
  });

  it('a hosted model reads the outcome and the sentence, never the body', async () => {
    await start();
    let seen: SeenRequest | undefined;
    llm = await startFakeModelServer('openai', (request, index) => {
      if (index === 0) return { toolCalls: [{ name: 'getOrderStatus', args: { orderNumber: '88812' } }] };
      seen = request;
      return { text: 'Sorry, I could not look that up right now.' };
    });
    await runTurn(storeTurn(llm.model, store, { message: 'Where is my order 88812?' }));
    const toolResult = JSON.parse(seen?.toolResults[0] ?? '{}');
    expect(toolResult).toMatchObject({
      outcome: 'unusable-response',
      status: 200,
      customerMessage:
        'We could not retrieve that information right now. Please try again in a little while.',
    });
    expect(toolResult.message).toMatch(/^Could not retrieve that information: the API answered 200 OK with /);
    expect(seen?.toolResults[0]).not.toMatch(/Bad Gateway|upstream down|"state":"ship/);
  });
});
