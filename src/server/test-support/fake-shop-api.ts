// Test helper: a real HTTP server on 127.0.0.1 that serves a small shop API and its OpenAPI document.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The API key the fake shop expects in `X-Api-Key`. */
export const fakeShopApiKey = 'shop-secret-key-5f3a9c';

/** A running fake shop. */
export interface FakeShopApi {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** The OpenAPI document it serves at /openapi.yaml; replace it to simulate a new version. */
  schema: string;
  /** Requests received, as `METHOD /path?query` with the X-Api-Key and X-Customer-Id header values. */
  requests: { line: string; apiKey: string | undefined; customerId?: string }[];
  close: () => Promise<void>;
}

/** A shop API document with a product search and order tracking; `extra` adds YAML under paths. */
export function shopSchema(origin: string, extra = ''): string {
  return `openapi: 3.0.3
info: { title: Fake shop, version: '1' }
servers: [{ url: '${origin}/api' }]
paths:
  /products/search:
    get:
      operationId: searchProducts
      summary: Search the product catalog
      description: Use when the customer looks for products. Returns matching products with price and stock.
      parameters:
        - { name: q, in: query, required: true, description: Product words from the customer's message, schema: { type: string } }
      responses: { '200': { description: Products } }
  /orders/{orderId}:
    get:
      operationId: trackOrder
      summary: Track an order
      description: Use when the customer asks where their order is.
      parameters:
        - { name: orderId, in: path, required: true, description: The order number, schema: { type: string } }
      responses: { '200': { description: The order } }
${extra}`;
}

const catalog = [
  { name: 'Leather bag', price: 120, stock: 3, url: 'https://shop.example.com/p/leather-bag' },
  { name: 'Canvas tote', price: 35, stock: 0, url: 'https://shop.example.com/p/canvas-tote' },
];

function respond(request: IncomingMessage): { status: number; body: unknown } {
  const url = new URL(request.url ?? '/', 'http://x');
  if (request.headers['x-api-key'] !== fakeShopApiKey)
    return { status: 401, body: { message: 'Invalid API key.' } };
  if (url.pathname === '/api/products/search') {
    // Matches any product sharing a word stem with the query ("leather bags" finds "Leather bag").
    const words = (url.searchParams.get('q') ?? '').toLowerCase().split(/\W+/).filter(Boolean);
    const products = catalog.filter((product) =>
      words.some((word) => product.name.toLowerCase().includes(word.replace(/s$/, ''))),
    );
    return { status: 200, body: { products } };
  }
  // A customer's own orders, for identity-bound calls: whoever the path names.
  const mine = /^\/api\/customers\/([^/]+)\/orders$/.exec(url.pathname);
  if (mine) {
    const customer = decodeURIComponent(mine[1]);
    return { status: 200, body: { orders: [{ orderNumber: `${customer}-100`, customer, total: 40 }] } };
  }
  const order = /^\/api\/orders\/(.+)$/.exec(url.pathname);
  if (order) {
    return order[1] === '12345'
      ? { status: 200, body: { id: '12345', status: 'shipped' } }
      : { status: 404, body: { message: `No order found with number ${decodeURIComponent(order[1])}.` } };
  }
  return { status: 404, body: { message: 'Not found' } };
}

/** Starts the fake shop on an ephemeral port. */
export async function startFakeShopApi(): Promise<FakeShopApi> {
  const state: { server?: Server } = {};
  const api: FakeShopApi = {
    origin: '',
    schema: '',
    requests: [],
    close: () => new Promise((resolve) => state.server?.close(() => resolve())),
  };
  state.server = createServer((request, response) => {
    if (request.url === '/openapi.yaml') {
      response.writeHead(200, { 'content-type': 'application/yaml' }).end(api.schema);
      return;
    }
    const apiKey = request.headers['x-api-key'];
    const customerId = request.headers['x-customer-id'];
    api.requests.push({
      line: `${request.method} ${request.url}`,
      apiKey: typeof apiKey === 'string' ? apiKey : undefined,
      ...(typeof customerId === 'string' ? { customerId } : {}),
    });
    const { status, body } = respond(request);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => state.server!.listen(0, '127.0.0.1', resolve));
  api.origin = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  api.schema = shopSchema(api.origin);
  return api;
}
