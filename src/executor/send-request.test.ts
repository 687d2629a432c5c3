import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../tools/index.js';
import { createExecutor, type Executor } from './create-executor.js';
import { defineTool, jsonBody } from './test-support/define-tool.js';
import {
  type RecordedRequest,
  sendJson,
  startTestServer,
  type TestServer,
} from './test-support/start-test-server.js';

let server: TestServer;
let other: TestServer;
let executor: Executor;
/** Answers requests by path; set per test. */
let handle: (request: RecordedRequest, response: ServerResponse, count: number) => void;
/** Answers requests to the other host (`localhost`: another host name than 127.0.0.1). */
let handleOther: (request: RecordedRequest, response: ServerResponse) => void;
const arrivals: number[] = [];

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    arrivals.push(performance.now());
    handle(request, response, server.requests.length);
  });
  other = await startTestServer((request, response) => handleOther(request, response), 'localhost');
  executor = createExecutor({ allowHosts: ['127.0.0.1', 'localhost'] });
});
afterAll(async () => {
  await executor.close();
  await Promise.all([server.close(), other.close()]);
});
beforeEach(() => {
  server.requests.length = 0;
  other.requests.length = 0;
  arrivals.length = 0;
  handle = (_request, response) => sendJson(response, 200, { ok: true });
  handleOther = (request, response) =>
    sendJson(response, 200, { from: 'other host', method: request.method, url: request.url });
});

function run(tool: ToolDefinition, timeoutMs = 2000, args: unknown = {}) {
  return executor.executeToolCall({
    tool,
    args,
    integration: { id: 'i', baseUrl: server.url, auth: { type: 'none' }, timeoutMs },
  });
}

const getStatus = defineTool({ name: 'getStatus', method: 'get', path: '/status' });
const createOrder = defineTool({
  name: 'createOrder',
  method: 'post',
  path: '/orders',
  requestBody: jsonBody({ sku: { type: 'string' } }),
});
const createIdempotent = { ...createOrder, name: 'createIdempotent', idempotent: true };

/** Fails the first `failures` requests with `status` (or by dropping the connection), then answers 200. */
function flaky(failures: number, status: number | 'drop', headers: Record<string, string> = {}) {
  return (_request: RecordedRequest, response: ServerResponse, count: number) => {
    if (count > failures) sendJson(response, 200, { attempt: count });
    else if (status === 'drop') response.socket?.destroy();
    else sendJson(response, status, { message: 'busy' }, headers);
  };
}

describe('timeouts', () => {
  it('a slow server hits the integration timeout', async () => {
    handle = (_request, response) => {
      const timer = setTimeout(() => sendJson(response, 200, { late: true }), 5000);
      response.on('close', () => clearTimeout(timer));
    };
    const result = await run(getStatus, 300);
    expect(result.outcome).toBe('timeout');
    expect(result.error?.message).toBe(`GET ${server.url}/status timed out after 300 ms`);
    expect(result.modelText).toBe(
      'Could not retrieve that information: the API did not answer within 0.3 seconds.',
    );
    expect(result.durationMs).toBeLessThan(4000);
    expect(result.log.outcome).toBe('timeout');
  });

  it('a body that trickles past the timeout is a timeout too', async () => {
    handle = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      const timer = setTimeout(() => response.end('1]'), 5000);
      response.on('close', () => clearTimeout(timer));
    };
    expect((await run(getStatus, 300)).outcome).toBe('timeout');
  });
});

