import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startTestServer } from '../../executor/test-support/start-test-server.js';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import {
  type FakeShopApi,
  fakeShopApiKey,
  shopSchema,
  startFakeShopApi,
} from '../test-support/fake-shop-api.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

const returnsPath = `  /returns:
    post:
      operationId: createReturn
      summary: Start a return
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [orderId], properties: { orderId: { type: string } } }
      responses: { '201': { description: Created } }
`;

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`integration import and try-it on ${dialect.name}`, () => {
    let shop: FakeShopApi;
    let test: TestApp;
    let propertyId: string;
    const auth = { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: fakeShopApiKey };

    beforeAll(async () => {
      shop = await startFakeShopApi();
      test = await openTestApp(dialect, { allowHosts: ['127.0.0.1'] });
      propertyId = (
        await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Shop' } })
      ).json().id;
    });
    afterAll(async () => {
      await test.close();
      await shop.close();
    });

    async function createIntegration(payload: Record<string, unknown>) {
      return test.call({
        method: 'POST',
        url: `/api/v1/properties/${propertyId}/integrations`,
        payload: { name: 'Shop API', ...payload },
      });
    }

    it('imports a schema from a URL as version 1, with the base URL taken from its servers', async () => {
      const response = await createIntegration({ schemaUrl: `${shop.origin}/openapi.yaml`, auth });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({ version: 1, baseUrl: `${shop.origin}/api`, openapiVersion: '3.0.3' });
      expect(
        body.operations.map((operation: { name: string; method: string; path: string; enabled: boolean }) => [
          operation.name,
          operation.method,
          operation.path,
          operation.enabled,
        ]),
      ).toEqual([
        ['searchProducts', 'GET', '/products/search', true],
        ['trackOrder', 'GET', '/orders/{orderId}', true],
      ]);
      expect(Array.isArray(body.lint)).toBe(true);
      expect(JSON.stringify(body)).not.toContain(fakeShopApiKey);
    });

    it('answers a schema that cannot be understood with 422, the reason and the place', async () => {
      const notOpenApi = await createIntegration({
        schemaText: 'hello: world\n',
        baseUrl: 'https://x.example.com',
      });
      expect(notOpenApi.statusCode).toBe(422);
      expect(notOpenApi.json().error.code).toBe('unprocessable');
      expect(notOpenApi.json().error.message).toMatch(/OpenAPI|Swagger/);
      const broken = await createIntegration({
        schemaText: 'openapi: 3.0.0\npaths:\n  /a: [\n',
        baseUrl: 'https://x.example.com',
      });
      expect(broken.statusCode).toBe(422);
      expect(broken.json().error.where).toMatchObject({ line: expect.any(Number) });
      const both = await createIntegration({ schemaText: 'x', schemaUrl: 'https://x.example.com/a.yaml' });
      expect(both.statusCode).toBe(400);
      const list = await test.call({ method: 'GET', url: `/api/v1/properties/${propertyId}/integrations` });
      expect(list.json().items.filter((item: { name: string }) => item.name === 'Shop API')).toHaveLength(1);
    });

    it('tries an operation that takes an idempotency key without asking for one', async () => {
      const payments = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }));
      try {
        const schemaText = `openapi: 3.0.3
info: { title: Payments, version: '1' }
paths:
  /v2/refunds:
    post:
      operationId: RefundPayment
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [idempotency_key, payment_id]
              properties:
                idempotency_key: { type: string, description: A unique string that identifies this request }
                payment_id: { type: string }
      responses: { '200': { description: Refunded } }
`;
        const integration = (await createIntegration({ schemaText, baseUrl: payments.url })).json();
        const shown = await test.call({ method: 'GET', url: `/api/v1/integrations/${integration.id}` });
        const [operation] = shown.json().operations;
        expect(operation.inputSchema).toEqual({
          type: 'object',
          properties: { payment_id: { type: 'string' } },
          required: ['payment_id'],
        });
        const tried = await test.call({
          method: 'POST',
          url: `/api/v1/integrations/${integration.id}/operations/RefundPayment/try`,
          payload: { args: { payment_id: 'pay_1' } },
        });
        const { request, outcome } = tried.json();
        expect(outcome).toBe('ok');
        expect(request.body).toEqual({
          payment_id: 'pay_1',
          idempotency_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
        });
        expect(JSON.parse(payments.requests[0].body)).toEqual(request.body);
      } finally {
        await payments.close();
      }
    });

    it('runs an operation for real with try-it, shows the redacted request and logs the call', async () => {
      const integration = (await createIntegration({ schemaText: shop.schema, auth })).json();
      const result = await test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/operations/searchProducts/try`,
        payload: { args: { q: 'leather' } },
      });
      expect(result.statusCode).toBe(200);
      const body = result.json();
      expect(body).toMatchObject({
        outcome: 'ok',
        request: { method: 'GET', url: `${shop.origin}/api/products/search?q=leather` },
        response: { status: 200, body: { products: [{ name: 'Leather bag', price: 120, stock: 3 }] } },
      });
      expect(shop.requests.at(-1)).toEqual({
        line: 'GET /api/products/search?q=leather',
        apiKey: fakeShopApiKey,
      });
      const notFound = await test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/operations/trackOrder/try`,
        payload: { args: { orderId: '999' } },
      });
      expect(notFound.json()).toMatchObject({
        outcome: 'not-found',
        customerMessage: expect.stringContaining('No order found with number 999'),
      });
      const invalid = await test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/operations/trackOrder/try`,
        payload: { args: {} },
      });
      expect(invalid.json().outcome).toBe('invalid-arguments');

      const logs = await test.call({ method: 'GET', url: `/api/v1/integrations/${integration.id}/logs` });
      expect(
        logs.json().items.map((item: { tool: string; outcome: string }) => [item.tool, item.outcome]),
      ).toEqual([
        ['trackOrder', 'invalid-arguments'],
        ['trackOrder', 'not-found'],
        ['searchProducts', 'ok'],
      ]);
      const everything = result.body + notFound.body + logs.body;
      expect(everything).not.toContain(fakeShopApiKey);
      const unknown = await test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/operations/nope/try`,
        payload: {},
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('previews a re-import with its diff, keeps operation switches and confirmation settings, and applies only what was previewed', async () => {
      const integration = (
        await createIntegration({ schemaUrl: `${shop.origin}/openapi.yaml`, auth })
      ).json();
      const off = await test.call({
        method: 'PUT',
        url: `/api/v1/integrations/${integration.id}/operations/trackOrder`,
        payload: { enabled: false },
      });
      expect(off.json()).toMatchObject({ name: 'trackOrder', enabled: false });
      // A read that changes something (or costs money) can be made to ask first; the switch stays as it was.
      const ask = await test.call({
        method: 'PUT',
        url: `/api/v1/integrations/${integration.id}/operations/searchProducts`,
        payload: { needsConfirmation: true },
      });
      expect(ask.json()).toMatchObject({
        name: 'searchProducts',
        enabled: true,
        needsConfirmation: true,
        needsConfirmationDefault: false,
      });
      const empty = await test.call({
        method: 'PUT',
        url: `/api/v1/integrations/${integration.id}/operations/searchProducts`,
        payload: {},
      });
      expect(empty.statusCode).toBe(400);

      shop.schema = shopSchema(shop.origin, returnsPath);
      const preview = await test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/reimport/preview`,
        payload: {},
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({
        version: 2,
        diff: { added: ['createReturn'], removed: [], unchanged: 2 },
      });
      expect(
        (await test.call({ method: 'GET', url: `/api/v1/integrations/${integration.id}` })).json().version,
      ).toBe(1);

      const stale = await test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/versions`,
        payload: { sha256: '0'.repeat(64) },
      });
      expect(stale.statusCode).toBe(409);
      const applied = await test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/versions`,
        payload: { sha256: preview.json().sha256 },
      });
      expect(applied.statusCode).toBe(201);
      expect(applied.json()).toMatchObject({ version: 2, diff: { added: ['createReturn'] } });
      expect(
        applied
          .json()
          .operations.map((operation: { name: string; enabled: boolean; needsConfirmation: boolean }) => [
            operation.name,
            operation.enabled,
            operation.needsConfirmation,
          ]),
      ).toEqual([
        ['searchProducts', true, true],
        ['trackOrder', false, false],
        ['createReturn', true, true],
      ]);
      const reset = await test.call({
        method: 'PUT',
        url: `/api/v1/integrations/${integration.id}/operations/searchProducts`,
        payload: { needsConfirmation: null },
      });
      expect(reset.json()).toMatchObject({ needsConfirmation: false, needsConfirmationDefault: false });
      const versions = await test.call({
        method: 'GET',
        url: `/api/v1/integrations/${integration.id}/versions`,
      });
      expect(versions.json().items.map((version: { version: number }) => version.version)).toEqual([2, 1]);
      const first = await test.call({
        method: 'GET',
        url: `/api/v1/integrations/${integration.id}/versions/1`,
      });
      expect(first.json()).toMatchObject({ version: 1, sourceUrl: `${shop.origin}/openapi.yaml` });
      expect(first.json().operations).toHaveLength(2);
      shop.schema = shopSchema(shop.origin);
    });
  });
}

describe('schema URLs on private addresses', () => {
  it('are refused unless the host is allowed', async () => {
    const shop = await startFakeShopApi();
    const test = await openTestApp(storeDialects[0]);
    try {
      const property = (
        await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'P' } })
      ).json();
      const response = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${property.id}/integrations`,
        payload: { name: 'Local', schemaUrl: `${shop.origin}/openapi.yaml` },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toMatch(/127\.0\.0\.1.*(loopback|allow)/);
      const allowedForIntegration = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${property.id}/integrations`,
        payload: {
          name: 'Local',
          schemaUrl: `${shop.origin}/openapi.yaml`,
          allowHosts: [new URL(shop.origin).host],
        },
      });
      expect(allowedForIntegration.statusCode).toBe(201);
    } finally {
      await test.close();
      await shop.close();
    }
  });
});
