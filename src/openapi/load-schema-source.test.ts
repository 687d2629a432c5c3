import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaSource } from './load-schema-source.js';

const schema = 'openapi: 3.0.3\ninfo: {title: Local, version: "1"}\npaths: {}\n';
const twentyFiveMiB = 25 * 1024 * 1024;
let server: Server;
let base: string;
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    if (url === '/schema.yaml') {
      response.end(schema);
    } else if (url.startsWith('/hop/')) {
      const left = Number(url.slice(5));
      response.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/schema.yaml' }).end();
    } else if (url === '/to-localhost') {
      const { port } = server.address() as AddressInfo;
      response.writeHead(301, { location: `http://localhost:${port}/schema.yaml` }).end();
    } else if (url === '/huge-declared') {
      response.writeHead(200, { 'content-length': String(twentyFiveMiB) });
      // Only the first bytes are sent: the client must give up on the declared length alone.
      response.write('x'.repeat(1024));
    } else if (url === '/huge-chunked') {
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 25 && response.write(chunk)) sent++;
        if (sent >= 25) response.end();
        else response.once('drain', pump);
      };
      response.on('error', () => undefined);
      pump();
    } else if (url === '/silent') {
      // Never answers: the client's timeout must end the wait.
    } else {
      response.writeHead(404, 'Not Found').end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowLoopbackIp = { isHostAllowed: (url: URL) => url.hostname === '127.0.0.1' };

describe('loadSchemaSource from a URL', () => {
  it('refuses 127.0.0.1 by default, without sending a request', async () => {
    requests = [];
    const result = await loadSchemaSource({ url: `${base}/schema.yaml` });
    expect(result).toMatchObject({ ok: false, error: { code: 'host-not-allowed' } });
    expect(!result.ok && result.error.message).toBe(
      `refusing to fetch ${base}/schema.yaml: 127.0.0.1 is a loopback address; add "127.0.0.1:${new URL(base).port}" to CONCIERGE_ALLOW_HOSTS (comma-separated) to import from it`,
    );
    expect(requests).toEqual([]);
  });

  it('refuses host names that resolve to loopback, and private or metadata IP literals', async () => {
    const localhost = await loadSchemaSource({ url: 'http://localhost:9/openapi.json' });
    expect(!localhost.ok && localhost.error.message).toMatch(
      /localhost \(it resolves to .+\) is a loopback address/,
    );
    for (const url of [
      'http://10.1.2.3/a.json',
      'http://169.254.169.254/latest',
      'http://[fd00:ec2::254]/',
      'http://[::ffff:192.168.1.1]/',
    ]) {
      const result = await loadSchemaSource({ url });
      expect(!result.ok && result.error.code, url).toBe('host-not-allowed');
    }
  });

  it('loads from a host the configuration allows and reports the final URL', async () => {
    const result = await loadSchemaSource({ url: `${base}/hop/2` }, allowLoopbackIp);
    expect(result).toEqual({ ok: true, value: { text: schema, sourceUrl: `${base}/schema.yaml` } });
  });

  it('re-checks every redirect: an allowed host cannot redirect to a refused one', async () => {
    requests = [];
    const result = await loadSchemaSource({ url: `${base}/to-localhost` }, allowLoopbackIp);
    expect(!result.ok && result.error.code).toBe('host-not-allowed');
    expect(requests).toEqual(['/to-localhost']);
  });

  it('follows at most five redirects', async () => {
    const result = await loadSchemaSource({ url: `${base}/hop/5` }, allowLoopbackIp);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'too-many-redirects', message: `GET ${base}/hop/5 was redirected more than 5 times` },
    });
  });

  it('stops at 20 MiB, whether the size is declared or streamed', async () => {
    for (const path of ['/huge-declared', '/huge-chunked']) {
      const result = await loadSchemaSource({ url: `${base}${path}` }, allowLoopbackIp);
      expect(result, path).toMatchObject({ ok: false, error: { code: 'too-large' } });
    }
  });

  it('gives up after the timeout', async () => {
    const result = await loadSchemaSource({ url: `${base}/silent` }, { ...allowLoopbackIp, timeoutMs: 200 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'fetch-timeout', message: `GET ${base}/silent timed out after 0.2 s` },
    });
  });

  it('says which URL failed with which status', async () => {
    const result = await loadSchemaSource({ url: `${base}/nothing-here` }, allowLoopbackIp);
    expect(!result.ok && result.error.message).toBe(`GET ${base}/nothing-here failed with 404 Not Found`);
  });

  it('accepts only http and https', async () => {
    const result = await loadSchemaSource({ url: 'file:///etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-url' } });
  });
});

describe('loadSchemaSource from a file or text', () => {
  it('reads a file, refuses one over 20 MiB and says which file is missing', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'concierge-schema-'));
    try {
      const small = join(directory, 'small.yaml');
      await writeFile(small, schema);
      expect(await loadSchemaSource({ path: small })).toEqual({ ok: true, value: { text: schema } });
      const big = join(directory, 'big.json');
      await writeFile(big, Buffer.alloc(twentyFiveMiB, 0x20));
      const result = await loadSchemaSource({ path: big });
      expect(!result.ok && result.error).toMatchObject({
        code: 'too-large',
        message: `${big} is 25.0 MiB, over the limit of 20 MiB`,
      });
      const missing = await loadSchemaSource({ path: join(directory, 'nope.yaml') });
      expect(!missing.ok && missing.error.message).toBe(
        `cannot read ${join(directory, 'nope.yaml')}: no such file`,
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('passes pasted text through, within the same limit', async () => {
    expect(await loadSchemaSource({ text: schema })).toEqual({ ok: true, value: { text: schema } });
    expect(await loadSchemaSource({ text: schema }, { maxBytes: 10 })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });
});
