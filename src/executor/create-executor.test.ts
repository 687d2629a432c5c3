import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../tools/index.js';
import { createExecutor, type Executor } from './create-executor.js';
import type { IntegrationAuth } from './integration-auth.js';
import { defineTool, jsonBody } from './test-support/define-tool.js';
import {
  type RecordedRequest,
  sendJson,
  startTestServer,
  type TestServer,
} from './test-support/start-test-server.js';
import type { RequestLogEntry } from './tool-call.js';

let server: TestServer;
let executor: Executor;
let logs: RequestLogEntry[];
/** What the next request to the server answers; set per test. */
let answer: (request: RecordedRequest) => {
  status: number;
  body?: unknown;
  text?: string;
  contentType?: string;
};

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const { status, body, text, contentType } = answer(request);
    if (text !== undefined) {
      response.writeHead(status, { 'content-type': contentType ?? 'text/plain; charset=utf-8' });
      response.end(text);
    } else if (body === undefined) {
      response.writeHead(status);
      response.end();
    } else {
      sendJson(response, status, body);
    }
  });
  executor = createExecutor({ allowHosts: ['127.0.0.1'], onLog: (entry) => void logs.push(entry) });
});
afterAll(async () => {
  await executor.close();
  await server.close();
});
beforeEach(() => {
  logs = [];
  answer = () => ({ status: 200, body: { ok: true } });
});

function run(
  tool: ToolDefinition,
  args: unknown,
  auth: IntegrationAuth = { type: 'none' },
  baseUrl = server.url,
) {
  return executor.executeToolCall({
    tool,
    args,
    integration: { id: 'int-7', baseUrl, auth, timeoutMs: 2000 },
    agentId: 'agent-3',
    conversationId: 'conv-9',
  });
}

function lastRequest(): RecordedRequest {
  return server.requests[server.requests.length - 1];
}

const ping = defineTool({ name: 'ping', operationId: 'getPing', method: 'get', path: '/ping' });

describe('auth arrives as configured', () => {
  it('none sends no credentials', async () => {
    await run(ping, {});
    expect(lastRequest().headers.authorization).toBeUndefined();
  });

  it('API key in a header of any name', async () => {
    await run(ping, {}, { type: 'apiKey', in: 'header', name: 'X-Shop-Key', value: 'sk_live_header_123' });
    expect(lastRequest().headers['x-shop-key']).toBe('sk_live_header_123');
  });

  it('API key in a query parameter of any name, value encoded', async () => {
    await run(ping, {}, { type: 'apiKey', in: 'query', name: 'api key', value: 'k/ey+with&odd=chars' });
    const query = new URL(lastRequest().url, 'http://x').searchParams;
    expect(query.get('api key')).toBe('k/ey+with&odd=chars');
  });

  it('bearer token', async () => {
    await run(ping, {}, { type: 'bearer', token: 'tok_bearer_456' });
    expect(lastRequest().headers.authorization).toBe('Bearer tok_bearer_456');
  });

  it('basic auth, UTF-8', async () => {
    await run(ping, {}, { type: 'basic', username: 'shop', password: 'pässwörd:1' });
    const encoded = lastRequest().headers.authorization?.replace(/^Basic /, '') ?? '';
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('shop:pässwörd:1');
  });
});

