// Security regression: bad bytes and sizes are 4xx with a clear message on both dialects, on every
// route. The test walks the server's own OpenAPI document and sends each kind of bad input to each
// operation: NUL in every string (path, query, body, keys), JSON nested thousands deep, integers out
// of range, undecodable bytes, overlong strings. Never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startTestServer, type TestServer } from '../../executor/test-support/start-test-server.js';
import { importSchema } from '../../openapi/index.js';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import { MAX_INPUT_DEPTH } from '../guard-input.js';
import { type FakeShopApi, fakeShopApiKey, startFakeShopApi } from '../test-support/fake-shop-api.js';
import { openTestApp, startWidgetConversation, type TestApp } from '../test-support/test-app.js';

interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema?: { type?: string };
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { properties?: Record<string, { type?: string }> };
}
interface Probe {
  kind: string;
  operation: string;
  url: string;
  /** A JSON body as raw text (so any depth can be sent). */
  payload?: string;
  /** The status class expected: `nul` and `deep` must say what is wrong. */
  expect: 'nul' | 'deep' | 'bad-request' | 'client-error' | 'no-server-error';
}

const NUL = '\u0000';
const DEEP = 5_000;

/** `{"a":{"a":…"x"…}}` nested `depth` levels, as text. */
function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
}

/** The operations of the server's OpenAPI document. */
function listOperations(document: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const content = (
        operation.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined
      )?.content;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema as Operation['body'],
      });
    }
  }
  return operations;
}

/** A value of the schema's type with `text` in every string. */
function valueWith(schema: { type?: string } | undefined, text: string): unknown {
  switch (schema?.type) {
    case 'object':
      return { note: text };
    case 'array':
      return [text];
    default:
      return text;
  }
}

