// The real server for browser tests: in-process on 127.0.0.1, port 0, a temp data dir, an admin
// token, local hosts allowed (the test APIs run on 127.0.0.1), no log output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readServerConfig, startServer } from '../../../src/server/index.js';

/** The admin token of browser-test servers. */
export const browserTestAdminToken = 'browser-test-admin-token-4242';

/** Opens the admin UI at `url` in `page` and signs in with the admin token, up to the Properties page. */
export async function signInToAdmin(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Admin token').fill(browserTestAdminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Properties', level: 1 }).waitFor();
}

/** A running server with a helper to call its admin API. */
export interface BrowserTestServer {
  url: string;
  /** Calls the admin API; resolves with the JSON body, throws on a non-2xx status. */
  api: <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;
  close: () => Promise<void>;
}

/** Starts the server; `env` adds or replaces configuration (`CONCIERGE_ALLOW_HOSTS: ''` for none). */
export async function startBrowserTestServer(env: Record<string, string> = {}): Promise<BrowserTestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concierge-browser-'));
  const server = await startServer(
    readServerConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      CONCIERGE_DATA_DIR: dataDir,
      CONCIERGE_ADMIN_TOKEN: browserTestAdminToken,
      CONCIERGE_ALLOW_HOSTS: '127.0.0.1',
      CONCIERGE_LOG_LEVEL: 'silent',
      ...env,
    }),
  );
  return {
    url: server.url,
    async api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${browserTestAdminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} failed with ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
