import { describe, expect, it } from 'vitest';
import { importSchema } from '../../openapi/index.js';
import { holdsPeopleOf, readOperationShape, shapeOf, shapeProviderOptions } from './rankable-tool.js';

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

  it("marks a response that holds a person's email past the fields it keeps, through the trip too", async () => {
    const many = Object.fromEntries(
      Array.from({ length: 70 }, (_, at) => [`field_${at}`, { type: 'string' }]),
    );
    const order = {
      type: 'object',
      properties: {
        ...many,
        billing_address: { type: 'object', properties: { email: { type: 'string' } } },
      },
    };
    const result = await importSchema(
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'orders', version: '1' },
        paths: {
          '/orders': {
            get: {
              operationId: 'getOrders',
              responses: {
                '200': {
                  description: 'ok',
                  content: { 'application/json': { schema: { type: 'array', items: order } } },
                },
              },
            },
          },
          '/products': {
            get: {
              operationId: 'getProducts',
              responses: {
                '200': {
                  description: 'ok',
                  content: {
                    'application/json': {
                      schema: { type: 'array', items: { type: 'object', properties: many } },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    );
    if (!result.ok) throw result.error;
    const [orders, products] = result.value.tools.map(shapeOf);
    expect(orders.responseFields).not.toContain('email');
    expect(orders.people).toBe(true);
    expect(readOperationShape(shapeProviderOptions(orders))?.people).toBe(true);
    expect(products.people).toBeUndefined();
  });

  it("knows a person's email by whose it is ('customer_email', 'receiptEmail'), not the business's own", () => {
    const holding = (name: string) =>
      holdsPeopleOf({ type: 'object', properties: { [name]: { type: 'string' } } });
    for (const name of ['email', 'customer_email', 'receiptEmail', 'billing_email', 'email_address'])
      expect(holding(name), name).toBe(true);
    for (const name of ['business_email', 'support_email', 'emails_sent'])
      expect(holding(name), name).toBe(false);
  });

  it("knows people's records by their customer's name ('clientName'), not by any name", () => {
    const holding = (name: string) =>
      holdsPeopleOf({
        type: 'object',
        properties: {
          list: { type: 'array', items: { type: 'object', properties: { [name]: { type: 'string' } } } },
        },
      });
    for (const name of ['clientName', 'customer_name', 'buyerFullName', 'buyer'])
      expect(holding(name), name).toBe(true);
    for (const name of ['name', 'productName', 'storeName']) expect(holding(name), name).toBe(false);
  });
});
