// The chat widget on a plain page of another origin, in a real browser against the real server:
// one script tag, a bubble, a streamed answer from the API, the conversation kept across page
// loads, a person's reply and status changes arriving on the event stream, a phone-sized screen, a
// hostile page stylesheet.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type FakeShopApi,
  fakeShopApiKey,
  startFakeShopApi,
} from '../../src/server/test-support/fake-shop-api.js';
import { launchBrowser, saveScreenshot } from './support/browser.js';
import { ensureWebBuild } from './support/ensure-web-build.js';
import { type BrowserTestServer, startBrowserTestServer } from './support/start-browser-test-server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

/** A shop's own page: its stylesheet tries hard to restyle everything, then the one script tag. */
function hostPage(serverUrl: string, agentKey: string): string {
  return `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop</title>
<style>
  * { font-size: 30px !important; color: red !important; font-family: serif !important; }
  div, button, section, form, textarea { display: inline !important; margin: 40px !important; border: 5px dotted blue !important; }
</style></head>
<body><h1>Leather goods</h1><p>Welcome to our shop.</p>
<script src="${serverUrl}/widget.js" data-agent="${agentKey}" data-title="Shop help" async></script>
</body></html>`;
}

describe('chat widget in chromium', () => {
  let server: BrowserTestServer;
  let shop: FakeShopApi;
  let browser: Browser;
  let site: Server;
  let siteUrl: string;
  let agent: { id: string; publicKey: string };

  beforeAll(async () => {
    await ensureWebBuild();
    [server, shop, browser] = await Promise.all([
      startBrowserTestServer(),
      startFakeShopApi(),
      launchBrowser(),
    ]);
    const property = await server.api<{ id: string }>('POST', '/properties', { name: 'Widget Shop' });
    const integration = await server.api<{ id: string }>('POST', `/properties/${property.id}/integrations`, {
      name: 'Shop API',
      schemaUrl: `${shop.origin}/openapi.yaml`,
      auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: fakeShopApiKey },
    });
    agent = await server.api('POST', `/properties/${property.id}/agents`, { name: 'Store assistant' });
    await server.api('PUT', `/agents/${agent.id}/integrations/${integration.id}`, { enabled: true });
    // The business's website: another origin than the Concierge server.
    site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(server.url, agent.publicKey));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await shop?.close();
    await server?.close();
  });

  /** The widget's shadow root content, through its host element. */
  const widget = (page: Page) => page.locator('[data-concierge-widget]');

  /** Opens the widget on the site, asks for a person, and waits for the reply; its dialog and the saved conversation. */
  const askForPerson = async (page: Page) => {
    await page.goto(siteUrl);
    await widget(page).getByRole('button', { name: 'Open chat' }).click();
    const dialog = widget(page).getByRole('dialog');
    await dialog.getByLabel('Your message').fill('I want to talk to a person');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.locator('.msg.agent').nth(1).waitFor();
    const saved: { id: string } = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(`concierge:${key}`) ?? '{}'),
      agent.publicKey,
    );
    return { dialog, saved };
  };

  it('is small: the built widget.js stays well under 15 KB gzipped', () => {
    const script = readFileSync(fileURLToPath(new URL('../dist/widget.js', import.meta.url)));
    const gzipped = gzipSync(script, { level: 9 }).length;
    console.info(`widget.js: ${script.length} bytes, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThan(10 * 1024);
  });

  it('answers "Where is my order #12345?" with a streamed reply, and keeps the chat across page loads', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const streamed: string[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/messages'))
        streamed.push(response.headers()['content-type'] ?? '');
    });
    await page.goto(siteUrl);
    const bubble = widget(page).getByRole('button', { name: 'Open chat' });
    await bubble.click();
    const dialog = widget(page).getByRole('dialog', { name: 'Shop help' });
    await dialog.waitFor();
    // The host page's `* { font-size: 30px !important }` does not reach inside the shadow root.
    expect(
      await dialog.getByLabel('Your message').evaluate((input) => getComputedStyle(input).fontSize),
    ).toBe('15px');
    await dialog.getByLabel('Your message').fill('Where is my order #12345?');
    await page.keyboard.press('Enter');
    const reply = dialog.locator('.msg.agent').nth(1);
    await expect.poll(() => reply.textContent()).toMatch(/12345[\s\S]*shipped/i);
    expect(streamed).toEqual([expect.stringContaining('text/event-stream')]);
    expect(shop.requests.at(-1)?.line).toBe('GET /api/orders/12345');
    expect(await widget(page).getByRole('log').getAttribute('aria-live')).toBe('polite');
    await saveScreenshot(page, 'widget-desktop');

    await page.reload();
    const restored = widget(page).getByRole('dialog', { name: 'Shop help' });
    await restored.locator('.msg.customer', { hasText: 'Where is my order #12345?' }).waitFor();
    expect(await restored.locator('.msg.agent').nth(1).textContent()).toMatch(/shipped/i);
    // Escape closes the panel and gives focus back to the bubble.
    await restored.getByLabel('Your message').focus();
    await page.keyboard.press('Escape');
    expect(await restored.isVisible()).toBe(false);
    expect(
      await widget(page)
        .getByRole('button', { name: 'Open chat' })
        .evaluate((button) => button.matches(':focus')),
    ).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a person’s reply after a hand-off as it is sent, from the event stream, not by polling', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    const reads: string[] = [];
    page.on('request', (request) => {
      if (
        request.method() === 'GET' &&
        /\/widget\/conversations\/[^/]+\/(messages|events)/.test(request.url())
      )
        reads.push(new URL(request.url()).pathname.split('/').pop() ?? '');
    });
    const { dialog, saved } = await askForPerson(page);
    await expect
      .poll(async () => (await server.api<{ status: string }>('GET', `/conversations/${saved.id}`)).status)
      .toBe('waiting-for-human');
    await server.api('POST', `/conversations/${saved.id}/human-replies`, {
      text: 'Hi, this is Sam from the shop.',
    });
    await dialog
      .locator('.msg.human', { hasText: 'Hi, this is Sam from the shop.' })
      .waitFor({ timeout: 5_000 });
    // It came on the stream the widget opened: no polled read of the messages.
    expect(reads).toContain('events');
    expect(reads).not.toContain('messages');
    // Each message once: the greeting and the hand-off reply (shown by the turn, not again by the stream).
    expect(await dialog.locator('.msg.agent').count()).toBe(2);
    expect(await dialog.locator('.msg.human').count()).toBe(1);
    await saveScreenshot(page, 'widget-human-reply');

    // While a person has the chat, a message gets no AI reply but a note; handing the chat back
    // takes the note away again.
    await dialog.getByLabel('Your message').fill('Thanks, one more thing');
    await dialog.getByRole('button', { name: 'Send' }).click();
    const waiting = dialog.locator('.note', { hasText: 'A person from the team will answer here.' });
    await waiting.waitFor();
    await server.api('PATCH', `/conversations/${saved.id}`, { status: 'open' });
    await dialog
      .locator('.note', { hasText: 'The assistant answers here again.' })
      .waitFor({ timeout: 5_000 });
    expect(await waiting.count()).toBe(0);
    await saveScreenshot(page, 'widget-handed-back');
    await context.close();
  });

  it('falls back to polling for a person’s reply when its event stream cannot open', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    // A proxy in the way that refuses event streams.
    await context.route(/\/events(\?|$)/, (route) => route.abort());
    const page = await context.newPage();
    const { dialog, saved } = await askForPerson(page);
    await server.api('POST', `/conversations/${saved.id}/human-replies`, { text: 'Sam here, by polling.' });
    await dialog.locator('.msg.human', { hasText: 'Sam here, by polling.' }).waitFor({ timeout: 20_000 });
    expect(await dialog.locator('.msg.human').count()).toBe(1);
    await context.close();
  });

  it('fills a phone-sized screen and stays usable there', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await widget(page).getByRole('button', { name: 'Open chat' }).tap();
    const dialog = widget(page).getByRole('dialog');
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 360, height: 640 });
    const send = await dialog.getByRole('button', { name: 'Send' }).boundingBox();
    expect(send!.x + send!.width).toBeLessThanOrEqual(360);
    expect(send!.y + send!.height).toBeLessThanOrEqual(640);
    await dialog.getByLabel('Your message').fill('Show me leather bags');
    await dialog.getByRole('button', { name: 'Send' }).tap();
    await expect.poll(() => dialog.locator('.msg.agent').nth(1).textContent()).toMatch(/Leather bag/);
    // Addresses in replies are links that open in a new tab.
    const link = dialog.locator('.msg.agent').nth(1).getByRole('link');
    expect(await link.getAttribute('href')).toBe('https://shop.example.com/p/leather-bag');
    expect(await link.getAttribute('target')).toBe('_blank');
    await saveScreenshot(page, 'widget-phone');
    await dialog.getByRole('button', { name: 'Close chat' }).tap();
    expect(await dialog.isVisible()).toBe(false);
    await context.close();
  });
});
