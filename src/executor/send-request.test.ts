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
const arrivals: number[] = [];

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    arrivals.push(performance.now());
    handle(request, response, server.requests.length);
  });
  other = await startTestServer(
    (_request, response) => sendJson(response, 200, { from: 'other host' }),
    'localhost',
  );
  executor = createExecutor({ allowHosts: ['127.0.0.1', 'localhost'] });
});
afterAll(async () => {
  await executor.close();
  await Promise.all([server.close(), other.close()]);
});
beforeEach(() => {
  server.requests.length = 0;
  arrivals.length = 0;
  handle = (_request, response) => sendJson(response, 200, { ok: true });
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
    expect(result.outcome).toBe('ok');
    expect(result.response?.truncated).toBe(true);
    expect(String(result.response?.body).length).toBe(2 * 1024 * 1024);
    expect(result.log.responseTruncated).toBe(true);
    expect(result.modelText.length).toBeLessThan(16_300);
    expect(result.modelText).toContain(
      '[The response was larger than 2097152 bytes; only that much was read.]',
    );
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

describe('redirects', () => {
  it('does not follow a redirect to another host', async () => {
    handle = (_request, response) => {
      response.writeHead(302, { location: `${other.url}/steal` });
      response.end();
    };
    const result = await run(getStatus);
    expect(result.outcome).toBe('blocked');
    expect(result.error?.message).toBe(
      `Refused to follow the redirect from ${server.url}/status to ${other.url}/steal: it points to another host`,
    );
    expect(other.requests).toHaveLength(0);
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

  it('stops after 5 redirects', async () => {
    handle = (_request, response) => {
      response.writeHead(302, { location: '/status' });
      response.end();
    };
    const result = await run(getStatus);
    expect(result).toMatchObject({ outcome: 'server-error', status: 302 });
    expect(server.requests).toHaveLength(6);
  });
});
