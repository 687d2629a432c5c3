// Verified customers through the widget API, as a business would set them up and an attacker would
// probe them: real signed tokens, a real shop API, a hosted model on a local OpenAI-wire server and the
// embedded engine.
import { base64url, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeModelServer,
  startFakeModelServer,
} from '../../agent/test-support/start-fake-model-server.js';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import {
  type FakeShopApi,
  fakeShopApiKey,
  shopSchema,
  startFakeShopApi,
} from '../test-support/fake-shop-api.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

const myOrders = `  /customers/{customerId}/orders:
    get:
      operationId: listMyOrders
      summary: List the signed-in customer's orders
      description: Use when a customer asks what they bought or about their orders without an order number.
      parameters:
        - { name: customerId, in: path, required: true, description: The customer's id, schema: { type: string } }
      responses: { '200': { description: Their orders } }
`;
const signInUrl = 'https://shop.example.com/login';

interface Shop {
  agent: { id: string; publicKey: string };
  integrationId: string;
  secret: string;
}

/** A property with the shop connected, listMyOrders bound to `sub`, X-Customer-Id from `sub`, an agent with a secret. */
async function connectShop(test: TestApp, shop: FakeShopApi, model?: Record<string, unknown>): Promise<Shop> {
  const call = async (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) => {
    const response = await test.call({ method, url: `/api/v1${url}`, payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const property = await call('POST', '/properties', { name: 'Shop' });
  const integration = await call('POST', `/properties/${property.id}/integrations`, {
    name: 'Shop API',
    schemaText: shopSchema(shop.origin, myOrders),
    auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: fakeShopApiKey },
    identityHeaders: [{ name: 'X-Customer-Id', claim: 'sub' }],
  });
  await call('PUT', `/integrations/${integration.id}/operations/listMyOrders`, {
    identityBindings: [{ in: 'path', name: 'customerId', claim: 'sub' }],
  });
  const agent = await call('POST', `/properties/${property.id}/agents`, {
    name: 'Assistant',
    // Routed as the demo's prompt routes it: "what did I buy" has no word of the operation's own.
    basePrompt:
      'If the customer asks what they bought or about their orders, use the listMyOrders API tool call.',
    ...(model ? { model } : {}),
  });
  await call('PUT', `/agents/${agent.id}/integrations/${integration.id}`, { enabled: true });
  const { secret } = await call('POST', `/agents/${agent.id}/identity/secret`, {});
  await call('PATCH', `/agents/${agent.id}`, { identity: { method: 'secret', signInUrl } });
  return { agent, integrationId: integration.id, secret };
}

function sign(
  shop: Shop,
  claims: Record<string, unknown>,
  options: { key?: string; expiresIn?: string | number } = {},
) {
  return new SignJWT({ aud: shop.agent.publicKey, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(options.key ?? shop.secret));
}

function widget(test: TestApp) {
  return {
    start: (agentKey: string, identityToken?: string) =>
      test.call({
        method: 'POST',
        url: '/api/v1/widget/conversations',
        payload: { agentKey, ...(identityToken ? { identityToken } : {}) },
        token: null,
      }),
    send: (conversation: { id: string; visitorToken: string }, text: string, identityToken?: string) =>
      test.call({
        method: 'POST',
        url: `/api/v1/widget/conversations/${conversation.id}/messages`,
        headers: {
          'x-visitor-token': conversation.visitorToken,
          ...(identityToken ? { 'x-identity-token': identityToken } : {}),
        },
        payload: { text },
        token: null,
      }),
    identify: (conversation: { id: string; visitorToken: string }, identityToken: string) =>
      test.call({
        method: 'PUT',
        url: `/api/v1/widget/conversations/${conversation.id}/identity`,
        headers: { 'x-visitor-token': conversation.visitorToken },
        payload: { identityToken },
        token: null,
      }),
    logout: (conversation: { id: string; visitorToken: string }) =>
      test.call({
        method: 'DELETE',
        url: `/api/v1/widget/conversations/${conversation.id}/identity`,
        headers: { 'x-visitor-token': conversation.visitorToken },
        token: null,
      }),
  };
}

const shopCalls = (shop: FakeShopApi) =>
  shop.requests.filter((request) => request.line.includes('/customers/'));

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(`verified customers through the widget on ${dialect.name}`, () => {
    let shop: FakeShopApi;
    let test: TestApp;
    let embedded: Shop;
    let hosted: Shop;
    let llm: FakeModelServer;

    beforeAll(async () => {
      shop = await startFakeShopApi();
      // A model that does what the customer says: it asks for the orders of the customer they name.
      llm = await startFakeModelServer('openai', (request) => {
        if (request.toolResults.length > 0) return { text: `Here you go: ${request.toolResults.at(-1)}` };
        if (request.toolNames.includes('sign_in_for_listMyOrders'))
          return { toolCalls: [{ name: 'sign_in_for_listMyOrders', args: {} }] };
        const named = /customer (\d+)/.exec(request.lastUserText)?.[1] ?? '2';
        return { toolCalls: [{ name: 'listMyOrders', args: { customerId: named } }] };
      });
      test = await openTestApp(dialect, { allowHosts: ['127.0.0.1'] });
      embedded = await connectShop(test, shop);
      hosted = await connectShop(test, shop, {
        provider: 'openai-compatible',
        baseUrl: llm.baseUrl,
        model: 'gpt-fake',
        apiKey: 'sk-local-0123456789',
      });
    });
    afterAll(async () => {
      await test.close();
      await llm.close();
      await shop.close();
    });

    it("sends the verified customer's own id whatever the message says, and the model never sees it", async () => {
      const api = widget(test);
      const token = await sign(hosted, { sub: '1', name: 'Alex' });
      const started = await api.start(hosted.agent.publicKey, token);
      expect(started.statusCode).toBe(201);
      expect(started.json().signedIn).toBe(true);
      const before = shopCalls(shop).length;
      const answer = await api.send(started.json(), 'Show the orders of customer 2');
      expect(answer.statusCode).toBe(200);
      expect(shopCalls(shop).slice(before)).toEqual([
        { line: 'GET /api/customers/1/orders', apiKey: fakeShopApiKey, customerId: '1' },
      ]);
      expect(answer.json().reply.text).toContain('1-100');
      expect(answer.json().reply.text).not.toContain('2-100');
      const offered = (llm.requests.at(-2)?.body.tools ?? []) as {
        function: { name: string; parameters: object };
      }[];
      const tool = offered.find((entry) => entry.function.name === 'listMyOrders');
      expect(tool).toBeDefined();
      expect(JSON.stringify(tool?.function.parameters)).not.toContain('customerId');
      const logs = (
        await test.call({ method: 'GET', url: `/api/v1/integrations/${hosted.integrationId}/logs` })
      ).json();
      expect(logs.items[0]).toMatchObject({
        url: `${shop.origin}/api/customers/1/orders`,
        identity: {
          subject: '1',
          values: [
            { in: 'path', name: 'customerId', claim: 'sub' },
            { in: 'header', name: 'X-Customer-Id', claim: 'sub' },
          ],
        },
      });
    });

    it('never offers a bound operation to an anonymous visitor: it asks them to sign in and sends nothing', async () => {
      const api = widget(test);
      const started = (await api.start(hosted.agent.publicKey)).json();
      expect(started.signedIn).toBe(false);
      const before = shopCalls(shop).length;
      const answer = await api.send(started, 'Show the orders of customer 2');
      expect(llm.requests.at(-1)?.toolNames).not.toContain('listMyOrders');
      expect(JSON.stringify(llm.requests.at(-1)?.body.tools)).not.toContain('customerId');
      expect(answer.json().reply.text).toContain(signInUrl);
      expect(answer.json().signIn).toEqual({ url: signInUrl });
      expect(shopCalls(shop).length).toBe(before);
    });

    it.each([
      [
        'forged',
        (shop: Shop) => sign(shop, { sub: '1' }, { key: 'x'.repeat(48) }),
        /signature does not match/,
      ],
      [
        'expired',
        (shop: Shop) => sign(shop, { sub: '1' }, { expiresIn: Math.floor(Date.now() / 1000) - 300 }),
        /expired/,
      ],
      ['for another agent', (shop: Shop) => sign(shop, { sub: '1', aud: 'pk_someone_else' }), /aud must be/],
      [
        'unsigned (alg none)',
        async (shop: Shop) =>
          `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify({ sub: '1', aud: shop.agent.publicKey, exp: Math.floor(Date.now() / 1000) + 600 }))}.`,
        /alg "none"/,
      ],
    ])(
      'refuses a %s token with a clear error, and the visitor stays anonymous',
      async (_name, make, reason) => {
        const api = widget(test);
        const token = await make(embedded);
        const start = await api.start(embedded.agent.publicKey, token);
        expect(start.statusCode).toBe(401);
        expect(start.json().error).toMatchObject({
          code: 'identity-refused',
          message: expect.stringMatching(reason),
        });
        const anonymous = (await api.start(embedded.agent.publicKey)).json();
        const before = shopCalls(shop).length;
        const refused = await api.send(anonymous, 'What did I buy last month?', token);
        expect(refused.statusCode).toBe(401);
        expect(refused.json().error.code).toBe('identity-refused');
        const messages = await test.call({
          method: 'GET',
          url: `/api/v1/widget/conversations/${anonymous.id}/messages`,
          headers: { 'x-visitor-token': anonymous.visitorToken },
          token: null,
        });
        expect(messages.json().items).toEqual([]);
        const asked = await api.send(anonymous, 'What did I buy last month?');
        expect(asked.json().signIn).toEqual({ url: signInUrl });
        expect(shopCalls(shop).length).toBe(before);
        expect(JSON.stringify([start.json(), refused.json()])).not.toContain(embedded.secret);
      },
    );

    it('keeps a conversation to one customer: a token for another is refused, even two at once', async () => {
      const api = widget(test);
      const alex = await sign(embedded, { sub: '1' });
      const sam = await sign(embedded, { sub: '2' });
      const started = (await api.start(embedded.agent.publicKey, alex)).json();
      const switched = await api.send(started, 'What did I buy last month?', sam);
      expect(switched.statusCode).toBe(409);
      expect(switched.json().error.code).toBe('identity-mismatch');
      expect((await api.identify(started, sam)).statusCode).toBe(409);
      const before = shopCalls(shop).length;
      const own = await api.send(started, 'What did I buy last month?', alex);
      expect(own.statusCode).toBe(200);
      expect(
        shopCalls(shop)
          .slice(before)
          .map((request) => request.line),
      ).toEqual(['GET /api/customers/1/orders']);

      const fresh = (await api.start(embedded.agent.publicKey)).json();
      const race = await Promise.all([api.identify(fresh, alex), api.identify(fresh, sam)]);
      expect(race.map((response) => response.statusCode).sort()).toEqual([200, 409]);
      const winner = (await test.call({ method: 'GET', url: `/api/v1/conversations/${fresh.id}` })).json()
        .identity;
      expect(['1', '2']).toContain(winner.sub);
      expect(winner).toMatchObject({ source: 'token', expiresAt: expect.any(String) });
    });

    it('lists a signed-in customer their own orders with the embedded engine, and stops at sign-out', async () => {
      const api = widget(test);
      const started = (await api.start(embedded.agent.publicKey, await sign(embedded, { sub: '7' }))).json();
      const before = shopCalls(shop).length;
      const mine = await api.send(started, 'What did I buy last month?');
      expect(mine.json().reply.text).toContain('7-100');
      expect(
        shopCalls(shop)
          .slice(before)
          .map((request) => request.line),
      ).toEqual(['GET /api/customers/7/orders']);
      expect((await api.logout(started)).statusCode).toBe(204);
      const after = await api.send(started, 'What did I buy last month?');
      expect(after.json().signIn).toEqual({ url: signInUrl });
      expect(shopCalls(shop).length).toBe(before + 1);
      // Signed out, the conversation is still that customer's: only they may sign in to it again.
      const other = await api.identify(started, await sign(embedded, { sub: '8' }));
      expect(other.statusCode).toBe(409);
      const again = await api.identify(started, await sign(embedded, { sub: '7' }, { expiresIn: '20m' }));
      expect(again.statusCode).toBe(200);
      expect(Date.parse(again.json().expiresAt)).toBeGreaterThan(Date.now() + 19 * 60_000);
      expect((await api.send(started, 'What did I buy last month?')).json().reply.text).toContain('7-100');
      expect(
        shopCalls(shop)
          .slice(before)
          .map((request) => request.line),
      ).toEqual(['GET /api/customers/7/orders', 'GET /api/customers/7/orders']);
    });
  });
}

describe('identity settings over the admin API', () => {
  let shop: FakeShopApi;
  let test: TestApp;
  let setUp: Shop;

  beforeAll(async () => {
    shop = await startFakeShopApi();
    test = await openTestApp(storeDialects[0], { allowHosts: ['127.0.0.1'] });
    setUp = await connectShop(test, shop);
  });
  afterAll(async () => {
    await test.close();
    await shop.close();
  });

  it('shows the secret once, then only its last characters; rotation keeps the old one for a grace period', async () => {
    const agent = (await test.call({ method: 'GET', url: `/api/v1/agents/${setUp.agent.id}` })).json();
    expect(agent.identity).toMatchObject({
      method: 'secret',
      audience: setUp.agent.publicKey,
      signInUrl,
      secret: { hint: `••••••••${setUp.secret.slice(-4)}`, previousValidUntil: null },
    });
    expect(JSON.stringify(agent)).not.toContain(setUp.secret);
    const oldToken = await sign(setUp, { sub: '1' });
    const rotated = await test.call({
      method: 'POST',
      url: `/api/v1/agents/${setUp.agent.id}/identity/secret`,
      payload: { previousValidForMinutes: 60 },
    });
    expect(rotated.statusCode).toBe(201);
    expect(rotated.headers['cache-control']).toBe('no-store');
    expect(rotated.json().secret).toMatch(/^idsec_/);
    expect(Date.parse(rotated.json().previousValidUntil)).toBeGreaterThan(Date.now() + 59 * 60_000);
    const check = (token: string) =>
      test.call({
        method: 'POST',
        url: `/api/v1/agents/${setUp.agent.id}/identity/check`,
        payload: { token },
      });
    expect((await check(oldToken)).json()).toMatchObject({ ok: true, identity: { sub: '1' } });
    const newToken = await sign(
      { ...setUp, secret: rotated.json().secret },
      { sub: '2', email: 'sam@example.com' },
    );
    expect((await check(newToken)).json()).toMatchObject({
      ok: true,
      identity: { sub: '2', email: 'sam@example.com' },
    });
    await test.call({ method: 'POST', url: `/api/v1/agents/${setUp.agent.id}/identity/secret`, payload: {} });
    expect((await check(newToken)).json()).toEqual({
      ok: false,
      error: "the identity token was refused: its signature does not match this agent's identity secret",
    });
  });

  it('refuses identity settings, bindings and headers that cannot work, saying what and where', async () => {
    const other = (
      await test.call({
        method: 'POST',
        url: `/api/v1/properties/${(await test.store.properties.list())[0].id}/agents`,
        payload: { name: 'New' },
      })
    ).json();
    const patch = (identity: object) =>
      test.call({ method: 'PATCH', url: `/api/v1/agents/${other.id}`, payload: { identity } });
    expect((await patch({ method: 'secret' })).json().error.message).toMatch(
      /needs a secret: generate one with POST/,
    );
    expect((await patch({ method: 'publicKey', publicKey: 'nope' })).json().error.message).toMatch(
      /not a PEM public key/,
    );
    expect((await patch({ method: 'jwks' })).json().error.message).toMatch(/jwksUrl is required/);
    const bind = (identityBindings: object[]) =>
      test.call({
        method: 'PUT',
        url: `/api/v1/integrations/${setUp.integrationId}/operations/listMyOrders`,
        payload: { identityBindings },
      });
    const unknown = await bind([{ in: 'query', name: 'customer', claim: 'sub' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe(
      'body.identityBindings[0]: listMyOrders has no query customer; its inputs are: path customerId',
    );
    expect((await bind([{ in: 'path', name: 'customerId', claim: 'exp' }])).json().error.message).toMatch(
      /describes the token, not the customer/,
    );
    const twice = await bind([
      { in: 'path', name: 'customerId', claim: 'sub' },
      { in: 'path', name: 'customerId', claim: 'email' },
    ]);
    expect(twice.json().error.message).toBe('body.identityBindings[1]: path customerId is bound twice');
    const setHeaders = (identityHeaders: object[]) =>
      test.call({
        method: 'PATCH',
        url: `/api/v1/integrations/${setUp.integrationId}`,
        payload: { identityHeaders },
      });
    expect((await setHeaders([{ name: 'Authorization', claim: 'sub' }])).json().error.message).toBe(
      'body.identityHeaders[0]: Authorization is set by Concierge itself',
    );
    const repeated = await setHeaders([
      { name: 'X-Customer', claim: 'sub' },
      { name: 'x-customer', claim: 'email' },
    ]);
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.message).toBe('body.identityHeaders[1]: x-customer is listed twice');
    const headers = await setHeaders([{ name: 'X-Api-Key', claim: 'sub' }]);
    expect(headers.json().error.message).toBe(
      "body.identityHeaders[0]: X-Api-Key carries the integration's API key",
    );
    const operations = (
      await test.call({ method: 'GET', url: `/api/v1/integrations/${setUp.integrationId}` })
    ).json().operations;
    expect(operations.find((operation: { name: string }) => operation.name === 'listMyOrders')).toMatchObject(
      {
        identityBindings: [{ in: 'path', name: 'customerId', claim: 'sub' }],
        requiresIdentity: true,
        requiresIdentityDefault: true,
        identityProblems: [],
        bindableInputs: [{ in: 'path', name: 'customerId', required: true }],
      },
    );
  });

  it('tries an operation as a customer: bound inputs and identity headers come from the claims given', async () => {
    const tried = await test.call({
      method: 'POST',
      url: `/api/v1/integrations/${setUp.integrationId}/operations/listMyOrders/try`,
      payload: { args: { customerId: '2' }, customer: { sub: '9' } },
    });
    expect(tried.json()).toMatchObject({
      outcome: 'ok',
      request: { url: `${shop.origin}/api/customers/9/orders` },
    });
    expect(shop.requests.at(-1)).toMatchObject({ line: 'GET /api/customers/9/orders', customerId: '9' });
    // Without a customer, try-it sends the arguments as the admin gave them, and no identity header.
    const raw = await test.call({
      method: 'POST',
      url: `/api/v1/integrations/${setUp.integrationId}/operations/listMyOrders/try`,
      payload: { args: { customerId: '2' } },
    });
    expect(raw.json()).toMatchObject({ outcome: 'ok' });
    expect(shop.requests.at(-1)).toEqual({ line: 'GET /api/customers/2/orders', apiKey: fakeShopApiKey });
  });

  it('says before a re-import which bindings it would break, and fails closed after it', async () => {
    const renamed = myOrders.replace(/customerId/g, 'clientId');
    const preview = await test.call({
      method: 'POST',
      url: `/api/v1/integrations/${setUp.integrationId}/reimport/preview`,
      payload: { schemaText: shopSchema(shop.origin, renamed) },
    });
    expect(preview.json().identityProblems).toEqual([
      'path customerId is bound to the "sub" claim, but listMyOrders has no such input any more',
    ]);
    const other = await test.call({
      method: 'POST',
      url: `/api/v1/properties/${(await test.store.properties.list())[0].id}/integrations`,
      payload: {
        name: 'Renamed API',
        schemaText: shopSchema(shop.origin, myOrders),
        auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: fakeShopApiKey },
      },
    });
    const id = other.json().id;
    await test.call({
      method: 'PUT',
      url: `/api/v1/integrations/${id}/operations/listMyOrders`,
      payload: { identityBindings: [{ in: 'path', name: 'customerId', claim: 'sub' }] },
    });
    await test.call({
      method: 'POST',
      url: `/api/v1/integrations/${id}/versions`,
      payload: { schemaText: shopSchema(shop.origin, renamed) },
    });
    const listed = (await test.call({ method: 'GET', url: `/api/v1/integrations/${id}` })).json();
    expect(
      listed.operations.find((operation: { name: string }) => operation.name === 'listMyOrders'),
    ).toMatchObject({
      identityProblems: [expect.stringMatching(/no such input any more/)],
    });
    // The operation is out of the agent's tools: a signed-in customer's question calls nothing.
    const agent = (
      await test.call({
        method: 'POST',
        url: `/api/v1/properties/${(await test.store.properties.list())[0].id}/agents`,
        payload: { name: 'Renamed' },
      })
    ).json();
    await test.call({
      method: 'PUT',
      url: `/api/v1/agents/${agent.id}/integrations/${id}`,
      payload: { enabled: true },
    });
    const conversation = (
      await test.call({
        method: 'POST',
        url: `/api/v1/agents/${agent.id}/conversations`,
        payload: { identity: { sub: '5' } },
      })
    ).json();
    const before = shopCalls(shop).length;
    const turn = await test.call({
      method: 'POST',
      url: `/api/v1/conversations/${conversation.id}/messages`,
      payload: { text: 'What did I buy last month?' },
    });
    expect(turn.json().trace.steps.filter((step: { type: string }) => step.type === 'tool-call')).toEqual([]);
    expect(shopCalls(shop).length).toBe(before);
  });

  it('lets the preview act as a typed-in customer, with that customer in the trace', async () => {
    const conversation = await test.call({
      method: 'POST',
      url: `/api/v1/agents/${setUp.agent.id}/conversations`,
      payload: { identity: { sub: '42', name: 'Preview Pat', claims: { tier: 'gold' } } },
    });
    expect(conversation.json().identity).toMatchObject({
      sub: '42',
      name: 'Preview Pat',
      claims: { sub: '42', name: 'Preview Pat', tier: 'gold' },
      source: 'admin',
      expiresAt: null,
    });
    const turn = await test.call({
      method: 'POST',
      url: `/api/v1/conversations/${conversation.json().id}/messages`,
      payload: { text: 'What did I buy last month?' },
    });
    expect(turn.json().trace.steps).toContainEqual(
      expect.objectContaining({
        type: 'tool-call',
        tool: 'listMyOrders',
        args: {},
        identity: expect.objectContaining({ subject: '42' }),
      }),
    );
    expect(turn.json().reply.text).toContain('42-100');
  });
});
