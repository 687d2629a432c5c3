import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { storeDialects } from '../../store/test-support/store-dialects.js';
import { registerAuthentication } from '../authenticate.js';
import { openTestApp } from '../test-support/test-app.js';
import { registerWebRoutes } from './web-routes.js';

/** An app with authentication (so public routes are checked) and the web routes over `distDir`. */
async function webApp(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  // No route here reads the store: only credentials of non-public routes would.
  registerAuthentication(app, { store: {} as Store, adminToken: 'admin-token-for-web-tests' });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'not-found', message: `no route for ${request.url}` } });
  });
  await app.register(registerWebRoutes, { distDir });
  await app.ready();
  return app;
}

describe('web routes with a build', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concierge-web-'));
    mkdirSync(join(dir, 'admin', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'admin', 'index.html'), '<!doctype html><title>Concierge admin</title>');
    writeFileSync(join(dir, 'admin', 'assets', 'index-abc123.js'), 'console.log("admin")');
    writeFileSync(join(dir, 'widget.js'), '(function(){})()');
    // What scripts/build.js writes beside each file.
    for (const file of [join(dir, 'admin', 'assets', 'index-abc123.js'), join(dir, 'widget.js')]) {
      const text = file.endsWith('widget.js') ? '(function(){})()' : 'console.log("admin")';
      writeFileSync(`${file}.br`, brotliCompressSync(text));
      writeFileSync(`${file}.gz`, gzipSync(text));
    }
    app = await webApp(dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the admin page at / and for app paths, without credentials and never cached stale', async () => {
    for (const url of ['/', '/integrations/int_1', '/logs?tool=searchProducts']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('Concierge admin');
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year and the widget to any origin', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    const widget = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(widget.statusCode).toBe(200);
    expect(widget.body).toBe('(function(){})()');
    expect(widget.headers['content-type']).toMatch(/javascript/);
    expect(widget.headers['access-control-allow-origin']).toBe('*');
    expect(widget.headers['cache-control']).toBe('public, max-age=300');
  });

  it('sends the precompressed files to browsers that accept them, with the same cache headers', async () => {
    const brotli = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toMatch(/immutable/);
    expect(brotli.rawPayload).toEqual(brotliCompressSync('console.log("admin")'));
    const gzip = await app.inject({
      method: 'GET',
      url: '/widget.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe('public, max-age=300');
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log("admin")');
  });

  it('leaves API paths and missing files to the JSON 404', async () => {
    for (const url of ['/api/v1/nothing-here', '/api', '/favicon.ico', '/assets/missing.js']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe('not-found');
    }
  });
});

/** GET through a real socket: the raw bytes and headers, as a browser or a CDN receives them. */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

function decode(body: Buffer, encoding: string | string[] | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}

describe('web files over a real server: compressed, cached and revalidated', () => {
  let dir: string;
  let app: FastifyInstance;
  let port: number;
  // Big enough that compression matters; what scripts/build.js writes, .br and .gz beside each file.
  const files = {
    '/': join('admin', 'index.html'),
    '/assets/index-abc123.js': join('admin', 'assets', 'index-abc123.js'),
    '/widget.js': 'widget.js',
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concierge-web-'));
    mkdirSync(join(dir, 'admin', 'assets'), { recursive: true });
    for (const [url, file] of Object.entries(files)) {
      const content = `<!-- ${url} -->${'<p>Concierge admin and widget</p>\n'.repeat(200)}`;
      writeFileSync(join(dir, file), content);
      writeFileSync(join(dir, `${file}.br`), brotliCompressSync(content));
      writeFileSync(join(dir, `${file}.gz`), gzipSync(content));
    }
    app = await webApp(dir);
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli before gzip before plain, by Accept-Encoding, and says it varies by it', async () => {
    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0', undefined],
      ['identity', undefined],
      ['', undefined],
    ];
    for (const [url, file] of Object.entries(files)) {
      const original = readFileSync(join(dir, file));
      for (const [accept, encoding] of cases) {
        const response = await get(port, url, accept ? { 'accept-encoding': accept } : {});
        const label = `${url} with '${accept}'`;
        expect(response.status, label).toBe(200);
        expect(response.headers['content-encoding'], label).toBe(encoding);
        expect(response.headers.vary, label).toMatch(/accept-encoding/i);
        expect(decode(response.body, encoding).equals(original), label).toBe(true);
        if (encoding) expect(response.body.length, label).toBeLessThan(original.length / 3);
      }
    }
  });

  it('caches hashed assets for good, and has the page and the widget loader revalidated by ETag', async () => {
    const asset = await get(port, '/assets/index-abc123.js', { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The widget loader's URL is embedded in businesses' pages: a release reaches them within minutes.
    const cacheControl = { '/': 'no-cache', '/widget.js': 'public, max-age=300' };
    for (const [url, expected] of Object.entries(cacheControl)) {
      for (const accept of ['br', 'gzip', '']) {
        const first = await get(port, url, accept ? { 'accept-encoding': accept } : {});
        const label = `${url} with '${accept}'`;
        expect(first.headers['cache-control'], label).toBe(expected);
        const etag = first.headers.etag as string;
        expect(etag, label).toMatch(/^(W\/)?"/);
        const again = await get(port, url, {
          'if-none-match': etag,
          ...(accept ? { 'accept-encoding': accept } : {}),
        });
        expect(again.status, label).toBe(304);
        expect(again.body.length, label).toBe(0);
      }
    }
    // Each encoding is its own representation: a cache never answers gzip with brotli's tag.
    const brotli = await get(port, '/widget.js', { 'accept-encoding': 'br' });
    const gzip = await get(port, '/widget.js', { 'accept-encoding': 'gzip' });
    expect(brotli.headers.etag).not.toBe(gzip.headers.etag);
  });
});

describe('web routes without a build', () => {
  it('answers / with a page saying to run npm run build, and /widget.js with 404', async () => {
    const app = await webApp(join(tmpdir(), 'concierge-web-missing-dist'));
    const page = await app.inject({ method: 'GET', url: '/agents' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build');
    const widget = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(widget.statusCode).toBe(404);
    await app.close();
  });
});

describe('web routes inside the app', () => {
  it('keep the API 404s and /health as they were', async () => {
    const test = await openTestApp(storeDialects[0]);
    const missing = await test.call({ method: 'GET', url: '/api/v1/no-such-route', token: null });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'not-found', message: 'no route for GET /api/v1/no-such-route' },
    });
    expect((await test.call({ method: 'GET', url: '/health', token: null })).json()).toEqual({
      status: 'ok',
    });
    const home = await test.call({ method: 'GET', url: '/', token: null });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toMatch(/text\/html/);
    await test.close();
  });
});
