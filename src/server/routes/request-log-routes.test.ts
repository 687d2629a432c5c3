import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

const sqlite = storeDialects[0];

describe('request log routes', () => {
  let test: TestApp;
  let integrationId: string;
  let propertyId: string;

  beforeAll(async () => {
    test = await openTestApp(sqlite);
    const property = await test.store.properties.create({ name: 'Shop' });
    propertyId = property.id;
    const integration = await test.store.integrations.create({
      propertyId,
      name: 'API',
      baseUrl: 'https://x.test',
    });
    const other = await test.store.integrations.create({
      propertyId,
      name: 'Other',
      baseUrl: 'https://y.test',
    });
    integrationId = integration.id;
    const base = {
      agentId: null,
      conversationId: null,
      operationId: null,
      method: 'GET',
      requestHeaders: {},
      requestBody: null,
      responseExcerpt: null,
      error: null,
      attempts: 1,
      durationMs: 3,
    };
    for (let index = 0; index < 3; index++) {
      await test.store.requestLogs.add({
        ...base,
        integrationId,
        tool: 'searchProducts',
        url: `https://x.test/products?q=${index}`,
        status: 200,
        outcome: 'ok',
        createdAt: new Date().toISOString(),
      });
    }
    await test.store.requestLogs.add({
      ...base,
      integrationId,
      tool: 'trackOrder',
      url: 'https://x.test/orders/9',
      status: 404,
      outcome: 'not-found',
      createdAt: new Date().toISOString(),
    });
    await test.store.requestLogs.add({
      ...base,
      integrationId: other.id,
      tool: 'ping',
      url: 'https://y.test/ping',
      status: 503,
      outcome: 'server-error',
      createdAt: new Date().toISOString(),
    });
  });
  afterAll(async () => {
    await test.close();
  });

  it('filters by tool, outcome and status, newest first', async () => {
    const all = await test.call({ method: 'GET', url: `/api/v1/integrations/${integrationId}/logs` });
    expect(all.json().items.map((item: { tool: string }) => item.tool)).toEqual([
      'trackOrder',
      'searchProducts',
      'searchProducts',
      'searchProducts',
    ]);
    const notFound = await test.call({
      method: 'GET',
      url: `/api/v1/integrations/${integrationId}/logs?outcome=not-found`,
    });
    expect(notFound.json().items).toEqual([expect.objectContaining({ tool: 'trackOrder', status: 404 })]);
    const byStatus = await test.call({
      method: 'GET',
      url: `/api/v1/properties/${propertyId}/logs?status=503`,
    });
    expect(byStatus.json().items).toEqual([expect.objectContaining({ tool: 'ping' })]);
    const byTool = await test.call({
      method: 'GET',
      url: `/api/v1/properties/${propertyId}/logs?tool=searchProducts`,
    });
    expect(byTool.json().items).toHaveLength(3);
    const future = await test.call({
      method: 'GET',
      url: `/api/v1/properties/${propertyId}/logs?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    });
    expect(future.json().items).toEqual([]);
  });

  it('pages with a cursor and shows one entry in full', async () => {
    const first = await test.call({ method: 'GET', url: `/api/v1/properties/${propertyId}/logs?limit=2` });
    expect(first.json().items).toHaveLength(2);
    const second = await test.call({
      method: 'GET',
      url: `/api/v1/properties/${propertyId}/logs?limit=2&cursor=${first.json().next}`,
    });
    const third = await test.call({
      method: 'GET',
      url: `/api/v1/properties/${propertyId}/logs?limit=2&cursor=${second.json().next}`,
    });
    const ids = [...first.json().items, ...second.json().items, ...third.json().items].map(
      (item: { id: string }) => item.id,
    );
    expect(new Set(ids).size).toBe(5);
    expect(third.json().next).toBeUndefined();
    const detail = await test.call({ method: 'GET', url: `/api/v1/logs/${ids[0]}` });
    expect(detail.json()).toMatchObject({ id: ids[0], tool: 'ping', outcome: 'server-error' });
  });

  it('rejects unknown filters and values with 400', async () => {
    const badOutcome = await test.call({
      method: 'GET',
      url: `/api/v1/integrations/${integrationId}/logs?outcome=great`,
    });
    expect(badOutcome.statusCode).toBe(400);
    expect(badOutcome.json().error.message).toMatch(/querystring.outcome/);
    const badTime = await test.call({
      method: 'GET',
      url: `/api/v1/integrations/${integrationId}/logs?from=yesterday`,
    });
    expect(badTime.statusCode).toBe(400);
  });
});