describe('retries', () => {
  it('retries GET on 503 and succeeds on the third attempt', async () => {
    handle = flaky(2, 503);
    const result = await run(getStatus);
    expect(result).toMatchObject({ outcome: 'ok', attempts: 3, data: { attempt: 3 } });
    expect(result.log.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after two retries', async () => {
    handle = flaky(5, 502);
    const result = await run(getStatus);
    expect(result).toMatchObject({ outcome: 'server-error', attempts: 3, status: 502 });
    expect(result.error).toMatchObject({ retryable: true, status: 502 });
  });

  it('retries GET when the connection drops', async () => {
    handle = flaky(1, 'drop');
    expect(await run(getStatus)).toMatchObject({ outcome: 'ok', attempts: 2 });
  });

  it('never retries POST', async () => {
    handle = flaky(1, 503);
    expect(await run(createOrder, 2000, { sku: 'A' })).toMatchObject({
      outcome: 'server-error',
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    handle = flaky(1, 'drop');
    expect(await run(createOrder, 2000, { sku: 'A' })).toMatchObject({ outcome: 'network', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries POST when the operation says it is idempotent', async () => {
    handle = flaky(1, 503);
    expect(await run(createIdempotent, 2000, { sku: 'A' })).toMatchObject({ outcome: 'ok', attempts: 2 });
    expect(server.requests.map((request) => request.body)).toEqual(['{"sku":"A"}', '{"sku":"A"}']);
  });

  it('retries 429 for GET but reports it as a client error when it persists', async () => {
    handle = flaky(1, 429);
    expect(await run(getStatus)).toMatchObject({ outcome: 'ok', attempts: 2 });
    server.requests.length = 0;
    handle = flaky(5, 429);
    const result = await run(getStatus);
    expect(result).toMatchObject({ outcome: 'client-error', attempts: 3, customerMessage: 'busy' });
  });

  it('waits as long as Retry-After says when that fits the budget', async () => {
    handle = flaky(1, 503, { 'retry-after': '1' });
    expect(await run(getStatus, 3000)).toMatchObject({ outcome: 'ok', attempts: 2 });
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(900);
  });

  it('does not retry when Retry-After is beyond the budget', async () => {
    handle = flaky(1, 503, { 'retry-after': '30' });
    expect(await run(getStatus, 2000)).toMatchObject({ outcome: 'server-error', attempts: 1 });
  });
});

describe('response size', () => {
  it('caps a 5 MB response at 2 MB and marks it truncated', async () => {
    const chunk = `${'x'.repeat(1023)}\n`;
    handle = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const pump = () => {
        while (sent < 5 * 1024 && response.write(chunk)) sent += 1;
        if (sent >= 5 * 1024) response.end();
        else
          response.once('drain', () => {
            sent += 1;
            pump();
          });
      };
      pump();
    };
    const result = await run(getStatus, 5000);
    // A body cut at the cap is no answer: its own outcome, never the raw text for the model.
    expect(result.outcome).toBe('unusable-response');
    expect(result.response?.truncated).toBe(true);
    expect(String(result.response?.body).length).toBe(2 * 1024 * 1024);
    expect(result.log).toMatchObject({ responseTruncated: true, outcome: 'unusable-response' });
    expect(result.modelText).toBe(
      'Could not retrieve that information: the API answered 200 OK with a body larger than the 2097152-byte limit, cut there and left unread.',
    );
    expect(result.data).toBeUndefined();
  });

  it('cuts what the model reads to the budget at whole items, with a note', async () => {
    const items = Array.from({ length: 2000 }, (_, index) => ({
      id: index,
      name: `Leather bag model ${index}`,
    }));
    handle = (_request, response) => sendJson(response, 200, { total: 2000, items });
    const result = await run(getStatus);
    expect(result.modelText.length).toBeLessThanOrEqual(16_000);
    const [json, note] = result.modelText.split('\n');
    expect((JSON.parse(json) as { items: unknown[] }).items.length).toBeGreaterThan(100);
    expect(note).toMatch(/^\[Cut to fit: showing the first \d+ of 2000 items of "items"/);
    expect(result.data).toEqual({ total: 2000, items });
  });
});

/** Answers with a redirect to `location`. */
function redirectTo(location: string, status = 302) {
  return (_request: RecordedRequest, response: ServerResponse) => {
    response.writeHead(status, { location });
    response.end();
  };
}

describe('redirects', () => {
  it("follows Apps Script's POST -> 302 -> GET to another host, without the API key", async () => {
    // script.google.com answers /exec with a 302 to script.googleusercontent.com, which serves the result.
    handle = (request, response) => {
      if (request.method === 'POST' && request.url.startsWith('/macros/s/ABC123/exec')) {
        redirectTo(`${other.url}/macros/echo?user_content_key=u1&lib=L2`)(request, response);
      } else sendJson(response, 404, { message: 'no' });
    };
    handleOther = (request, response) =>
      request.method === 'GET' && request.url === '/macros/echo?user_content_key=u1&lib=L2'
        ? sendJson(response, 200, { orderNumber: '12345', status: 'shipped' })
        : sendJson(response, 400, { message: `unexpected ${request.method} ${request.url}` });
    const tool = defineTool({
      name: 'doPost',
      method: 'post',
      path: '/exec',
      requestBody: jsonBody({ action: { type: 'string' } }),
    });
    const result = await executor.executeToolCall({
      tool,
      args: { action: 'trackOrder' },
      integration: {
        id: 'apps-script',
        baseUrl: `${server.url}/macros/s/ABC123`,
        auth: { type: 'apiKey', in: 'query', name: 'key', value: 'sekret-apps-script-key' },
        timeoutMs: 2000,
      },
    });
    expect(result).toMatchObject({ outcome: 'ok', status: 200, data: { status: 'shipped' } });
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ['POST', '/macros/s/ABC123/exec?key=sekret-apps-script-key'],
    ]);
    expect(other.requests).toHaveLength(1);
    const [second] = other.requests;
    expect(second.method).toBe('GET');
    expect(second.body).toBe('');
    expect(second.headers['content-type']).toBeUndefined();
    expect(JSON.stringify(second)).not.toContain('sekret-apps-script-key');
  });

  it('removes auth headers and the API key header before following a GET to another host', async () => {
    for (const auth of [
      { type: 'bearer', token: 'sekret-bearer-token' },
      { type: 'basic', username: 'shop', password: 'sekret-password' },
      { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: 'sekret-header-key' },
    ] as const) {
      other.requests.length = 0;
      handle = redirectTo(`${other.url}/elsewhere?lib=1`, 301);
      const result = await executor.executeToolCall({
        tool: getStatus,
        args: {},
        integration: { id: 'i', baseUrl: server.url, auth, timeoutMs: 2000 },
      });
      expect(result).toMatchObject({ outcome: 'ok', data: { from: 'other host', url: '/elsewhere?lib=1' } });
      const first = server.requests.at(-1);
      expect(first?.headers.authorization ?? first?.headers['x-api-key']).toBeDefined();
      const sent = other.requests[0];
      expect(sent.headers.authorization).toBeUndefined();
      expect(sent.headers['x-api-key']).toBeUndefined();
      expect(JSON.stringify(sent)).not.toMatch(/sekret|c2hvcDpzZWtyZXQtcGFzc3dvcmQ/);
    }
  });

  it("keeps the credentials for the integration's own host and the hosts it lists", async () => {
    handle = (request, response) =>
      request.url === '/status'
        ? redirectTo(`${other.url}/listed`)(request, response)
        : sendJson(response, 200, { at: request.url, key: request.headers['x-api-key'] });
    const auth = { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: 'sekret-header-key' } as const;
    handleOther = (request, response) => sendJson(response, 200, { key: request.headers['x-api-key'] });
    const listed = await executor.executeToolCall({
      tool: getStatus,
      args: {},
      integration: { id: 'i', baseUrl: server.url, auth, timeoutMs: 2000, allowHosts: ['localhost'] },
    });
    expect(listed).toMatchObject({ outcome: 'ok', data: { key: '[redacted]' } });
    expect(other.requests[0].headers['x-api-key']).toBe('sekret-header-key');

    // Another port of the same host name is the same host.
    const port2 = await startTestServer((request, response) =>
      sendJson(response, 200, { key: request.headers['x-api-key'] }),
    );
    try {
      handle = redirectTo(`${port2.url}/own`);
      const own = await executor.executeToolCall({
        tool: getStatus,
        args: {},
        integration: { id: 'i', baseUrl: server.url, auth, timeoutMs: 2000 },
      });
      expect(own).toMatchObject({ outcome: 'ok' });
      expect(port2.requests[0].headers['x-api-key']).toBe('sekret-header-key');
    } finally {
      await port2.close();
    }
  });

  it('refuses to carry a POST body to another host (307)', async () => {
    handle = redirectTo(`${other.url}/steal`, 307);
    const result = await run(createOrder, 2000, { sku: 'A' });
    expect(result.outcome).toBe('blocked');
    expect(result.error?.message).toBe(
      `Refused to follow the redirect from ${server.url}/orders to ${other.url}/steal: it points to another host, and a POST is only followed within the same host`,
    );
    expect(other.requests).toHaveLength(0);
  });

  it('refuses a redirect to a scheme other than http and https', async () => {
    handle = redirectTo('file:///etc/passwd');
    const result = await run(getStatus);
    expect(result.outcome).toBe('blocked');
    expect(result.error?.message).toContain('only http and https URLs can be called');
  });

  it('checks every hop against the network guard at connect time', async () => {
    const strict = createExecutor({ allowHosts: ['127.0.0.1'] });
    try {
      handle = redirectTo(`${other.url}/internal`);
      const result = await strict.executeToolCall({
        tool: getStatus,
        args: {},
        integration: { id: 'i', baseUrl: server.url, auth: { type: 'none' }, timeoutMs: 2000 },
      });
      expect(result.outcome).toBe('blocked');
      expect(result.error?.message).toMatch(/^Refused to connect to localhost: .*CONCIERGE_ALLOW_HOSTS/);
      expect(other.requests).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it('follows a same-host redirect', async () => {
    handle = (request, response) => {
      if (request.url === '/status') {
        response.writeHead(301, { location: '/v2/status' });
        response.end();
      } else sendJson(response, 200, { at: request.url });
    };
    expect(await run(getStatus)).toMatchObject({ outcome: 'ok', attempts: 1, data: { at: '/v2/status' } });
  });

  it('turns POST into GET after 303', async () => {
    handle = (request, response) => {
      if (request.method === 'POST') {
        response.writeHead(303, { location: '/orders/1' });
        response.end();
      } else sendJson(response, 200, { method: request.method, body: request.body });
    };
    expect(await run(createOrder, 2000, { sku: 'A' })).toMatchObject({
      outcome: 'ok',
      data: { method: 'GET', body: '' },
    });
  });

  it('keeps the method and body of a 307 within the same host', async () => {
    handle = (request, response) => {
      if (request.url === '/orders') redirectTo('/v2/orders', 307)(request, response);
      else sendJson(response, 201, { method: request.method, body: request.body });
    };
    expect(await run(createOrder, 2000, { sku: 'A' })).toMatchObject({
      outcome: 'ok',
      data: { method: 'POST', body: '{"sku":"A"}' },
    });
  });

  it('stops after 5 redirects', async () => {
    handle = (_request, response) => {
      response.writeHead(302, { location: '/status' });
      response.end();
    };
    const result = await run(getStatus);
    expect(result).toMatchObject({ outcome: 'server-error', status: 302 });
    expect(server.requests).toHaveLength(6);
  });

  it('stops after 5 redirects across hosts too', async () => {
    handle = redirectTo(`${other.url}/hop`);
    handleOther = redirectTo(`${server.url}/status`);
    const result = await run(getStatus);
    expect(result).toMatchObject({ outcome: 'server-error', status: 302 });
    expect(server.requests.length + other.requests.length).toBe(6);
  });
});
