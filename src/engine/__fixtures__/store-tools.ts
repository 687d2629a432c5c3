// A small store catalog, as the agent hands tools to a model (with each operation's HTTP shape), for
// the engine's tests.
import type { EngineTool } from '../catalog/engine-tool.js';

/** Search, one product, order tracking, returns and stores: enough to test choosing and filling. */
export const storeTools: EngineTool[] = [
  {
    name: 'searchProducts',
    operation: { method: 'get', path: '/products', operationId: 'searchProducts', tags: ['catalog'] },
    description: 'Search the product catalog. Use when the customer asks about products or wants to browse items.',
    inputSchema: {
      type: 'object',
      required: ['q'],
      properties: {
        q: { type: 'string', description: 'Search keyword, for example "leather bags".' },
        max_price: { type: 'number', description: 'Highest price in US dollars, only when the customer names a budget.' },
        category: { type: 'string', enum: ['bags', 'shoes', 'jackets'], description: 'Product category.' },
      },
    },
  },
  {
    name: 'getProduct',
    operation: { method: 'get', path: '/products/{sku}', operationId: 'getProduct', tags: ['catalog'] },
    description: 'Get one product by SKU. Use when the customer names a product code (SKU).',
    inputSchema: {
      type: 'object',
      required: ['sku'],
      properties: { sku: { type: 'string', pattern: '^SKU-[0-9]{3,6}$', description: 'Product code, e.g. SKU-1042.' } },
    },
  },
  {
    name: 'trackOrder',
    operation: { method: 'get', path: '/orders/{orderId}/tracking', operationId: 'trackOrder', tags: ['orders'] },
    description: 'Track an order. Use when the customer asks where their order is or when it will arrive.',
    inputSchema: {
      type: 'object',
      required: ['orderId'],
      properties: {
        orderId: { type: 'string', pattern: '^[0-9]{4,10}$', description: 'The order number, digits only.' },
      },
    },
  },
  {
    name: 'createReturn',
    operation: { method: 'post', path: '/orders/{orderId}/returns', operationId: 'createReturn', tags: ['orders'], bodyInputs: ['reason'] },
    description: 'Start a return. Use when the customer wants to return an item or get a refund for an order.',
    inputSchema: {
      type: 'object',
      required: ['orderId', 'reason'],
      properties: {
        orderId: { type: 'string', pattern: '^[0-9]{4,10}$', description: 'The order number, digits only.' },
        reason: { type: 'string', description: "Why the customer is returning the item, in their own words." },
      },
    },
  },
  {
    name: 'findStores',
    operation: { method: 'get', path: '/stores', operationId: 'findStores', tags: ['stores'] },
    description: "Find physical stores. Use when the customer asks for a store's address or opening hours in a city.",
    inputSchema: {
      type: 'object',
      required: ['city'],
      properties: { city: { type: 'string', description: "City name from the customer's message." } },
    },
  },
  {
    name: 'listOrders',
    operation: { method: 'get', path: '/orders', operationId: 'listOrders', tags: ['orders'] },
    description: "List a customer's past purchases. Needs the customer's email address.",
    inputSchema: {
      type: 'object',
      required: ['email'],
      properties: { email: { type: 'string', format: 'email', description: "The customer's email address." } },
    },
  },
];
