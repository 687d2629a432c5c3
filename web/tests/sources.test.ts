// Knowledge sources in a real browser against the real server: add a pasted article and an uploaded
// FAQ file on the Sources page, switch them on for an agent, try a question, then ask the agent in the
// preview and see the reply's source under it; the source's own page; web pages from a local site
// (a page that cannot be read refused, the page cap edited); every page at 360 px.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  findUnlabelledControls,
  horizontalOverflow,
  launchBrowser,
  saveScreenshot,
} from './support/browser.js';
import { ensureWebBuild } from './support/ensure-web-build.js';
import {
  type BrowserTestServer,
  signInToAdmin,
  startBrowserTestServer,
} from './support/start-browser-test-server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const RETURNS = `# Returns and refunds

You can return any unused item within 30 days of delivery for a full refund. Items must be unworn, with their tags.

## Refunds

We refund to your original payment method within 5 business days of receiving the item.`;

const FAQ = `question,answer
Do you offer gift wrapping?,"Yes, gift wrapping is $5 at checkout."
Where is your shop?,"Our shop is at 12 Harbor Street, open Tuesday to Saturday."
`;

describe('knowledge sources in chromium', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let agentId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([
      startBrowserTestServer({ CONCIERGE_DEMO: 'off' }),
      launchBrowser(),
    ]);
    const property = await server.api<{ id: string }>('POST', '/properties', { name: 'Harbor Goods' });
    agentId = (
      await server.api<{ id: string }>('POST', `/properties/${property.id}/agents`, { name: 'Helper' })
    ).id;
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    context.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInToAdmin(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectUsable() {
    expect(await findUnlabelledControls(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  }

  it('adds a pasted article and an uploaded FAQ file, and switches them on for the agent', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sources' }).click();
    await page.getByRole('heading', { name: 'Sources', level: 1 }).waitFor();
    await page.getByText('No source yet').waitFor();

    await page.getByLabel('Text', { exact: true }).fill(RETURNS);
    await page.getByLabel('Link').fill('https://harbor.example/help/returns');
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining('Added Returns and refunds: 2 passages'));

    await page.getByLabel('FAQ file').check();
    await page.getByLabel('Upload a CSV file').setInputFiles({
      name: 'Harbor FAQ.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FAQ),
    });
    await expect.poll(() => page.getByLabel('Name').inputValue()).toBe('Harbor FAQ');
    await page.getByRole('button', { name: 'Add source' }).click();
    const sources = page.getByRole('list', { name: 'Sources' });
    await expect.poll(() => sources.locator('.source').count()).toBe(2);
    expect(await sources.textContent()).toContain('2 questions · 2 passages');

    await page.getByRole('switch', { name: 'Returns and refunds on for Helper' }).check();
    await page.getByRole('switch', { name: 'Harbor FAQ on for Helper' }).check();
    await expect
      .poll(
        async () =>
          (
            await server.api<{ items: { enabled: boolean }[] }>('GET', `/agents/${agentId}/knowledge-sources`)
          ).items.filter((link) => link.enabled).length,
      )
      .toBe(2);
    await expectUsable();
    await saveScreenshot(page, 'sources');
  });

  it('tries a question against the sources, and says so when none covers it', async () => {
    const form = page.getByRole('form', { name: 'Try a question' });
    await form.getByLabel('Question').fill('Can you gift wrap my order?');
    await form.getByRole('button', { name: 'Search' }).click();
    const found = page.getByRole('region', { name: 'Passages found' });
    await expect.poll(() => found.textContent()).toContain('gift wrapping is $5');
    await form.getByLabel('Question').fill('Do you sponsor football teams?');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => found.textContent()).toContain('No source covers this question');
  });

  it('answers in the preview from the article and shows the search and the source under the reply', async () => {
    await page.goto(`${server.url}/preview?agent=${agentId}`);
    await page.getByLabel('Message as the customer').fill("What's your return policy?");
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page.locator('.chat-line[data-role="agent"]').last();
    await expect.poll(() => reply.locator('.bubble').textContent()).toContain('within 30 days of delivery');
    expect(await reply.locator('.bubble').textContent()).toContain(
      '(Source: Returns and refunds — https://harbor.example/help/returns)',
    );
    const search = reply.locator('.knowledge-search');
    await expect.poll(() => search.textContent()).toContain("What's your return policy?");
    expect(await search.textContent()).toMatch(/Returns and refunds.*% of the question/);
    const used = reply.locator('.data-sources a', { hasText: 'Returns and refunds' });
    expect(await used.getAttribute('href')).toBe('https://harbor.example/help/returns');
    await expectUsable();
    await saveScreenshot(page, 'preview-knowledge');

    await page.getByLabel('Message as the customer').fill('Do you sponsor football teams?');
    await page.getByRole('button', { name: 'Send' }).click();
    const honest = page.locator('.chat-line[data-role="agent"]').last();
    await expect
      .poll(() => honest.locator('.bubble').textContent())
      .toContain("I don't have that information");
    expect(await honest.textContent()).toContain('0 found');
  });

  it("shows a source's documents on its page, edits it, and the conversation view names the source", async () => {
    await page.goto(`${server.url}/sources`);
    await page.getByRole('link', { name: 'Harbor FAQ' }).click();
    await page.getByRole('heading', { name: 'Harbor FAQ', level: 1 }).waitFor();
    expect(await page.locator('.documents').textContent()).toContain('Do you offer gift wrapping?');
    await page
      .getByLabel('Questions and answers (CSV)')
      .fill(`${FAQ}Do you ship abroad?,"Yes, to 30 countries."\n`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.documents li').count()).toBe(3);
    await expectUsable();
    await saveScreenshot(page, 'source');

    const property = (await server.api<{ items: { id: string }[] }>('GET', '/properties')).items[0];
    const conversations = await server.api<{ items: { id: string }[] }>(
      'GET',
      `/properties/${property.id}/conversations`,
    );
    await page.goto(`${server.url}/conversations/${conversations.items[0].id}`);
    const used = page.locator('.data-sources a', { hasText: 'Returns and refunds' }).first();
    await expect.poll(() => used.count()).toBe(1);
  });

  it('adds web pages from a site, refuses a source none of whose pages can be read, and edits the page cap', async () => {
    const site: Server = createServer((request, response) => {
      if (request.url !== '/shipping') return void response.writeHead(404).end('not here');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<html><head><title>Shipping</title></head><body><main><h1>Shipping</h1><p>Orders leave our shop within two working days and arrive by tracked post.</p></main></body></html>',
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    try {
      await page.goto(`${server.url}/sources`);
      await page.getByRole('heading', { name: 'Sources', level: 1 }).waitFor();
      await page.getByLabel('Web pages').check();
      await page.getByLabel('Name').fill('Harbor site');
      await page.getByLabel('Page URLs').fill(`${base}/missing`);
      await page.getByRole('button', { name: 'Add source' }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('could be read');
      expect(await page.getByRole('list', { name: 'Sources' }).locator('.source').count()).toBe(2);

      await page.getByLabel('Page URLs').fill(`${base}/shipping`);
      await page.getByRole('button', { name: 'Add source' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringContaining('Added Harbor site: 1 page'));

      await page.getByRole('link', { name: 'Harbor site' }).click();
      await page.getByRole('heading', { name: 'Harbor site', level: 1 }).waitFor();
      expect(await page.getByLabel('Page URLs').inputValue()).toBe(`${base}/shipping`);
      await page.getByLabel('Most pages').fill('10');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringContaining('Saved and read again.'));
      const property = (await server.api<{ items: { id: string }[] }>('GET', '/properties')).items[0];
      const saved = (
        await server.api<{ items: { name: string; maxPages: number | null }[] }>(
          'GET',
          `/properties/${property.id}/knowledge-sources`,
        )
      ).items.find((source) => source.name === 'Harbor site');
      expect(saved?.maxPages).toBe(10);
      await expectUsable();
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });

  it('keeps the pages usable at 360 px', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of ['/sources', `/agents/${agentId}`]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectUsable();
    }
    expect(pageErrors).toEqual([]);
  });
});
