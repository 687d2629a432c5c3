import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedModel } from '../engine/index.js';
import { KNOWLEDGE_RULES, KNOWLEDGE_TOOL_NAME } from './agent-rules.js';
import { runTurn } from './run-turn.js';
import type { HistoryMessage, KnowledgePassageView, KnowledgeSearch } from './run-turn-options.js';
import { startFakeModelServer } from './test-support/start-fake-model-server.js';
import { type StoreApi, startStoreApi, storeTurn } from './test-support/start-store-api.js';
import type { TurnEvent } from './turn-event.js';

const returns: KnowledgePassageView = {
  sourceId: 'src_returns',
  title: 'Returns and refunds',
  heading: '',
  url: 'https://trailhead.example/help/returns',
  text: 'You can return any unused item within 30 days of delivery for a full refund. Items must be unworn and in their original packaging. Personalized items and gift cards cannot be returned.\nWe refund to your original payment method within 5 business days of receiving the item. Your bank may take another 3 to 5 days to show it. Original shipping costs are refunded only when the item arrived damaged.',
  relevance: 0.92,
};

/** A knowledge search over fixed passages: what it returns for each query, and the queries it got. */
function fixedKnowledge(
  answer: (query: string) => KnowledgePassageView[],
): KnowledgeSearch & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(query) {
      queries.push(query);
      return answer(query);
    },
  };
}

describe('runTurn with knowledge sources and the embedded engine', () => {
  let store: StoreApi;
  const model = createEmbeddedModel();
  beforeEach(async () => {
    store = await startStoreApi();
  });
  afterEach(async () => {
    await store.close();
  });

  it('answers a policy question from the passage, naming the source with its link, and calls no API', async () => {
    const knowledge = fixedKnowledge(() => [returns]);
    const events: TurnEvent[] = [];
    const result = await runTurn(
      storeTurn(model, store, {
        message: "What's your return policy?",
        knowledge,
        onEvent: (event) => events.push(event),
      }),
    );
    expect(knowledge.queries).toEqual(["What's your return policy?"]);
    expect(result.reply).toContain('within 30 days of delivery');
    expect(result.reply).toMatch(
      /\(Source: Returns and refunds — https:\/\/trailhead\.example\/help\/returns\)$/,
    );
    // Only what the passage says: no sentence of the reply is missing from it.
    for (const sentence of result.reply.split('\n\n')[0].split(/(?<=\.)\s+/))
      expect(returns.text).toContain(sentence);
    expect(store.server.requests).toEqual([]);
    expect(result.dataSources).toEqual([]);
    expect(result.knowledgeSources).toEqual([
      {
        sourceId: 'src_returns',
        title: 'Returns and refunds',
        url: 'https://trailhead.example/help/returns',
      },
    ]);
    expect(result.steps.find((step) => step.type === 'knowledge-search')).toMatchObject({
      query: "What's your return policy?",
      passages: [{ sourceId: 'src_returns', title: 'Returns and refunds', relevance: 0.92 }],
    });
    expect(events.filter((event) => event.type === 'tool-call-end')).toMatchObject([
      { tool: KNOWLEDGE_TOOL_NAME, outcome: 'ok', excerpt: 'Returns and refunds' },
    ]);
  });

  it('picks the sentences that answer the question, not the whole passage', async () => {
    const result = await runTurn(
      storeTurn(model, store, {
        message: 'How long does a refund take to reach my bank?',
        knowledge: fixedKnowledge(() => [returns]),
      }),
    );
    expect(result.reply).toContain('within 5 business days');
    expect(result.reply).not.toContain('Personalized items');
  });

  it('says plainly that it has no information, and offers a person, when no source covers the question', async () => {
    const knowledge = fixedKnowledge(() => []);
    const result = await runTurn(
      storeTurn(model, store, { message: 'Do you sponsor football teams?', knowledge }),
    );
    expect(knowledge.queries).toHaveLength(1);
    expect(result.reply).toBe(
      "I'm sorry, I don't have that information. If you would like, I can hand you over to a person.",
    );
    expect(result.knowledgeSources).toEqual([]);
    const history: HistoryMessage[] = [
      { role: 'customer', text: 'Do you sponsor football teams?' },
      { role: 'agent', text: result.reply },
    ];
    const yes = await runTurn(storeTurn(model, store, { message: 'yes please', history, knowledge }));
    expect(yes.handoff).toBeDefined();
  });

  it("calls the API first for the customer's own order, without searching", async () => {
    const knowledge = fixedKnowledge(() => [{ ...returns, relevance: 1 }]);
    const result = await runTurn(storeTurn(model, store, { message: 'Where is my order 88812?', knowledge }));
    expect(knowledge.queries).toEqual([]);
    expect(store.server.requests.map((request) => request.url)).toEqual(['/orders/88812']);
    expect(result.knowledgeSources).toEqual([]);
  });

  it('goes on with the operation when the passage holds the question only in part', async () => {
    const knowledge = fixedKnowledge(() => [{ ...returns, relevance: 0.55 }]);
    const result = await runTurn(
      storeTurn(model, store, { message: 'Do you sell hiking boots?', knowledge }),
    );
    expect(store.server.requests.map((request) => request.url)[0]).toMatch(/^\/catalog/);
    expect(result.reply).toContain('Ridge waterproof hiking boots');
  });

  it('greets without searching', async () => {
    const knowledge = fixedKnowledge(() => [returns]);
    const result = await runTurn(storeTurn(model, store, { message: 'Hello!', knowledge }));
    expect(knowledge.queries).toEqual([]);
    expect(result.reply).toBe('Hello! How can I help you today?');
  });

  it('tells the model a failed search failed, in words that hide the cause', async () => {
    const knowledge: KnowledgeSearch = {
      search: async () => {
        throw new Error('relation "knowledge_passages" does not exist at db.internal:5432');
      },
    };
    const result = await runTurn(storeTurn(model, store, { message: 'What is your warranty?', knowledge }));
    const step = result.steps.find((entry) => entry.type === 'knowledge-search');
    expect(step).toMatchObject({ error: 'The knowledge search failed.', passages: [] });
    expect(JSON.stringify(result)).not.toContain('db.internal');
    expect(result.reply).toContain("I don't have that information");
  });
});

