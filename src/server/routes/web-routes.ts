// The built web assets: the admin app at `/` (any other non-API page falls back to it) and the widget
// script at `/widget.js`. Without a build (`web/dist` missing) `/` says how to make one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `vite build` writes: `web/dist` at the repository root (same depth from src/ and dist/). */
const defaultDistDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Options of `registerWebRoutes`. */
export interface WebRoutesOptions {
  /** The folder holding `admin/index.html`, `admin/assets/` and `widget.js`. Default `web/dist`. */
  distDir?: string;
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Concierge</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Concierge is running</h1>
<p>The admin UI has not been built. Run <code>npm run build</code> (or <code>npm start</code>) and reload.</p>
<p>The API answers under <code>/api/v1</code>; it describes itself at <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>.</p>
</body></html>`;

/** Paths that belong to the API and never fall back to the admin page. */
function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path === '/health';
}

/** Registers `/`, `/widget.js`, `/assets/*` and the page fallback; all public. */
export async function registerWebRoutes(app: FastifyInstance, options: WebRoutesOptions = {}): Promise<void> {
  const distDir = options.distDir ?? defaultDistDir;
  const adminDir = `${distDir.replace(/\/$/, '')}/admin`;
  // Every route of this plugin is public: the admin app signs in with the token itself.
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), public: true };
  });
  const built = existsSync(`${adminDir}/index.html`);
  if (built) {
    // Asset names carry a content hash, so they may be cached for good. The build writes `.br` and
    // `.gz` beside each file; they are sent to browsers that accept them (here and by sendFile).
    await app.register(fastifyStatic, {
      root: `${adminDir}/assets`,
      prefix: '/assets/',
      maxAge: '365d',
      immutable: true,
      index: false,
      preCompressed: true,
    });
  }

  const sendAdminPage = (reply: FastifyReply) => {
    reply.header('cache-control', 'no-cache');
    if (!built || !existsSync(`${adminDir}/index.html`)) return reply.type('text/html').send(notBuiltPage);
    return reply.sendFile('index.html', adminDir, { cacheControl: false });
  };

  app.get('/', { schema: { hide: true } }, (_request, reply) => sendAdminPage(reply));

  app.get('/widget.js', { schema: { hide: true } }, (_request, reply) => {
    // The widget is loaded by other sites' pages.
    reply.header('access-control-allow-origin', '*');
    reply.header('cache-control', 'public, max-age=300');
    if (!built || !existsSync(`${distDir}/widget.js`)) {
      return reply
        .status(404)
        .type('application/javascript')
        .send('/* Concierge: the widget has not been built; run npm run build */');
    }
    return reply.sendFile('widget.js', distDir, { cacheControl: false });
  });

  app.get('/*', { schema: { hide: true } }, (request: FastifyRequest, reply) => {
    const path = request.url.split('?')[0];
    // API paths and file names (with an extension) keep their 404; app pages get the admin page.
    if (isApiPath(path) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    return sendAdminPage(reply);
  });
}
