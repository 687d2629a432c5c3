import { beforeAll, describe, expect, it } from 'vitest';
import type { ToolDefinition } from './index.js';
import { selectTools } from './select-tools.js';
import { loadLargeCatalog, loadStoreTools } from './test-support/load-catalogs.js';

// Customer questions against the store API hidden among 1,000 back-office operations: the tool that
// answers each must be among the 20 offered.
const QUESTIONS: { say: string; context?: string; expect: string }[] = [
  { say: 'Do you sell waterproof hiking boots?', expect: 'searchCatalog' },
  { say: "I'd like to see your backpacks under 80 euros", expect: 'searchCatalog' },
  { say: 'What sizes does TR-2231 come in?', expect: 'getCatalogItem' },
  { say: "Where's my package? Order 88812", expect: 'getOrderStatus' },
  { say: 'has my order shipped yet? it is 44519', expect: 'getOrderStatus' },
  { say: 'what did I buy from you last year? kim@example.com', expect: 'listCustomerOrders' },
  { say: 'did my payment for invoice 2024-0042 go through?', expect: 'getInvoicePayment' },
  { say: 'which card do you have saved on my account?', expect: 'getAccountBilling' },
  { say: "I want to send back the jacket from order 5521, it's too big", expect: 'createReturn' },
  { say: 'Please cancel my order 77120', expect: 'cancelOrder' },
  { say: 'Is there a shop in Lisbon and when does it open?', expect: 'findStoreLocations' },
  { say: "it's 44821", context: 'Where is my order? What is your order number?', expect: 'getOrderStatus' },
];

describe('selectTools', () => {
  let catalog: ToolDefinition[];
  beforeAll(async () => {
    ({ tools: catalog } = await loadLargeCatalog());
  });

  it('offers every tool when there are no more than the limit', async () => {
    const tools = await loadStoreTools();
    expect(selectTools({ tools, query: 'hello' })).toEqual(tools);
  });

  it('offers the answering tool among 20 of 1,010 for nearly every question, near the top for most', () => {
    const ranks = QUESTIONS.map(({ say, context, expect: name }) => {
      const chosen = selectTools({ tools: catalog, query: say, context });
      expect(chosen.length).toBeLessThanOrEqual(20);
      return { say, rank: chosen.findIndex((tool) => tool.name === name) };
    });
    const missed = ranks.filter(({ rank }) => rank < 0).map(({ say }) => say);
    expect(missed.length, `not offered for: ${missed.join(' | ')}`).toBeLessThanOrEqual(1);
    expect(ranks.filter(({ rank }) => rank >= 0 && rank < 5).length).toBeGreaterThanOrEqual(
      QUESTIONS.length - 3,
    );
  });

  it('offers a follow-up that says little of its own the tools of the request it goes on with', () => {
    const context = 'I want to send back the jacket from order 5521, it is too big\nWhich item is it?';
    for (const say of ['the jacket', 'yes that one', 'ok do it']) {
      const chosen = selectTools({ tools: catalog, query: say, context });
      expect(chosen.length).toBeLessThanOrEqual(20);
      expect(
        chosen.map((tool) => tool.name),
        say,
      ).toContain('createReturn');
    }
  });

  it('always keeps the tools the base prompt names, within the limit', () => {
    const basePrompt = 'For order status use the getOrderStatus tool. Never use deleteAccount.';
    const chosen = selectTools({ tools: catalog, query: 'Do you sell tents?', basePrompt, limit: 5 });
    expect(chosen).toHaveLength(5);
    expect(chosen.slice(0, 2).map((tool) => tool.name)).toEqual(['getOrderStatus', 'deleteAccount']);
    expect(chosen.map((tool) => tool.name)).toContain('searchCatalog');
  });

  it('offers nothing for a message no tool is about', () => {
    expect(selectTools({ tools: catalog, query: 'hi there!' })).toEqual([]);
  });

  it('reuses an index only for the same content, even in a new array', () => {
    const copy = structuredClone(catalog);
    expect(selectTools({ tools: copy, query: 'Please cancel my order 77120' })).toEqual(
      selectTools({ tools: catalog, query: 'Please cancel my order 77120' }),
    );
    const changed = copy.map((tool) =>
      tool.name === 'countVehicles' ? { ...tool, summary: 'Book a zeppelin' } : tool,
    );
    expect(selectTools({ tools: catalog, query: 'zeppelin rides' })[0]?.name).not.toBe('countVehicles');
    expect(selectTools({ tools: changed, query: 'zeppelin rides' })[0]?.name).toBe('countVehicles');
  });
});
