import { describe, expect, it } from 'vitest';
import type { ToolCallIntegration } from '../executor/index.js';
import { defineTool } from '../executor/test-support/define-tool.js';
import { HANDOFF_TOOL_NAME } from './agent-rules.js';
import { findToolNameClashes, nameAgentTools } from './name-agent-tools.js';
import { compileOfferableTools, offeredName, offerTools } from './offer-tools.js';
import type { AgentTool } from './run-turn-options.js';

const shop: ToolCallIntegration = { id: 'shop', baseUrl: 'https://shop.example', auth: { type: 'none' } };
const erp: ToolCallIntegration = { id: 'erp', baseUrl: 'https://erp.example', auth: { type: 'none' } };
const getOrder = (integration: ToolCallIntegration, integrationName?: string): AgentTool => ({
  tool: defineTool({
    name: 'getOrder',
    method: 'get',
    path: '/orders/{id}',
    description: 'Find an order by its number.',
    parameters: [{ name: 'id', in: 'path' }],
  }),
  integration,
  integrationName,
});

describe('offerTools', () => {
  it('builds each offered tool once per compiled catalog, the same for every later turn', () => {
    const tools = compileOfferableTools([getOrder(shop)]);
    const turn = () => offerTools({ tools, basePrompt: '', message: 'where is my order 4411', history: [] });
    const first = turn().toolSet;
    expect(first.getOrder.description).toBe('Find an order by its number.');
    expect(turn().toolSet.getOrder).toBe(first.getOrder);
  });

  it('qualifies a name two integrations share by the integration, and says which in the description', () => {
    const upload = {
      tool: defineTool({ name: 'upload', method: 'post', path: '/files', callable: false }),
      integration: shop,
    };
    const tools = [getOrder(shop, 'Shop API'), getOrder(erp, 'ERP (EU) 2'), upload];
    const offered = offerTools({ tools, basePrompt: '', message: 'where is my order', history: [] });
    expect(Object.keys(offered.toolSet)).toEqual([
      HANDOFF_TOOL_NAME,
      'shop_api__getOrder',
      'erp_eu_2__getOrder',
    ]);
    expect(offered.byName.get('shop_api__getOrder')?.integration.id).toBe('shop');
    expect(offered.byName.get('erp_eu_2__getOrder')?.integration.id).toBe('erp');
    expect(offered.toolSet.erp_eu_2__getOrder.description).toBe('Find an order by its number (ERP (EU) 2).');
    expect(offered.toolSet.shop_api__getOrder.description).toBe('Find an order by its number (Shop API).');
    const summarized = nameAgentTools([
      {
        ...tools[0],
        tool: { ...tools[0].tool, description: 'Find an order\n\nUse when asked. Needs the number.' },
      },
      tools[1],
    ]);
    expect([...summarized.values()][0].description).toBe(
      'Find an order (Shop API)\n\nUse when asked. Needs the number.',
    );
  });

  it('keeps a name only one integration has, and names stay the same whatever the turn selects', () => {
    const search = {
      tool: defineTool({ name: 'searchProducts', method: 'get', path: '/products' }),
      integration: shop,
      integrationName: 'Shop',
    };
    const tools = [search, getOrder(shop, 'Shop'), getOrder(erp, 'Shop')];
    const offered = offerTools({ tools, basePrompt: '', message: 'yes', history: [], keep: [tools[2]] });
    expect(offered.byName.get('searchProducts')).toBe(search);
    // Two integrations of the same name: the second qualified name gets a number.
    expect(offered.byName.get('shop__getOrder_2')?.integration.id).toBe('erp');
    expect(offeredName(tools, tools[2])).toBe('shop__getOrder_2');
  });

  it('offers the same operation at the same URL once when the API is connected twice', () => {
    const again: ToolCallIntegration = { ...shop, id: 'shop-again' };
    const tools = [getOrder(shop, 'Shop API'), getOrder(again, 'Shop API 2')];
    const offered = offerTools({ tools, basePrompt: '', message: 'where is my order 12', history: [] });
    expect([...offered.byName.keys()]).toEqual(['getOrder']);
    expect(offered.byName.get('getOrder')?.integration.id).toBe('shop');
    expect(findToolNameClashes(tools)).toEqual([
      { name: 'getOrder', integrationIds: ['shop', 'shop-again'] },
    ]);
  });

  it('never gives an operation the hand-off tool name, and keeps names within 64 characters', () => {
    const handoff = {
      tool: defineTool({ name: HANDOFF_TOOL_NAME, method: 'post', path: '/handoff' }),
      integration: shop,
      integrationName: 'A very long integration name that goes on and on',
    };
    const long = {
      tool: defineTool({ name: `getOrder${'X'.repeat(60)}`, method: 'get', path: '/x' }),
      integration: erp,
    };
    const tools = [handoff, long, { ...long, integration: shop }];
    const names = [...nameAgentTools(tools).values()].map((offered) => offered.name);
    expect(names[0]).toBe(`a_very_long_integration__${HANDOFF_TOOL_NAME}`);
    expect(names).toHaveLength(3);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(new Set(names).size).toBe(3);
  });
});