describe('runTurn with knowledge sources and a hosted model', () => {
  it('offers the search as a tool with the knowledge rules, and records the sources the reply cites', async () => {
    const store = await startStoreApi();
    const llm = await startFakeModelServer('openai', (request, index) => {
      if (index === 0)
        return { toolCalls: [{ name: KNOWLEDGE_TOOL_NAME, args: { query: 'return policy' } }] };
      const result = JSON.parse(request.toolResults[0]) as { passages: { source: string; url: string }[] };
      const [first] = result.passages;
      return { text: `You have 30 days to return an item. (Source: ${first.source} — ${first.url})` };
    });
    try {
      const knowledge = fixedKnowledge(() => [
        returns,
        { ...returns, sourceId: 'src_shipping', title: 'Shipping', url: null, text: 'We ship worldwide.' },
      ]);
      const result = await runTurn(
        storeTurn(llm.model, store, { message: 'Can I send things back?', knowledge }),
      );
      expect(llm.requests[0].toolNames).toContain(KNOWLEDGE_TOOL_NAME);
      expect(llm.requests[0].system).toContain(KNOWLEDGE_RULES);
      expect(JSON.parse(llm.requests[1].toolResults[0])).toMatchObject({
        outcome: 'ok',
        passages: [
          { source: 'Returns and refunds', url: returns.url, text: returns.text },
          { source: 'Shipping' },
        ],
      });
      expect(knowledge.queries).toEqual(['return policy']);
      expect(result.knowledgeSources).toEqual([
        { sourceId: 'src_returns', title: 'Returns and refunds', url: returns.url },
      ]);
    } finally {
      await llm.close();
      await store.close();
    }
  });

  it('offers no search tool and no knowledge rules to an agent without sources', async () => {
    const store = await startStoreApi();
    const llm = await startFakeModelServer('openai', () => ({ text: 'Hi!' }));
    try {
      await runTurn(storeTurn(llm.model, store, { message: 'Hello' }));
      expect(llm.requests[0].toolNames).not.toContain(KNOWLEDGE_TOOL_NAME);
      expect(llm.requests[0].system).not.toContain(KNOWLEDGE_TOOL_NAME);
    } finally {
      await llm.close();
      await store.close();
    }
  });
});
