import { describe, expect, it } from 'vitest';
import { importSchema } from '../../openapi/index.js';
import { readOperationShape, shapeOf, shapeProviderOptions } from './rankable-tool.js';

describe('the operation shape passed to a model', () => {
  it('names the inputs sent as headers, and survives the trip through provider options', async () => {
    const result = await importSchema(
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'menus', version: '1' },
        paths: {
          '/restaurants/{restaurantId}/menus': {
            get: {
              operationId: 'getMenus',
              parameters: [
                { in: 'path', name: 'restaurantId', required: true, schema: { type: 'integer' } },
                { in: 'header', name: 'Accept-Tenant', required: true, schema: { type: 'string' } },
              ],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      }),
    );
    if (!result.ok) throw result.error;
    const shape = shapeOf(result.value.tools[0]);
    expect(shape.headerInputs).toEqual(['Accept-Tenant']);
    expect(readOperationShape(shapeProviderOptions(shape))).toMatchObject({
      headerInputs: ['Accept-Tenant'],
    });
  });
});
