import { describe, expect, it } from 'vitest';
import { diffCatalogs } from './diff-catalogs.js';
import { importSchema } from './import-schema.js';
import type { ToolDefinition } from './tool-definition.js';

async function catalog(document: object): Promise<ToolDefinition[]> {
  const result = await importSchema(JSON.stringify(document));
  if (!result.ok) throw result.error;
  return result.value.tools;
}

const order = (extra: object = {}) => ({
  operationId: 'trackOrder',
  summary: 'Track an order',
  parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
  responses: { '200': { description: 'ok' } },
  ...extra,
});

describe('diffCatalogs', () => {
  it('lists added, removed, changed and unchanged tools in words', async () => {
    const before = await catalog({
      openapi: '3.0.3',
      info: { title: 'Shop', version: '1' },
      paths: {
        '/orders/{orderId}': { get: order() },
        '/products': { get: { operationId: 'searchProducts', summary: 'Search products', responses: {} } },
        '/legacy': { get: { operationId: 'legacy', summary: 'Old endpoint', responses: {} } },
      },
    });
    const after = await catalog({
      openapi: '3.0.3',
      info: { title: 'Shop', version: '2' },
      paths: {
        '/orders/{orderId}': {
          get: order({
            parameters: [
              { name: 'orderId', in: 'path', required: true, schema: { type: 'integer' } },
              { name: 'email', in: 'query', required: true, schema: { type: 'string' } },
            ],
          }),
        },
        '/products': { get: { operationId: 'searchProducts', summary: 'Search products', responses: {} } },
        '/returns': {
          post: {
            operationId: 'startReturn',
            summary: 'Start a return',
            requestBody: { content: { 'multipart/form-data': {} } },
            responses: {},
          },
        },
      },
    });
    expect(diffCatalogs(before, after)).toEqual({
      added: ['startReturn'],
      removed: ['legacy'],
      changed: [
        {
          name: 'trackOrder',
          changes: [
            "parameter 'orderId' changed type from string to integer",
            "new required parameter 'email'",
          ],
        },
      ],
      unchanged: 1,
    });
  });

  it('reports method, path, description and callability changes', async () => {
    const before = await catalog({ openapi: '3.0.3', info: {}, paths: { '/a/{orderId}': { get: order() } } });
    const after = await catalog({
      openapi: '3.0.3',
      info: {},
      paths: {
        '/b/{orderId}': {
          post: order({
            summary: 'Track a parcel',
            security: [{ tls: [] }],
          }),
        },
      },
      components: { securitySchemes: { tls: { type: 'mutualTLS' } } },
    });
    expect(diffCatalogs(before, after).changed[0].changes).toEqual([
      'method changed from GET to POST',
      'path changed from /a/{orderId} to /b/{orderId}',
      'description changed',
      'can no longer be called: requires mutual TLS (client certificate) authentication, which Concierge cannot send',
    ]);
  });

  it('finds nothing between a catalog and itself', async () => {
    const tools = await catalog({ openapi: '3.0.3', info: {}, paths: { '/a/{orderId}': { get: order() } } });
    expect(diffCatalogs(tools, structuredClone(tools))).toEqual({
      added: [],
      removed: [],
      changed: [],
      unchanged: 1,
    });
  });
});