/** Every probe for `operation`, its path filled with the ids of real records. */
function probesFor(operation: Operation, fill: (path: string) => string): Probe[] {
  const name = `${operation.method} ${operation.path}`;
  const url = fill(operation.path);
  const probes: Probe[] = [];
  const withQuery = (query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;
  const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParams = operation.parameters.filter((parameter) => parameter.in === 'query');

  probes.push({
    kind: 'NUL in an undeclared query parameter',
    operation: name,
    url: withQuery('probe=a%00b'),
    expect: 'nul',
  });
  for (const parameter of queryParams) {
    probes.push({
      kind: `NUL in query ${parameter.name}`,
      operation: name,
      url: withQuery(`${parameter.name}=a%00b`),
      expect: 'nul',
    });
    probes.push({
      kind: `undecodable bytes in query ${parameter.name}`,
      operation: name,
      url: withQuery(`${parameter.name}=%ED%A0%80%FF`),
      // Decoded as replacement characters: any answer but a server error.
      expect: 'no-server-error',
    });
    probes.push({
      kind: `overlong query ${parameter.name}`,
      operation: name,
      url: withQuery(`${parameter.name}=${'x'.repeat(10_000)}`),
      expect: 'no-server-error',
    });
    if (parameter.schema?.type === 'integer')
      for (const value of ['1e20', '-1', '99999999999999999999999', '1.5', 'NaN', '1e308'])
        probes.push({
          kind: `integer query ${parameter.name}=${value}`,
          operation: name,
          url: withQuery(`${parameter.name}=${value}`),
          expect: 'bad-request',
        });
  }
  for (const parameter of pathParams) {
    const swap = (value: string) => fill(operation.path.replace(`{${parameter.name}}`, value));
    probes.push({
      kind: `NUL in path ${parameter.name}`,
      operation: name,
      url: swap('a%00b'),
      expect: 'nul',
    });
    probes.push({
      kind: `undecodable bytes in path ${parameter.name}`,
      operation: name,
      url: swap('%ED%A0%80%FF'),
      expect: 'client-error',
    });
    probes.push({
      kind: `overlong path ${parameter.name}`,
      operation: name,
      url: swap('x'.repeat(10_000)),
      expect: 'client-error',
    });
    if (parameter.schema?.type === 'integer')
      for (const value of ['1e20', '-1', '99999999999999999999999', '1.5', '0'])
        probes.push({
          kind: `integer path ${parameter.name}=${value}`,
          operation: name,
          url: swap(value),
          expect: 'bad-request',
        });
  }
  if (operation.body) {
    const properties = Object.entries(operation.body.properties ?? {});
    for (const [property, schema] of properties) {
      probes.push({
        kind: `NUL in body ${property}`,
        operation: name,
        url,
        payload: JSON.stringify({ [property]: valueWith(schema, `a${NUL}b`) }),
        expect: 'nul',
      });
      probes.push({
        kind: `body ${property} nested ${DEEP} deep`,
        operation: name,
        url,
        payload: `{${JSON.stringify(property)}:${deepJson(DEEP)}}`,
        expect: 'deep',
      });
      if (schema.type === 'integer')
        for (const value of ['1e20', '-1', '1e308'])
          probes.push({
            kind: `integer body ${property}=${value}`,
            operation: name,
            url,
            payload: `{${JSON.stringify(property)}:${value}}`,
            expect: 'bad-request',
          });
    }
    probes.push({
      kind: 'NUL in a body key',
      operation: name,
      url,
      payload: JSON.stringify({ [`a${NUL}b`]: 1 }),
      expect: 'nul',
    });
    probes.push({
      kind: `body nested ${DEEP} deep`,
      operation: name,
      url,
      payload: deepJson(DEEP),
      expect: 'deep',
    });
    probes.push({
      kind: 'body a list nested 100,000 deep',
      operation: name,
      url,
      payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      expect: 'client-error',
    });
    for (const payload of ['"text"', 'null', '[]', '{"a":', '\u0000'])
      probes.push({
        kind: `body ${JSON.stringify(payload)}`,
        operation: name,
        url,
        payload,
        expect: 'client-error',
      });
  }
  return probes;
}

for (const dialect of storeDialects) {
  describe.skipIf(!dialect.available)(
    `security: bad input is a 4xx on every route, on ${dialect.name}`,
    () => {
      let shop: FakeShopApi;
      let test: TestApp;
      let ids: Record<string, string>;

      beforeAll(async () => {
        shop = await startFakeShopApi();
        test = await openTestApp(dialect, {
          allowHosts: ['127.0.0.1'],
          widgetLimits: {
            conversationsPerIp: 10_000,
            messagesPerIp: 10_000,
            messagesPerVisitor: 10_000,
            readsPerIp: 10_000,
          },
        });
        const post = async (url: string, payload: Record<string, unknown>) =>
          (await test.call({ method: 'POST', url, payload })).json();
        const property = await post('/api/v1/properties', { name: 'Shop' });
        const key = await post(`/api/v1/properties/${property.id}/api-keys`, { name: 'CI' });
        const agent = await post(`/api/v1/properties/${property.id}/agents`, { name: 'Assistant' });
        const integration = await post(`/api/v1/properties/${property.id}/integrations`, {
          name: 'Shop API',
          schemaText: shop.schema,
          auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: fakeShopApiKey },
        });
        await test.call({
          method: 'PUT',
          url: `/api/v1/agents/${agent.id}/integrations/${integration.id}`,
          payload: { enabled: true },
        });
        const conversation = await post(`/api/v1/agents/${agent.id}/conversations`, {});
        await post(`/api/v1/conversations/${conversation.id}/messages`, { text: 'Show me leather bags' });
        const widget = await startWidgetConversation(test, agent.publicKey);
        const logs = (
          await test.call({ method: 'GET', url: `/api/v1/properties/${property.id}/logs` })
        ).json();
        ids = {
          properties: property.id,
          'api-keys': key.id,
          agents: agent.id,
          integrations: integration.id,
          conversations: conversation.id,
          widget: widget.id,
          visitorToken: widget.visitorToken,
          logs: logs.items[0].id,
          operations: 'searchProducts',
          versions: '1',
        };
      });
      afterAll(async () => {
        await test.close();
        await shop.close();
      });

      /** Fills `{param}` with the id of a real record of the kind named just before it. */
      function fill(path: string): string {
        const segments = path.split('/');
        return segments
          .map((segment, index) => {
            const param = /^\{(\w+)\}$/.exec(segment)?.[1];
            if (!param) return segment;
            if (param === 'agentId') return ids.agents;
            if (param === 'integrationId') return ids.integrations;
            if (param === 'keyId') return ids['api-keys'];
            if (path.startsWith('/api/v1/widget/')) return ids.widget;
            return ids[segments[index - 1]] ?? 'unknown';
          })
          .join('/');
      }

      it('sends NUL, deep nesting, out-of-range integers and undecodable bytes to every route of /api/docs/openapi.json', async () => {
        const document = (await test.call({ method: 'GET', url: '/api/docs/openapi.json' })).json();
        const operations = listOperations(document);
        expect(operations.length).toBeGreaterThan(35);
        const failures: string[] = [];
        const probed = new Set<string>();
        for (const operation of operations) {
          for (const probe of probesFor(operation, fill)) {
            const response = await test.app.inject({
              method: operation.method as 'GET',
              url: probe.url,
              headers: {
                authorization: 'Bearer test-admin-token-0123456789',
                'x-visitor-token': ids.visitorToken,
                ...(probe.payload !== undefined ? { 'content-type': 'application/json' } : {}),
              },
              ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
            });
            probed.add(probe.operation);
            const message = (() => {
              try {
                return String(response.json().error?.message ?? '');
              } catch {
                return '';
              }
            })();
            const wanted =
              probe.expect === 'nul'
                ? response.statusCode === 400 && /NUL character/.test(message)
                : probe.expect === 'deep'
                  ? response.statusCode === 400 && new RegExp(`deeper than ${MAX_INPUT_DEPTH}`).test(message)
                  : probe.expect === 'bad-request'
                    ? response.statusCode === 400 && message !== ''
                    : probe.expect === 'no-server-error'
                      ? response.statusCode < 500
                      : response.statusCode >= 400 && response.statusCode < 500 && message !== '';
            if (!wanted)
              failures.push(
                `${probe.operation} ${probe.kind}: ${response.statusCode} ${response.body.slice(0, 160)}`,
              );
          }
        }
        expect(failures).toEqual([]);
        expect([...probed].sort()).toEqual(
          operations.map((operation) => `${operation.method} ${operation.path}`).sort(),
        );
        const health = await test.call({ method: 'GET', url: '/health', token: null });
        expect(health.statusCode).toBe(200);
      });

      it('answers the attacks of the report as a visitor would send them', async () => {
        const visitor = { 'x-visitor-token': ids.visitorToken };
        const message = (text: string) =>
          test.call({
            method: 'POST',
            url: `/api/v1/widget/conversations/${ids.widget}/messages`,
            headers: visitor,
            payload: { text },
            token: null,
          });
        expect((await message(`hello${NUL}`)).statusCode).toBe(400);
        const read = await test.call({
          method: 'GET',
          url: `/api/v1/widget/conversations/${ids.widget}/messages?after=%00`,
          headers: visitor,
          token: null,
        });
        expect(read.statusCode).toBe(400);
        const id = await test.call({
          method: 'GET',
          url: '/api/v1/widget/conversations/%00/messages',
          headers: visitor,
          token: null,
        });
        expect(id.statusCode).toBe(400);
        const deep = await test.app.inject({
          method: 'POST',
          url: '/api/v1/widget/conversations',
          headers: { 'content-type': 'application/json' },
          payload: `{"agentKey":"pk_x","metadata":{"page":${deepJson(DEEP)}}}`,
        });
        expect(deep.statusCode).toBe(400);
        expect(deep.json().error.message).toMatch(/body\.metadata\.page\.a… nests deeper than 32 levels/);
        const offset = await test.call({
          method: 'GET',
          url: `/api/v1/properties/${ids.properties}/conversations?offset=1e20`,
        });
        expect(offset.statusCode).toBe(400);
        expect(offset.json().error.message).toMatch(/querystring\.offset must be <= 1000000000/);
        // Ordinary text still goes through.
        expect((await message('Show me leather bags')).statusCode).toBe(200);
      });

      it('keeps answering when the business API itself sends NUL characters', async () => {
        const nulApi: TestServer = await startTestServer((_request, response) =>
          sendJson(response, 200, { products: [{ name: `Bag${NUL}with a NUL`, price: 1 }] }),
        );
        try {
          const integration = (
            await test.call({
              method: 'POST',
              url: `/api/v1/properties/${ids.properties}/integrations`,
              payload: {
                name: 'NUL API',
                schemaText: (await import('../test-support/fake-shop-api.js')).shopSchema(nulApi.url),
              },
            })
          ).json();
          const agent = (
            await test.call({
              method: 'POST',
              url: `/api/v1/properties/${ids.properties}/agents`,
              payload: { name: 'NUL reader' },
            })
          ).json();
          await test.call({
            method: 'PUT',
            url: `/api/v1/agents/${agent.id}/integrations/${integration.id}`,
            payload: { enabled: true },
          });
          const conversation = (
            await test.call({ method: 'POST', url: `/api/v1/agents/${agent.id}/conversations`, payload: {} })
          ).json();
          const turn = await test.call({
            method: 'POST',
            url: `/api/v1/conversations/${conversation.id}/messages`,
            payload: { text: 'Show me bags' },
          });
          expect(turn.statusCode).toBe(200);
          const tried = await test.call({
            method: 'POST',
            url: `/api/v1/integrations/${integration.id}/operations/searchProducts/try`,
            payload: { args: { q: 'bag' } },
          });
          expect(tried.statusCode).toBe(200);
          for (const url of [
            `/api/v1/conversations/${conversation.id}`,
            `/api/v1/integrations/${integration.id}/logs`,
          ]) {
            expect((await test.call({ method: 'GET', url })).statusCode).toBe(200);
          }
        } finally {
          await nulApi.close();
        }
      });
    },
  );
}

describe('security: schema documents that nest or chain without end', () => {
  it('imports a 10,000-long $ref chain with a lint finding instead of overflowing the stack', async () => {
    const schemas: Record<string, unknown> = {};
    for (let index = 0; index < 10_000; index++)
      schemas[`S${index}`] = { $ref: `#/components/schemas/S${index + 1}` };
    schemas.S10000 = { type: 'string' };
    const document = {
      openapi: '3.0.3',
      info: { title: 'Chain', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/items': {
          post: {
            operationId: 'addItem',
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
      components: { schemas },
    };
    const result = await importSchema(JSON.stringify(document));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.lint.map((finding) => finding.code)).toContain('ref-chain-too-deep');
  });

  it('refuses a document nested 10,000 deep with a clear error', async () => {
    const text = `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"paths":{},"x-deep":${deepJson(10_000)}}`;
    const result = await importSchema(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/nests deeper than 256 levels/);
    const yaml = await importSchema(`openapi: 3.0.3\nx-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expect(yaml.ok).toBe(false);
  });
});
