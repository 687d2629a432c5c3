import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDialects } from '../store/test-support/store-dialects.js';
import { openTestApp, type TestApp } from './test-support/test-app.js';

// Every admin route, filled with the ids of property A's records. A route the server has but this
// table lacks fails the first test, so new routes cannot skip the cross-property check.
function routeTable(ids: Record<string, string>): Record<string, { url: string; payload?: unknown }> {
  return {
    'GET /api/v1/properties/{id}': { url: `/api/v1/properties/${ids.property}` },
    'PATCH /api/v1/properties/{id}': { url: `/api/v1/properties/${ids.property}`, payload: { name: 'x' } },
    'DELETE /api/v1/properties/{id}': { url: `/api/v1/properties/${ids.property}` },
    'POST /api/v1/properties/{id}/api-keys': {
      url: `/api/v1/properties/${ids.property}/api-keys`,
      payload: { name: 'x' },
    },
    'GET /api/v1/properties/{id}/api-keys': { url: `/api/v1/properties/${ids.property}/api-keys` },
    'DELETE /api/v1/properties/{id}/api-keys/{keyId}': {
      url: `/api/v1/properties/${ids.property}/api-keys/${ids.key}`,
    },
    'POST /api/v1/properties/{id}/agents': {
      url: `/api/v1/properties/${ids.property}/agents`,
      payload: { name: 'x' },
    },
    'GET /api/v1/properties/{id}/agents': { url: `/api/v1/properties/${ids.property}/agents` },
    'GET /api/v1/agents/{id}': { url: `/api/v1/agents/${ids.agent}` },
    'PATCH /api/v1/agents/{id}': { url: `/api/v1/agents/${ids.agent}`, payload: { name: 'x' } },
    'DELETE /api/v1/agents/{id}': { url: `/api/v1/agents/${ids.agent}` },
    'GET /api/v1/agents/{id}/integrations': { url: `/api/v1/agents/${ids.agent}/integrations` },
    'POST /api/v1/agents/{id}/identity/secret': {
      url: `/api/v1/agents/${ids.agent}/identity/secret`,
      payload: {},
    },
    'POST /api/v1/agents/{id}/identity/check': {
      url: `/api/v1/agents/${ids.agent}/identity/check`,
      payload: { token: 'a.b.c' },
    },
    'PUT /api/v1/agents/{agentId}/integrations/{integrationId}': {
      url: `/api/v1/agents/${ids.agent}/integrations/${ids.integration}`,
      payload: { enabled: false },
    },
    'POST /api/v1/properties/{id}/integrations': {
      url: `/api/v1/properties/${ids.property}/integrations`,
      payload: { name: 'x', baseUrl: 'https://x.example.com' },
    },
    'GET /api/v1/properties/{id}/integrations': { url: `/api/v1/properties/${ids.property}/integrations` },
    'POST /api/v1/properties/{id}/integrations/preview': {
      url: `/api/v1/properties/${ids.property}/integrations/preview`,
      payload: { schemaText: 'openapi: 3.0.0' },
    },
    'GET /api/v1/integrations/{id}': { url: `/api/v1/integrations/${ids.integration}` },
    'PATCH /api/v1/integrations/{id}': {
      url: `/api/v1/integrations/${ids.integration}`,
      payload: { name: 'x' },
    },
    'DELETE /api/v1/integrations/{id}': { url: `/api/v1/integrations/${ids.integration}` },
    'PUT /api/v1/integrations/{id}/operations/{name}': {
      url: `/api/v1/integrations/${ids.integration}/operations/anything`,
      payload: { enabled: false },
    },
    'GET /api/v1/integrations/{id}/versions': { url: `/api/v1/integrations/${ids.integration}/versions` },
    'GET /api/v1/properties/{id}/conversations': { url: `/api/v1/properties/${ids.property}/conversations` },
    'POST /api/v1/agents/{id}/conversations': {
      url: `/api/v1/agents/${ids.agent}/conversations`,
      payload: {},
    },
    'GET /api/v1/conversations/{id}': { url: `/api/v1/conversations/${ids.conversation}` },
    'PATCH /api/v1/conversations/{id}': {
      url: `/api/v1/conversations/${ids.conversation}`,
      payload: { status: 'closed' },
    },
    'POST /api/v1/integrations/{id}/operations/{name}/try': {
      url: `/api/v1/integrations/${ids.integration}/operations/anything/try`,
      payload: { args: {} },
    },
    'POST /api/v1/integrations/{id}/reimport/preview': {
      url: `/api/v1/integrations/${ids.integration}/reimport/preview`,
      payload: { schemaText: 'openapi: 3.0.0' },
    },
    'POST /api/v1/integrations/{id}/versions': {
      url: `/api/v1/integrations/${ids.integration}/versions`,
      payload: { schemaText: 'openapi: 3.0.0' },
    },
    'GET /api/v1/integrations/{id}/versions/{version}': {
      url: `/api/v1/integrations/${ids.integration}/versions/1`,
    },
    'POST /api/v1/conversations/{id}/messages': {
      url: `/api/v1/conversations/${ids.conversation}/messages`,
      payload: { text: 'hello' },
    },
    'GET /api/v1/conversations/{id}/messages': { url: `/api/v1/conversations/${ids.conversation}/messages` },
    'POST /api/v1/conversations/{id}/human-replies': {
      url: `/api/v1/conversations/${ids.conversation}/human-replies`,
      payload: { text: 'hello' },
    },
    'GET /api/v1/integrations/{id}/logs': { url: `/api/v1/integrations/${ids.integration}/logs` },
    'GET /api/v1/properties/{id}/logs': { url: `/api/v1/properties/${ids.property}/logs` },
    'GET /api/v1/logs/{id}': { url: `/api/v1/logs/${ids.log}` },
    'GET /api/v1/properties/{id}/knowledge-sources': {
      url: `/api/v1/properties/${ids.property}/knowledge-sources`,
    },
    'POST /api/v1/properties/{id}/knowledge-sources': {
      url: `/api/v1/properties/${ids.property}/knowledge-sources`,
      payload: { kind: 'article', title: 'x', body: 'x' },
    },
    'GET /api/v1/conversations/{id}/events': { url: `/api/v1/conversations/${ids.conversation}/events` },
    'GET /api/v1/knowledge-sources/{id}': { url: `/api/v1/knowledge-sources/${ids.source}` },
    'PATCH /api/v1/knowledge-sources/{id}': {
      url: `/api/v1/knowledge-sources/${ids.source}`,
      payload: { title: 'x' },
    },
    'POST /api/v1/knowledge-sources/{id}/refresh': { url: `/api/v1/knowledge-sources/${ids.source}/refresh` },
    'DELETE /api/v1/knowledge-sources/{id}': { url: `/api/v1/knowledge-sources/${ids.source}` },
    'POST /api/v1/properties/{id}/knowledge-search': {
      url: `/api/v1/properties/${ids.property}/knowledge-search`,
      payload: { query: 'returns' },
    },
    'GET /api/v1/agents/{id}/knowledge-sources': { url: `/api/v1/agents/${ids.agent}/knowledge-sources` },
    'PUT /api/v1/agents/{agentId}/knowledge-sources/{sourceId}': {
      url: `/api/v1/agents/${ids.agent}/knowledge-sources/${ids.source}`,
      payload: { enabled: true },
    },
  };
}

