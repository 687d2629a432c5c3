// Security regression: only the server's operator widens the network guard. A property API key
// cannot open it (allowHosts on an integration is admin-only), and no address form of loopback,
// private or metadata hosts gets a tool call, a try-it call or a schema download through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import {
  createPropertyWithKey,
  INTERNAL_ANSWER,
  itemsSchema,
  startInternalService,
} from './security-support.js';

describe('security: the network guard cannot be opened with a property API key', () => {
  let internal: Awaited<ReturnType<typeof startInternalService>>;
  let test: TestApp;
  let propertyId: string;
  let key: string;

  beforeAll(async () => {
    internal = await startInternalService();
    test = await openTestApp(storeDialects[0]);
    ({ propertyId, key } = await createPropertyWithKey(test));
  });
  afterAll(async () => {
    await test.close();
    await internal.close();
  });

  const asProperty = (options: Parameters<TestApp['call']>[0]) => test.call({ ...options, token: key });

  it('refuses allowHosts from a property key with 403, on create and on change', async () => {
    const create = await asProperty({
      method: 'POST',
      url: `/api/v1/properties/${propertyId}/integrations`,
      payload: { name: 'Internal', schemaText: itemsSchema(internal.origin), allowHosts: ['127.0.0.1'] },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.message).toMatch(/only the admin token may set allowHosts/);
    expect(create.json().error.message).toMatch(/CONCIERGE_ALLOW_HOSTS/);

    const integration = (
      await asProperty({
        method: 'POST',
        url: `/api/v1/properties/${propertyId}/integrations`,
        payload: { name: 'Internal', schemaText: itemsSchema(internal.origin) },
      })
    ).json();
    for (const allowHosts of [['127.0.0.1'], [`127.0.0.1:${internal.port}`], ['169.254.169.254']]) {
      const change = await asProperty({
        method: 'PATCH',
        url: `/api/v1/integrations/${integration.id}`,
        payload: { allowHosts },
      });
      expect(change.statusCode).toBe(403);
    }
    // Narrowing is always allowed.
    const narrow = await asProperty({
      method: 'PATCH',
      url: `/api/v1/integrations/${integration.id}`,
      payload: { allowHosts: [] },
    });
    expect(narrow.statusCode).toBe(200);
    expect((await test.store.integrations.get(integration.id))?.allowHosts).toEqual([]);
  });

  it('blocks try-it calls to loopback, private and metadata addresses in any spelling', async () => {
    const integration = (
      await asProperty({
        method: 'POST',
        url: `/api/v1/properties/${propertyId}/integrations`,
        payload: { name: 'Internal', schemaText: itemsSchema(internal.origin) },
      })
    ).json();
    const port = internal.port;
    const baseUrls = [
      internal.origin,
      `http://localhost:${port}`,
      `http://127.1:${port}`,
      `http://0x7f000001:${port}`,
      `http://2130706433:${port}`,
      `http://[::ffff:127.0.0.1]:${port}`,
      `http://[::1]:${port}`,
      `http://0.0.0.0:${port}`,
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.1',
      'http://192.168.1.1',
    ];
    for (const baseUrl of baseUrls) {
      const patched = await asProperty({
        method: 'PATCH',
        url: `/api/v1/integrations/${integration.id}`,
        payload: { baseUrl },
      });
      expect(patched.statusCode).toBe(200);
      const tried = await asProperty({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/operations/listItems/try`,
        payload: { args: { q: 'x' } },
      });
      expect(tried.statusCode, baseUrl).toBe(200);
      expect(tried.json().outcome, baseUrl).toBe('blocked');
      expect(tried.body).not.toContain(INTERNAL_ANSWER);
    }
    expect(internal.requests).toEqual([]);
  });

  it('does not download a schema from a loopback URL', async () => {
    const response = await asProperty({
      method: 'POST',
      url: `/api/v1/properties/${propertyId}/integrations`,
      payload: { name: 'Internal', schemaUrl: `${internal.origin}/openapi.yaml` },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(internal.requests).toEqual([]);
  });

  it('lets the admin token allow a private host for one integration', async () => {
    const integration = await test.call({
      method: 'POST',
      url: `/api/v1/properties/${propertyId}/integrations`,
      payload: {
        name: 'Internal, allowed by the admin',
        schemaText: itemsSchema(internal.origin),
        allowHosts: [`127.0.0.1:${internal.port}`],
      },
    });
    expect(integration.statusCode).toBe(201);
    const tried = await asProperty({
      method: 'POST',
      url: `/api/v1/integrations/${integration.json().id}/operations/listItems/try`,
      payload: {},
    });
    expect(tried.json().outcome).toBe('ok');
    expect(tried.body).toContain(INTERNAL_ANSWER);
    // The property key may keep the admin's list as it is when it changes other settings.
    const kept = await asProperty({
      method: 'PATCH',
      url: `/api/v1/integrations/${integration.json().id}`,
      payload: { name: 'Renamed', allowHosts: [`127.0.0.1:${internal.port}`] },
    });
    expect(kept.statusCode).toBe(200);
    internal.requests.length = 0;
  });
});

describe('security: the operator widens the guard with CONCIERGE_ALLOW_HOSTS', () => {
  it('reaches a host the server configuration allows, for any property', async () => {
    const internal = await startInternalService();
    const test = await openTestApp(storeDialects[0], { allowHosts: [`127.0.0.1:${internal.port}`] });
    try {
      const { propertyId, key } = await createPropertyWithKey(test);
      const integration = (
        await test.call({
          method: 'POST',
          url: `/api/v1/properties/${propertyId}/integrations`,
          payload: { name: 'Internal', schemaText: itemsSchema(internal.origin) },
          token: key,
        })
      ).json();
      const tried = await test.call({
        method: 'POST',
        url: `/api/v1/integrations/${integration.id}/operations/listItems/try`,
        payload: {},
        token: key,
      });
      expect(tried.json().outcome).toBe('ok');
    } finally {
      await test.close();
      await internal.close();
    }
  });
});