describe('requests are built as the API expects', () => {
  it('joins base URL and path as written (the Apps Script case)', async () => {
    const exec = defineTool({
      name: 'exec',
      method: 'get',
      path: '/exec',
      parameters: [{ name: 'action', in: 'query' }],
    });
    const result = await run(exec, { action: 'track' }, { type: 'none' }, `${server.url}/macros/s/ABC123`);
    expect(lastRequest().url).toBe('/macros/s/ABC123/exec?action=track');
    expect(result.request.url).toBe(`${server.url}/macros/s/ABC123/exec?action=track`);
  });

  it('percent-encodes path parameters with spaces, slashes and unicode', async () => {
    const tool = defineTool({
      name: 'getItem',
      method: 'get',
      path: '/items/{id}/notes',
      parameters: [{ name: 'id', in: 'path' }],
    });
    await run(tool, { id: 'bag / small é' });
    expect(lastRequest().url).toBe('/items/bag%20%2F%20small%20%C3%A9/notes');
  });

  it('refuses path values that would change the path', async () => {
    const tool = defineTool({
      name: 'getItem',
      method: 'get',
      path: '/items/{id}',
      parameters: [{ name: 'id', in: 'path' }],
    });
    const before = server.requests.length;
    const result = await run(tool, { id: '..' });
    expect(result.outcome).toBe('invalid-arguments');
    expect(server.requests.length).toBe(before);
  });

  it('serializes query arrays, objects and awkward values the server can read back', async () => {
    const tool = defineTool({
      name: 'search',
      method: 'get',
      path: '/search',
      parameters: [
        { name: 'q', in: 'query' },
        { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        { name: 'sizes', in: 'query', explode: false, schema: { type: 'array', items: { type: 'string' } } },
        {
          name: 'ids',
          in: 'query',
          style: 'pipeDelimited',
          explode: false,
          schema: { type: 'array', items: { type: 'integer' } },
        },
        {
          name: 'words',
          in: 'query',
          style: 'spaceDelimited',
          explode: false,
          schema: { type: 'array', items: { type: 'string' } },
        },
        { name: 'filter', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
      ],
    });
    await run(tool, {
      q: 'leather & suede bags 50% +tax',
      tags: ['a/b', 'ü'],
      sizes: ['s', 'm'],
      ids: ['1', 2],
      words: ['red', 'blue'],
      filter: { color: 'dark brown', price: { max: 99 } },
    });
    const raw = lastRequest().url;
    expect(raw).toBe(
      '/search?q=leather%20%26%20suede%20bags%2050%25%20%2Btax&tags=a%2Fb&tags=%C3%BC&sizes=s,m&ids=1|2&words=red%20blue&filter[color]=dark%20brown&filter[price][max]=99',
    );
    const query = new URL(raw, 'http://x').searchParams;
    expect(query.get('q')).toBe('leather & suede bags 50% +tax');
    expect(query.getAll('tags')).toEqual(['a/b', 'ü']);
    expect(query.get('filter[color]')).toBe('dark brown');
  });

  it('sends header parameters', async () => {
    const tool = defineTool({
      name: 'ping2',
      method: 'get',
      path: '/ping',
      parameters: [
        { name: 'X-Store-Id', in: 'header' },
        { name: 'Accept-Language', in: 'header' },
      ],
    });
    await run(tool, { 'X-Store-Id': 'store 7', 'Accept-Language': 'de' });
    expect(lastRequest().headers['x-store-id']).toBe('store 7');
    expect(lastRequest().headers['accept-language']).toBe('de');
  });

  it.each(['post', 'put', 'patch', 'delete'] as const)(
    '%s sends a JSON body with unicode intact',
    async (method) => {
      const tool = defineTool({
        name: `${method}Order`,
        method,
        path: '/orders/{orderId}',
        parameters: [{ name: 'orderId', in: 'path' }],
        requestBody: jsonBody({ note: { type: 'string' }, items: { type: 'array' } }, true),
      });
      const result = await run(tool, {
        orderId: '12',
        note: 'Geschenk 🎁 / "fragile"',
        items: [{ sku: 'A-1', qty: 2 }],
      });
      expect(lastRequest().method).toBe(method.toUpperCase());
      expect(lastRequest().url).toBe('/orders/12');
      expect(lastRequest().headers['content-type']).toBe('application/json');
      expect(JSON.parse(lastRequest().body)).toEqual({
        note: 'Geschenk 🎁 / "fragile"',
        items: [{ sku: 'A-1', qty: 2 }],
      });
      expect(result.request.body).toEqual({
        note: 'Geschenk 🎁 / "fragile"',
        items: [{ sku: 'A-1', qty: 2 }],
      });
    },
  );

  it('sends a wrapped body (an array) as the whole body', async () => {
    const tool = defineTool({
      name: 'bulk',
      method: 'post',
      path: '/bulk',
      requestBody: {
        contentType: 'application/json',
        required: true,
        mode: 'wrapped',
        inputName: 'body',
        schema: { type: 'array' },
      },
    });
    await run(tool, { body: [1, 'two'] });
    expect(lastRequest().body).toBe('[1,"two"]');
  });

  it('GET sends no body', async () => {
    await run(ping, {});
    expect(lastRequest().method).toBe('GET');
    expect(lastRequest().body).toBe('');
  });
});

describe('outcomes for the agent and the customer', () => {
  const getOrder = defineTool({
    name: 'getOrder',
    operationId: 'trackOrder',
    method: 'get',
    path: '/orders/{orderId}',
    parameters: [{ name: 'orderId', in: 'path', schema: { type: 'string', pattern: '^[0-9]+$' } }],
  });
  const searchProducts = defineTool({
    name: 'searchProducts',
    method: 'get',
    path: '/products',
    parameters: [{ name: 'q', in: 'query' }],
  });

  it('2xx JSON is data for the model', async () => {
    answer = () => ({ status: 200, body: { orderId: '12345', status: 'shipped' } });
    const result = await run(getOrder, { orderId: '12345' });
    expect(result).toMatchObject({
      outcome: 'ok',
      status: 200,
      attempts: 1,
      data: { orderId: '12345', status: 'shipped' },
    });
    expect(result.modelText).toBe('{"orderId":"12345","status":"shipped"}');
    expect(result.customerMessage).toBeUndefined();
    expect(result.response).toMatchObject({
      status: 200,
      body: { orderId: '12345', status: 'shipped' },
      truncated: false,
    });
    expect(result.response?.headers['content-type']).toBe('application/json');
  });

  it('404 is not found, with the API message for the customer', async () => {
    answer = () => ({ status: 404, body: { error: { message: 'Order 99999 was not found' } } });
    const result = await run(getOrder, { orderId: '99999' });
    expect(result.outcome).toBe('not-found');
    expect(result.customerMessage).toBe('Order 99999 was not found');
    expect(result.modelText).toBe('Not found (404 Not Found): Order 99999 was not found');
    expect(result.error?.message).toBe(`GET ${server.url}/orders/99999 failed with 404 Not Found`);
  });

  it('an empty search result is not found', async () => {
    answer = () => ({ status: 200, body: { products: [], total: 0 } });
    expect((await run(searchProducts, { q: 'unicorn' })).outcome).toBe('not-found');
    answer = () => ({ status: 200, body: [] });
    expect((await run(searchProducts, { q: 'unicorn' })).outcome).toBe('not-found');
    answer = () => ({ status: 204 });
    const empty = await run(searchProducts, { q: 'unicorn' });
    expect(empty.outcome).toBe('not-found');
    expect(empty.customerMessage).toBe('We could not find anything matching that.');
  });

  it('4xx is a client error carrying the API message', async () => {
    answer = () => ({
      status: 422,
      body: { errors: [{ message: 'Returns are only possible within 30 days' }] },
    });
    const result = await run(getOrder, { orderId: '1' });
    expect(result.outcome).toBe('client-error');
    expect(result.customerMessage).toBe('Returns are only possible within 30 days');
  });

  it('5xx is a server error: a plain sentence for the customer, the detail in the log', async () => {
    answer = () => ({ status: 500, body: { message: 'NullPointerException at OrderService.java:42' } });
    const result = await run(getOrder, { orderId: '1' });
    expect(result.outcome).toBe('server-error');
    expect(result.customerMessage).toBe(
      'We could not retrieve that information right now. Please try again in a little while.',
    );
    expect(result.modelText).not.toContain('NullPointer');
    expect(logs[0].error).toBe(`GET ${server.url}/orders/1 failed with 500 Internal Server Error`);
    expect(logs[0].responseExcerpt).toContain('NullPointerException');
  });

  it('non-JSON responses are passed as text', async () => {
    answer = () => ({ status: 200, text: 'Order 12345: shipped on Monday' });
    const result = await run(getOrder, { orderId: '12345' });
    expect(result.data).toBe('Order 12345: shipped on Monday');
    expect(result.modelText).toBe('Order 12345: shipped on Monday');
  });

  it('a connection refused is a network failure', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const result = await run(ping, {}, { type: 'none' }, closed.url);
    expect(result.outcome).toBe('network');
    expect(result.error?.message).toMatch(new RegExp(`^GET ${closed.url}/ping failed: .*ECONNREFUSED`));
    expect(result.customerMessage).toMatch(/^We could not retrieve that information/);
  });

  it('invalid arguments never reach the API; the model gets the validation message', async () => {
    const before = server.requests.length;
    const result = await run(getOrder, { orderId: 'ABC' });
    expect(server.requests.length).toBe(before);
    expect(result.outcome).toBe('invalid-arguments');
    expect(result.attempts).toBe(0);
    expect(result.modelText).toBe('Invalid arguments for getOrder: orderId: must match pattern ^[0-9]+$');
    expect(logs).toEqual([
      expect.objectContaining({
        outcome: 'invalid-arguments',
        url: `${server.url}/orders/{orderId}`,
        requestBody: '{"orderId":"ABC"}',
      }),
    ]);
  });

  it('an operation the compiler marked uncallable is not sent', async () => {
    const upload = defineTool({
      name: 'upload',
      method: 'post',
      path: '/files',
      callable: false,
      uncallableReason: 'request body is multipart/form-data only',
    });
    const before = server.requests.length;
    const result = await run(upload, {});
    expect(server.requests.length).toBe(before);
    expect(result.outcome).toBe('invalid-arguments');
    expect(result.modelText).toBe(
      'Invalid arguments for upload: the operation cannot be called (request body is multipart/form-data only)',
    );
  });

  it('a malformed base URL is a logged failure, not a crash', async () => {
    const result = await run(ping, {}, { type: 'none' }, 'not a url');
    expect(result.outcome).toBe('network');
    expect(result.log.error).toBe(
      'GET not a url/ping failed: could not be built from base URL "not a url": Invalid URL',
    );
  });

  it('a cancelled call ends as a network outcome and is logged', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await executor.executeToolCall({
      tool: ping,
      args: {},
      integration: { id: 'int-7', baseUrl: server.url, auth: { type: 'none' } },
      signal: controller.signal,
    });
    expect(result.outcome).toBe('network');
    expect(result.error?.message).toContain('cancelled by the caller');
    expect(logs).toHaveLength(1);
  });
});

