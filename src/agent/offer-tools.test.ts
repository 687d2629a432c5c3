import { describe, expect, it } from 'vitest';
import type { ToolCallIntegration } from '../executor/index.js';
import { defineTool } from '../executor/test-support/define-tool.js';
import { HANDOFF_TOOL_NAME } from './agent-rules.js';
import { offerTools } from './offer-tools.js';

const shop: ToolCallIntegration = { id: 'shop', baseUrl: 'https://shop.example', auth: { type: 'none' } };
const erp: ToolCallIntegration = { id: 'erp', baseUrl: 'https://erp.example', auth: { type: 'none' } };
const getOrder = (integration: ToolCallIntegration) => ({
  tool: defineTool({
    name: 'getOrder',
    method: 'get',
    path: '/orders/{id}',
    parameters: [{ name: 'id', in: 'path' }],
  }),
  integration,
});

describe('offerTools', () => {
  it('offers the hand-off tool and every callable operation under unique names', () => {
    const upload = {
      tool: defineTool({ name: 'upload', method: 'post', path: '/files', callable: false }),
      integration: shop,
    };
    const tools = [getOrder(shop), getOrder(erp), upload];
    const offered = offerTools({ tools, basePrompt: '', message: 'where is my order', history: [] });
    expect(Object.keys(offered.toolSet)).toEqual([HANDOFF_TOOL_NAME, 'getOrder', 'getOrder_2']);
    expect(offered.byName.get('getOrder')?.integration.id).toBe('shop');
    expect(offered.byName.get('getOrder_2')?.integration.id).toBe('erp');
  });

  it('puts kept tools first so they keep their own names', () => {
    const tools = [getOrder(shop), getOrder(erp)];
    const offered = offerTools({ tools, basePrompt: '', message: 'yes', history: [], keep: [tools[1]] });
    expect(offered.byName.get('getOrder')?.integration.id).toBe('erp');
  });
});
