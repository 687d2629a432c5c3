import { describe, expect, it } from 'vitest';
import { indexCatalogCached } from './cached-catalog-index.js';
import type { RankableTool } from './rankable-tool.js';

const catalog = (status: string[], responseFields: string[]): RankableTool[] => [
  {
    name: 'listOrders',
    description: 'List orders.',
    inputSchema: { type: 'object', properties: { status: { type: 'string', enum: status } } },
    operation: { method: 'get', path: '/orders', operationId: 'listOrders', responseFields },
  },
];

describe('indexCatalogCached', () => {
  it('finds the index of the same tools read again, and indexes anew when any part the index reads was edited', () => {
    const first = indexCatalogCached(catalog(['open', 'shipped'], ['id', 'status']));
    // New arrays and objects of the same content: the content finds it.
    expect(indexCatalogCached(catalog(['open', 'shipped'], ['id', 'status']))).toBe(first);
    // The same names, method and path, but an input's values or the response's fields edited.
    const enumEdited = indexCatalogCached(catalog(['open', 'shipped', 'returned'], ['id', 'status']));
    expect(enumEdited).not.toBe(first);
    expect(enumEdited.tools[0].tool.inputSchema).toMatchObject({
      properties: { status: { enum: ['open', 'shipped', 'returned'] } },
    });
    const responseEdited = indexCatalogCached(catalog(['open', 'shipped'], ['id', 'status', 'carrier']));
    expect(responseEdited).not.toBe(first);
    expect(responseEdited.tools[0].tool.operation?.responseFields).toContain('carrier');
  });
});
