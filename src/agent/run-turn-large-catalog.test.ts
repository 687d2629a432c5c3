import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLargeCatalog } from '../tools/test-support/load-catalogs.js';
import { HANDOFF_TOOL_NAME } from './agent-rules.js';
import { MAX_OFFERED_OPERATIONS } from './offer-tools.js';
import { runTurn } from './run-turn.js';
import type { AgentTool, HistoryMessage } from './run-turn-options.js';
import type { SeenRequest } from './test-support/scripted-reply.js';
import { type FakeModelServer, startFakeModelServer } from './test-support/start-fake-model-server.js';
import { type StoreApi, startStoreApi, storeTurn } from './test-support/start-store-api.js';

// What a capable model would call for each message, if it is offered.
const EXPECTED: { message: string; history?: HistoryMessage[]; tool: string; args: unknown }[] = [
  { message: "Where's my package? Order 88812", tool: 'getOrderStatus', args: { orderNumber: '88812' } },
  {
    message: 'Do you sell waterproof hiking boots?',
    tool: 'searchCatalog',
    args: { query: 'waterproof hiking boots' },
  },
  {
    message: "it's 88812",
    history: [
      { role: 'customer', text: 'Has my order shipped?' },
      { role: 'agent', text: 'I can check. What is your order number?' },
    ],
    tool: 'getOrderStatus',
    args: { orderNumber: '88812' },
  },
];

describe('runTurn with a 1,000-operation integration', () => {
  let store: StoreApi;
  let llm: FakeModelServer;
  let tools: AgentTool[];
  let expected = EXPECTED[0];
  beforeAll(async () => {
    store = await startStoreApi();
    const integration = store.tools[0].integration;
    tools = (await loadLargeCatalog()).tools.map((tool) => ({ tool, integration }));
    llm = await startFakeModelServer('openai', (request: SeenRequest) => {
      if (request.toolResults.length > 0)
        return { text: `Here you go: ${request.toolResults[0].slice(0, 80)}` };
      if (!request.toolNames.includes(expected.tool)) return { text: 'I cannot help with that.' };
      return { toolCalls: [{ name: expected.tool, args: expected.args }] };
    });
  });
  afterAll(async () => {
    await llm.close();
    await store.close();
  });

  it.each(EXPECTED)('offers at most 20 operations, the right one among them: "$message"', async (entry) => {
    expected = entry;
    const before = llm.requests.length;
    const result = await runTurn(
      storeTurn(llm.model, store, { tools, message: entry.message, history: entry.history ?? [] }),
    );
    const offered = llm.requests[before].toolNames.filter((name) => name !== HANDOFF_TOOL_NAME);
    expect(tools.length).toBeGreaterThan(1000);
    expect(offered.length).toBeLessThanOrEqual(MAX_OFFERED_OPERATIONS);
    expect(offered).toContain(entry.tool);
    expect(result.steps[1]).toMatchObject({ type: 'tool-call', tool: entry.tool, outcome: 'ok' });
    expect(result.reply).toMatch(/^Here you go/);
  });
});
