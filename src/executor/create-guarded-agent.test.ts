import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutor, type ExecutorOptions } from './create-executor.js';
import { guardLookup } from './create-guarded-agent.js';
import { BlockedHostError } from './errors.js';
import { defineTool } from './test-support/define-tool.js';
import { sendJson, startTestServer, type TestServer } from './test-support/start-test-server.js';
import type { ToolCallRequest } from './tool-call.js';

const ping = defineTool({ name: 'ping', method: 'get', path: '/ping' });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((_request, response) => sendJson(response, 200, { pong: true }));
});
afterAll(() => server.close());

/** Resolves every name in `table` to its address, as a hostile or split-horizon DNS server might. */
function fakeDns(table: Record<string, string>): LookupFunction {
  return (hostname, options, callback) => {
    const address = table[hostname];
    if (address === undefined) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
    } else if (options.all) {
      callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    } else {
      callback(null, address, address.includes(':') ? 6 : 4);
    }
  };
}

async function call(
  options: ExecutorOptions,
  baseUrl: string,
  extra: Partial<ToolCallRequest['integration']> = {},
) {
  const executor = createExecutor(options);
  try {
    return await executor.executeToolCall({
      tool: ping,
      args: {},
      integration: { id: 'int-1', baseUrl, auth: { type: 'none' }, timeoutMs: 2000, ...extra },
    });
  } finally {
    await executor.close();
  }
}

describe('the network guard', () => {
  it('refuses 127.0.0.1 unless it is allowed, and logs the refusal', async () => {
    const before = server.requests.length;
    const logs: unknown[] = [];
    const result = await call({ onLog: (entry) => void logs.push(entry) }, server.url);
    expect(result.outcome).toBe('blocked');
    expect(result.error).toBeInstanceOf(BlockedHostError);
    expect(result.error?.message).toBe(
      'Refused to connect to 127.0.0.1: 127.0.0.1 is a loopback address; add "127.0.0.1" to allowHosts (CONCIERGE_ALLOW_HOSTS) to allow it',
    );
    expect(result.customerMessage).toBe(
      'We could not retrieve that information right now. Please try again in a little while.',
    );
    expect(server.requests.length).toBe(before);
    expect(logs).toEqual([
      expect.objectContaining({ outcome: 'blocked', url: `${server.url}/ping`, attempts: 1 }),
    ]);
  });

  it('lets 127.0.0.1 through when allowed by name or by name and port', async () => {
    expect((await call({ allowHosts: ['127.0.0.1'] }, server.url)).outcome).toBe('ok');
    expect((await call({ allowHosts: [`127.0.0.1:${server.port}`] }, server.url)).outcome).toBe('ok');
    expect((await call({ allowHosts: [`127.0.0.1:${server.port + 1}`] }, server.url)).outcome).toBe(
      'blocked',
    );
  });

  it('takes extra allowed hosts per integration without lending them to other integrations', async () => {
    const executor = createExecutor({});
    const integration = { id: 'demo', baseUrl: server.url, auth: { type: 'none' as const }, timeoutMs: 2000 };
    const allowed = await executor.executeToolCall({
      tool: ping,
      args: {},
      integration: { ...integration, allowHosts: ['127.0.0.1'] },
    });
    const other = await executor.executeToolCall({ tool: ping, args: {}, integration });
    await executor.close();
    expect(allowed.outcome).toBe('ok');
    expect(other.outcome).toBe('blocked');
  });

  it('checks the resolved address: a name pointing at 127.0.0.1 is refused when only the literal is allowed', async () => {
    const lookup = fakeDns({ 'shop.example': '127.0.0.1' });
    const baseUrl = `http://shop.example:${server.port}`;
    const refused = await call({ allowHosts: ['127.0.0.1'], lookup }, baseUrl);
    expect(refused.outcome).toBe('blocked');
    expect(refused.error?.message).toContain('shop.example resolves to 127.0.0.1, a loopback address');
    expect((await call({ allowHosts: ['shop.example'], lookup }, baseUrl)).outcome).toBe('ok');
  });

  it('refuses localhost through the real resolver when only 127.0.0.1 is allowed', async () => {
    const result = await call({ allowHosts: ['127.0.0.1'] }, `http://localhost:${server.port}`);
    expect(result.outcome).toBe('blocked');
    expect(result.error?.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
  });

  it('refuses IPv4-mapped IPv6 literals of loopback', async () => {
    const result = await call({ allowHosts: ['127.0.0.1'] }, `http://[::ffff:127.0.0.1]:${server.port}`);
    expect(result.outcome).toBe('blocked');
    expect(result.error?.message).toContain('is a loopback address');
  });

  it('refuses numeric spellings of loopback, which URL parsing turns into 127.0.0.1', async () => {
    expect((await call({}, `http://2130706433:${server.port}`)).outcome).toBe('blocked');
    expect((await call({}, `http://0x7f.1:${server.port}`)).outcome).toBe('blocked');
  });

  it('refuses schemes other than http and https without sending anything', async () => {
    const result = await call({}, 'file:///etc');
    expect(result.outcome).toBe('blocked');
    expect(result.attempts).toBe(0);
  });
});

describe('guardLookup', () => {
  // Exercised without connecting: a faulty guard must not send traffic to a public address from a test.
  function resolveWith(answer: { address: string; family: number }[]): Promise<unknown> {
    const resolve: LookupFunction = (_hostname, _options, callback) => callback(null, answer);
    return new Promise((settle) => {
      guardLookup(resolve)('mixed.example', { all: true }, (error, address) => settle(error ?? address));
    });
  }

  it('refuses a name when any of its addresses is not public', async () => {
    const error = await resolveWith([
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ]);
    expect(error).toBeInstanceOf(BlockedHostError);
    expect((error as Error).message).toContain('mixed.example resolves to 10.0.0.7, a private address');
  });

  it('passes an all-public answer on unchanged', async () => {
    const answer = [{ address: '93.184.216.34', family: 4 }];
    expect(await resolveWith(answer)).toBe(answer);
  });

  it('passes resolver errors on', async () => {
    const failing: LookupFunction = (_hostname, _options, callback) =>
      callback(
        Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' }),
        '',
        4,
      );
    const error = await new Promise((settle) =>
      guardLookup(failing)('nowhere.example', {}, (failure) => settle(failure)),
    );
    expect((error as Error).message).toContain('ENOTFOUND');
  });
});
