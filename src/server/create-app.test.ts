import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDialects } from '../store/test-support/store-dialects.js';
import { openTestApp, type TestApp } from './test-support/test-app.js';

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`admin API on ${dialect.name}`, () => {
    let test: TestApp;
    beforeAll(async () => {
      test = await openTestApp(dialect);
    });
    afterAll(async () => {
      await test.close();
    });

    it('answers /health without credentials and describes itself at /api/docs/openapi.json', async () => {
      const health = await test.call({ method: 'GET', url: '/health', token: null });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const docs = await test.call({ method: 'GET', url: '/api/docs/openapi.json', token: null });
      expect(docs.statusCode).toBe(200);
      const paths = Object.keys(docs.json().paths);
      expect(paths).toContain('/api/v1/properties');
      expect(paths).toContain('/api/v1/agents/{agentId}/integrations/{integrationId}');
      expect(docs.json().paths['/api/v1/properties/{id}/agents'].post.requestBody).toBeDefined();
    });

    it('documents the answer of every route, with shared schemas by name', async () => {
      const docs = (await test.call({ method: 'GET', url: '/api/docs/openapi.json', token: null })).json();
      const missing: string[] = [];
      for (const [path, item] of Object.entries(docs.paths as Record<string, Record<string, unknown>>)) {
        for (const [method, operation] of Object.entries(item)) {
          const responses =
            (operation as { responses?: Record<string, { description?: string }> }).responses ?? {};
          const success = Object.keys(responses).filter((status) => /^2/.test(status));
          // Fastify's swagger writes a bare "Default Response" where a route has no response schema.
          if (
            success.length === 0 ||
            success.some(
              (status) => !(responses[status] as object & { content?: unknown }).content && status !== '204',
            )
          )
            missing.push(`${method.toUpperCase()} ${path}`);
        }
      }
      expect(missing).toEqual([]);
      expect(Object.keys(docs.components.schemas)).toEqual(
        expect.arrayContaining(['Property', 'Agent', 'IntegrationDetail', 'TryResult', 'TurnResult']),
      );
      expect(
        docs.paths['/api/v1/properties'].get.responses['200'].content['application/json'].schema,
      ).toMatchObject({ properties: { items: { items: { $ref: '#/components/schemas/Property' } } } });
    });

    it('refuses missing and wrong credentials with 401', async () => {
      const missing = await test.call({ method: 'GET', url: '/api/v1/properties', token: null });
      expect(missing.statusCode).toBe(401);
      expect(missing.json().error.code).toBe('unauthorized');
      const wrong = await test.call({ method: 'GET', url: '/api/v1/properties', token: 'nope' });
      expect(wrong.statusCode).toBe(401);
    });

    it('follows the REST contract for properties, agents and links', async () => {
      const created = await test.call({
        method: 'POST',
        url: '/api/v1/properties',
        payload: { name: 'Acme' },
      });
      expect(created.statusCode).toBe(201);
      const property = created.json();
      expect(property).toMatchObject({ id: expect.any(String), name: 'Acme' });
      const list = await test.call({ method: 'GET', url: '/api/v1/properties' });
      expect(list.json().items).toContainEqual(expect.objectContaining({ id: property.id, name: 'Acme' }));

      const agentResponse = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${property.id}/agents`,
        payload: {
          name: 'Store assistant',
          basePrompt: 'If the customer asks about order status, use the trackOrder API tool call.',
          model: { provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-live-abcdefghijklmnop' },
        },
      });
      expect(agentResponse.statusCode).toBe(201);
      const agent = agentResponse.json();
      expect(agent).toMatchObject({ name: 'Store assistant', publicKey: expect.stringMatching(/^pk_/) });
      expect(agent.model.apiKey).toBe('••••••••mnop');
      const agents = await test.call({ method: 'GET', url: `/api/v1/properties/${property.id}/agents` });
      expect(agents.json().items.map((item: { id: string }) => item.id)).toEqual([agent.id]);

      const patched = await test.call({
        method: 'PATCH',
        url: `/api/v1/agents/${agent.id}`,
        payload: { basePrompt: 'Be brief.' },
      });
      expect(patched.json()).toMatchObject({
        basePrompt: 'Be brief.',
        model: { provider: 'openai', apiKey: '••••••••mnop' },
      });

      const integration = (
        await test.call({
          method: 'POST',
          url: `/api/v1/properties/${property.id}/integrations`,
          payload: { name: 'Shop API', baseUrl: 'https://shop.example.com/api' },
        })
      ).json();
      expect(integration).toMatchObject({
        name: 'Shop API',
        baseUrl: 'https://shop.example.com/api',
        version: 0,
        operations: [],
      });
      const integrations = await test.call({
        method: 'GET',
        url: `/api/v1/properties/${property.id}/integrations`,
      });
      expect(integrations.json().items[0]).toMatchObject({
        id: integration.id,
        name: 'Shop API',
        version: 0,
      });

      const link = await test.call({
        method: 'PUT',
        url: `/api/v1/agents/${agent.id}/integrations/${integration.id}`,
        payload: { enabled: true },
      });
      expect(link.statusCode).toBe(200);
      expect(link.json()).toMatchObject({ agentId: agent.id, integrationId: integration.id, enabled: true });
      const links = await test.call({ method: 'GET', url: `/api/v1/agents/${agent.id}/integrations` });
      expect(links.json().items).toHaveLength(1);

      const conversation = await test.call({
        method: 'POST',
        url: `/api/v1/agents/${agent.id}/conversations`,
        payload: {},
      });
      expect(conversation.statusCode).toBe(201);
      const read = await test.call({ method: 'GET', url: `/api/v1/conversations/${conversation.json().id}` });
      expect(read.json()).toMatchObject({ status: 'open', messages: [], traces: [] });
      const closed = await test.call({
        method: 'PATCH',
        url: `/api/v1/conversations/${conversation.json().id}`,
        payload: { status: 'closed' },
      });
      expect(closed.json().status).toBe('closed');
      const conversations = await test.call({
        method: 'GET',
        url: `/api/v1/properties/${property.id}/conversations?status=closed`,
      });
      expect(conversations.json().items).toHaveLength(1);
      for (let index = 0; index < 2; index++)
        await test.call({ method: 'POST', url: `/api/v1/agents/${agent.id}/conversations`, payload: {} });
      const listUrl = `/api/v1/properties/${property.id}/conversations`;
      const firstPage = await test.call({ method: 'GET', url: `${listUrl}?limit=2` });
      expect(firstPage.json().items).toHaveLength(2);
      expect(typeof firstPage.json().next).toBe('string');
      const lastPage = await test.call({
        method: 'GET',
        url: `${listUrl}?limit=2&cursor=${firstPage.json().next}`,
      });
      expect(lastPage.json().items).toHaveLength(1);
      expect(lastPage.json().next).toBeUndefined();
      const all = (await test.call({ method: 'GET', url: listUrl })).json().items;
      expect([...firstPage.json().items, ...lastPage.json().items]).toEqual(all);
      expect((await test.call({ method: 'GET', url: `${listUrl}?limit=2&offset=0` })).json().next).toBe(2);
      for (const query of ['cursor=not-a-cursor', `cursor=${firstPage.json().next}&offset=2`]) {
        const bad = await test.call({ method: 'GET', url: `${listUrl}?${query}` });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.message).toMatch(/cursor/);
      }

      const deleted = await test.call({ method: 'DELETE', url: `/api/v1/agents/${agent.id}` });
      expect(deleted.statusCode).toBe(204);
      expect((await test.call({ method: 'GET', url: `/api/v1/agents/${agent.id}` })).statusCode).toBe(404);
    });

    it('never shows a secret: credentials are write-only and masked', async () => {
      const secrets = [
        'key-value-abcdef123456',
        'bearer-token-zyxwvu987654',
        'basic-password-qwerty555',
        'sk-model-key-777888999',
      ];
      const property = (
        await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Secrets' } })
      ).json();
      const urls: string[] = [
        `/api/v1/properties/${property.id}/integrations`,
        `/api/v1/properties/${property.id}/agents`,
      ];
      const auths = [
        { type: 'apiKey', in: 'query', name: 'api_key', value: secrets[0] },
        { type: 'bearer', token: secrets[1] },
        { type: 'basic', username: 'shop', password: secrets[2] },
      ];
      const responses: string[] = [];
      for (const auth of auths) {
        const response = await test.call({
          method: 'POST',
          url: `/api/v1/properties/${property.id}/integrations`,
          payload: { name: auth.type, baseUrl: 'https://api.example.com', auth },
        });
        expect(response.statusCode).toBe(201);
        responses.push(response.body);
        urls.push(`/api/v1/integrations/${response.json().id}`);
        const patched = await test.call({
          method: 'PATCH',
          url: `/api/v1/integrations/${response.json().id}`,
          payload: { timeoutMs: 5000 },
        });
        responses.push(patched.body);
      }
      const agent = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${property.id}/agents`,
        payload: { name: 'A', model: { provider: 'anthropic', apiKey: secrets[3] } },
      });
      responses.push(agent.body);
      urls.push(`/api/v1/agents/${agent.json().id}`);
      for (const url of urls) responses.push((await test.call({ method: 'GET', url })).body);
      const all = responses.join('\n');
      for (const secret of secrets) expect(all).not.toContain(secret);
      expect(all).toContain('"username":"shop"');
      expect(all).toContain('"name":"api_key"');
    });

    it('answers bad input with a clear 4xx', async () => {
      const malformed = await test.call({
        method: 'POST',
        url: '/api/v1/properties',
        payload: '{"name": "Acme"',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.message).toMatch(/not valid JSON/);

      const wrongType = await test.call({
        method: 'POST',
        url: '/api/v1/properties',
        payload: { name: 123 },
      });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json().error.message).toBe('body.name must be string');

      const missing = await test.call({ method: 'POST', url: '/api/v1/properties', payload: {} });
      expect(missing.json().error.message).toBe("body: 'name' is required");

      const unknownField = await test.call({
        method: 'POST',
        url: '/api/v1/properties',
        payload: { name: 'x', color: 'red' },
      });
      expect(unknownField.json().error.message).toBe("body: unknown property 'color'");

      const property = (
        await test.call({ method: 'POST', url: '/api/v1/properties', payload: { name: 'Input' } })
      ).json();
      const badAuth = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${property.id}/integrations`,
        payload: { name: 'x', baseUrl: 'https://api.example.com', auth: { type: 'bearer' } },
      });
      expect(badAuth.statusCode).toBe(400);
      expect(badAuth.json().error.message).toMatch(/token/);
      const badUrl = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${property.id}/integrations`,
        payload: { name: 'x', baseUrl: 'ftp://files' },
      });
      expect(badUrl.json().error.message).toMatch(/baseUrl/);
      const compatibleWithoutUrl = await test.call({
        method: 'POST',
        url: `/api/v1/properties/${property.id}/agents`,
        payload: { name: 'x', model: { provider: 'openai-compatible' } },
      });
      expect(compatibleWithoutUrl.json().error.message).toMatch(/baseUrl is required/);

      const huge = await test.call({
        method: 'POST',
        url: '/api/v1/properties',
        payload: { name: 'x'.repeat(2 * 1024 * 1024) },
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error.code).toBe('payload-too-large');

      const unknownId = await test.call({ method: 'GET', url: '/api/v1/agents/does-not-exist' });
      expect(unknownId.statusCode).toBe(404);
      expect(unknownId.json().error.message).toBe("agent 'does-not-exist' was not found");
      const unknownRoute = await test.call({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(unknownRoute.statusCode).toBe(404);
      const badQuery = await test.call({
        method: 'GET',
        url: `/api/v1/properties/${property.id}/conversations?limit=abc`,
      });
      expect(badQuery.statusCode).toBe(400);
      for (const response of [malformed, wrongType, huge, unknownId])
        expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    });
  });
}