describe('success answers that carry no usable data', () => {
  const orderSchema = { type: 'object', properties: { status: { type: 'string' } } };
  const getOrder = defineTool({
    name: 'getOrder',
    method: 'get',
    path: '/orders/{orderId}',
    parameters: [{ name: 'orderId', in: 'path' }],
    responseSchema: orderSchema,
  });
  const notice = 'We could not retrieve that information right now. Please try again in a little while.';
  const page = `<!DOCTYPE html><html><head><title>Maintenance</title></head><body>${'<p>Back soon</p>'.repeat(2000)}</body></html>`;

  it('an HTML page with 200 is unusable: logged and traced as such, the customer gets the honest sentence', async () => {
    answer = () => ({ status: 200, text: page, contentType: 'text/html; charset=utf-8' });
    const result = await run(getOrder, { orderId: '1' });
    expect(result).toMatchObject({ outcome: 'unusable-response', status: 200, customerMessage: notice });
    expect(result.data).toBeUndefined();
    expect(result.modelText).toBe(
      'Could not retrieve that information: the API answered 200 OK with an HTML page, not JSON.',
    );
    expect(result.modelText).not.toContain('<');
    expect(result.error?.message).toBe(
      `GET ${server.url}/orders/1 answered 200 OK with an HTML page, not JSON`,
    );
    expect(logs[0]).toMatchObject({ outcome: 'unusable-response', status: 200 });
    expect(logs[0].responseExcerpt).toContain('<title>Maintenance</title>');
  });

  it('an HTML page is unusable even when labelled JSON or plain text, and for operations without a schema', async () => {
    answer = () => ({ status: 200, text: page, contentType: 'application/json' });
    expect((await run(getOrder, { orderId: '1' })).outcome).toBe('unusable-response');
    answer = () => ({ status: 200, text: '  <html><body>Error</body></html>', contentType: 'text/plain' });
    const plain = await run(ping, {});
    expect(plain.outcome).toBe('unusable-response');
    expect(plain.modelText).toContain('with an HTML page.');
  });

  it("JSON that does not parse is unusable, with the parser's reason for the log", async () => {
    answer = () => ({ status: 200, text: '{"status": "shipped", ', contentType: 'application/json' });
    const result = await run(getOrder, { orderId: '1' });
    expect(result.outcome).toBe('unusable-response');
    expect(result.modelText).toMatch(/answered 200 OK with invalid JSON \(/);
    expect(result.customerMessage).toBe(notice);
  });

  it('text where the operation declares JSON is unusable; text from an operation that declares none is data', async () => {
    answer = () => ({ status: 200, text: 'status=shipped', contentType: 'text/plain' });
    const declared = await run(getOrder, { orderId: '1' });
    expect(declared.outcome).toBe('unusable-response');
    expect(declared.modelText).toContain('a text/plain body, not the JSON the operation declares');
    const undeclared = await run(ping, {});
    expect(undeclared).toMatchObject({ outcome: 'ok', data: 'status=shipped' });
  });

  it('a JSON string is data, and an empty 200 stays an empty result, not an unusable one', async () => {
    answer = () => ({ status: 200, text: '"shipped"', contentType: 'application/json' });
    expect(await run(getOrder, { orderId: '1' })).toMatchObject({ outcome: 'ok', data: 'shipped' });
    answer = () => ({ status: 200, text: '', contentType: 'application/json' });
    expect((await run(getOrder, { orderId: '1' })).outcome).toBe('not-found');
  });

  it('an action whose answer cannot be read is not reported as failed: it may have happened', async () => {
    const cancel = defineTool({
      name: 'cancelOrder',
      method: 'post',
      path: '/orders/{orderId}/cancel',
      parameters: [{ name: 'orderId', in: 'path' }],
      responseSchema: orderSchema,
    });
    answer = () => ({ status: 200, text: page, contentType: 'text/html' });
    const result = await run(cancel, { orderId: '1' });
    expect(result.outcome).toBe('unusable-response');
    expect(result.customerMessage).toBe(
      'I could not confirm whether that went through. Please check with our team before trying again.',
    );
    expect(result.modelText).toContain('Whether the change was made cannot be told from it.');
  });

  it('an HTML error page with an error status keeps its status outcome', async () => {
    answer = () => ({ status: 503, text: page, contentType: 'text/html' });
    expect((await run(getOrder, { orderId: '1' })).outcome).toBe('server-error');
  });
});

describe('the request log', () => {
  it('records every field of a call', async () => {
    answer = () => ({ status: 201, body: { id: 'r-1' } });
    const tool = defineTool({
      name: 'createReturn',
      operationId: 'createReturn',
      method: 'post',
      path: '/returns',
      requestBody: jsonBody({ orderId: { type: 'string' } }, true),
    });
    const result = await run(tool, { orderId: '12345' });
    expect(logs).toHaveLength(1);
    const entry = logs[0];
    expect(entry).toEqual({
      integrationId: 'int-7',
      agentId: 'agent-3',
      conversationId: 'conv-9',
      tool: 'createReturn',
      operationId: 'createReturn',
      method: 'POST',
      url: `${server.url}/returns`,
      requestHeaders: expect.objectContaining({ 'content-type': 'application/json' }),
      requestBody: '{"orderId":"12345"}',
      status: 201,
      durationMs: expect.any(Number),
      responseExcerpt: '{"id":"r-1"}',
      responseTruncated: false,
      outcome: 'ok',
      error: undefined,
      attempts: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(result.log).toBe(entry);
  });

  it('cuts the logged request body to about 4 KB and the response excerpt to about 2 KB', async () => {
    answer = () => ({ status: 200, text: 'y'.repeat(10_000) });
    const tool = defineTool({
      name: 'note',
      method: 'post',
      path: '/notes',
      requestBody: jsonBody({ text: { type: 'string' } }, true),
    });
    await run(tool, { text: 'x'.repeat(10_000) });
    expect(logs[0].requestBody?.length).toBeLessThanOrEqual(4097);
    expect(logs[0].responseExcerpt?.length).toBeLessThanOrEqual(2049);
  });

  it('a failing onLog does not fail the call and is reported', async () => {
    const reported: unknown[] = [];
    const failing = createExecutor({
      allowHosts: ['127.0.0.1'],
      onLog: async () => {
        throw new Error('store is down');
      },
      onLogError: (error) => reported.push(error),
    });
    const result = await failing.executeToolCall({
      tool: ping,
      args: {},
      integration: { id: 'i', baseUrl: server.url, auth: { type: 'none' } },
    });
    await failing.close();
    expect(result.outcome).toBe('ok');
    expect(reported).toEqual([new Error('store is down')]);
  });
});

describe('secrets never appear in the log or the try-it result', () => {
  const secrets = {
    header: 'sk_live_HEADER_s3cr3t',
    query: 'qk_QUERY/s3cr3t+=',
    bearer: 'eyJ.BEARER.s3cr3t',
    password: 'BASIC_pa55_s3cr3t',
  };
  const auths: [string, IntegrationAuth, string[]][] = [
    [
      'header API key',
      { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: secrets.header },
      [secrets.header],
    ],
    [
      'query API key',
      { type: 'apiKey', in: 'query', name: 'key', value: secrets.query },
      [secrets.query, encodeURIComponent(secrets.query)],
    ],
    ['bearer token', { type: 'bearer', token: secrets.bearer }, [secrets.bearer]],
    [
      'basic auth',
      { type: 'basic', username: 'shop', password: secrets.password },
      [secrets.password, Buffer.from(`shop:${secrets.password}`).toString('base64')],
    ],
  ];
  const tool = defineTool({
    name: 'echo',
    method: 'post',
    path: '/echo',
    parameters: [
      { name: 'session_token', in: 'query' },
      { name: 'q', in: 'query' },
    ],
    requestBody: jsonBody({ note: { type: 'string' } }),
  });

  it.each(auths)('%s', async (_label, auth, forms) => {
    // The API echoes everything it got, credentials included, in its body: worst case for leaks.
    answer = (request) => ({
      status: 400,
      body: { message: `bad request: ${JSON.stringify(request)}`, got: request },
    });
    const result = await run(tool, { session_token: 'user-session-abc', q: 'bags', note: 'hello' }, auth);
    expect(result.outcome).toBe('client-error');
    const everything = JSON.stringify({
      result,
      logs,
      customer: result.customerMessage,
      error: result.error?.message,
    });
    for (const form of forms) expect(everything).not.toContain(form);
    expect(everything).not.toContain('user-session-abc');
    expect(everything).toContain('[redacted]');
    expect(result.request.url).toMatch(/q=bags/);
    // The API did get the credentials.
    expect(JSON.stringify(lastRequest())).toContain(forms[forms.length - 1]);
  });
});
