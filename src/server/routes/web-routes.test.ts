import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
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