// Routes that are not about one property's records, checked separately below. The widget's public
// routes (/api/v1/widget/...) use visitor tokens instead and have tests of their own.
const unscopedRoutes = [
  'GET /api/v1/properties',
  'POST /api/v1/properties',
  'GET /api/v1/demo',
  'GET /api/v1/demo/mode',
  'PUT /api/v1/demo/mode',
];

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`property isolation on ${dialect.name}`, () => {
    let test: TestApp;
    let ids: Record<string, string>;
    let keyOfB: string;
    let keyOfA: string;

    beforeAll(async () => {
      test = await openTestApp(dialect);
      const a = await test.store.properties.create({ name: 'A' });
      const b = await test.store.properties.create({ name: 'B' });
      const agent = await test.store.agents.create({ propertyId: a.id, name: 'Agent A' });
      const integration = await test.store.integrations.create({
        propertyId: a.id,
        name: 'API A',
        baseUrl: 'https://a.example.com',
      });
      const conversation = await test.store.conversations.create({ agentId: agent.id, propertyId: a.id });
      const source = await test.store.knowledge.createSource(
        { propertyId: a.id, kind: 'article', name: 'Returns', content: 'Returns within 30 days.' },
        [],
      );
      const createdA = await test.store.access.createApiKey({ propertyId: a.id, name: 'a' });
      keyOfA = createdA.key;
      keyOfB = (await test.store.access.createApiKey({ propertyId: b.id, name: 'b' })).key;
      ids = {
        property: a.id,
        agent: agent.id,
        integration: integration.id,
        conversation: conversation.id,
        key: createdA.id,
        source: source.id,
      };
    });
    afterAll(async () => {
      await test.close();
    });

    it('covers every admin route the server has', async () => {
      const docs = (await test.call({ method: 'GET', url: '/api/docs/openapi.json' })).json();
      const routes = Object.entries(docs.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      );
      const covered = [...Object.keys(routeTable(ids)), ...unscopedRoutes];
      const adminRoutes = routes.filter((route) => !route.includes(' /api/v1/widget/'));
      expect(adminRoutes.filter((route) => !covered.includes(route))).toEqual([]);
    });

    it('answers 404 to a key of property B for anything of property A, and changes nothing', async () => {
      for (const [route, { url, payload }] of Object.entries(routeTable(ids))) {
        const method = route.split(' ')[0] as 'GET';
        const response = await test.call({ method, url, payload: payload as object, token: keyOfB });
        expect({ route, status: response.statusCode }).toEqual({ route, status: 404 });
        expect(response.json().error.code).toBe('not-found');
      }
      expect((await test.store.properties.get(ids.property))?.name).toBe('A');
      expect(await test.store.agents.get(ids.agent)).toBeDefined();
      expect(await test.store.integrations.get(ids.integration)).toBeDefined();
      expect((await test.store.conversations.get(ids.conversation))?.status).toBe('open');
      expect((await test.store.knowledge.getSource(ids.source))?.name).toBe('Returns');
      expect(await test.store.knowledge.listAgentSources(ids.agent)).toEqual([]);
    });

    it('lets a property key list only its own property and not create properties', async () => {
      const list = await test.call({ method: 'GET', url: '/api/v1/properties', token: keyOfB });
      expect(list.json().items.map((property: { name: string }) => property.name)).toEqual(['B']);
      const create = await test.call({
        method: 'POST',
        url: '/api/v1/properties',
        payload: { name: 'C' },
        token: keyOfB,
      });
      expect(create.statusCode).toBe(403);
    });

    it("lets a property key work on its own property's records", async () => {
      const agent = await test.call({ method: 'GET', url: `/api/v1/agents/${ids.agent}`, token: keyOfA });
      expect(agent.statusCode).toBe(200);
      const created = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${ids.property}/agents`,
        payload: { name: 'Second' },
        token: keyOfA,
      });
      expect(created.statusCode).toBe(201);
      const newKey = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${ids.property}/api-keys`,
        payload: { name: 'x' },
        token: keyOfA,
      });
      expect(newKey.statusCode).toBe(403);
    });
  });
}
