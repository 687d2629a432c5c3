// The integration guide's own steps on a fresh install, in a real browser: the demo API connected
// again by its URL through the form (no configuration: the server's own demo is reachable), switched
// on beside the existing one, "Show me leather bags" answered in the preview; try-it on a POST; the
// rough edges of the pages; and every page at 1280 and 360 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  findUnlabelledControls,
  horizontalOverflow,
  launchBrowser,
  overflowingElements,
  saveScreenshot,
} from './support/browser.js';
import { ensureWebBuild } from './support/ensure-web-build.js';
import {
  type BrowserTestServer,
  signInToAdmin,
  startBrowserTestServer,
} from './support/start-browser-test-server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

/** The top edges of the controls matched by `selector`, rounded to pixels. */
function controlTops(page: Page, selector: string): Promise<number[]> {
  return page
    .locator(selector)
    .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
}

describe('the integration guide on a fresh install', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    // No CONCIERGE_ALLOW_HOSTS: nothing on loopback is allowed but the server's own demo.
    [server, browser] = await Promise.all([
      startBrowserTestServer({ CONCIERGE_ALLOW_HOSTS: '' }),
      launchBrowser(),
    ]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInToAdmin(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openSection(name: string) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
  }

  async function expectUsable(target = page) {
    expect(await findUnlabelledControls(target)).toEqual([]);
    expect(await horizontalOverflow(target)).toBeLessThanOrEqual(0);
    expect(await overflowingElements(target)).toEqual([]);
  }

  it('says which property is the current one without looking like it is loading', async () => {
    const current = page.locator('.row-card.current .badge');
    expect(await current.textContent()).toBe('Current property');
    await saveScreenshot(page, 'guide-properties');
  });

  it("shows the demo API's key on the demo integration's page", async () => {
    await openSection('Integrations');
    await page.getByRole('link', { name: 'Demo Store API' }).first().click();
    await page.getByRole('heading', { name: 'Demo Store API', level: 1 }).waitFor();
    expect(await page.getByTestId('demo-api-key').textContent()).toBe('demo-store-key');
    expect(await page.getByRole('region', { name: 'The demo store API' }).textContent()).toContain(
      `${server.url}/demo/openapi.yaml`,
    );
    await expectUsable();
    await saveScreenshot(page, 'guide-demo-integration');
  });

  it('adds the demo API by its URL from the agent page: preview, header name, no stale error', async () => {
    await openSection('Agents');
    await page.getByRole('link', { name: 'Store assistant' }).click();
    await page.getByRole('link', { name: '+ Add' }).click();
    await page.getByRole('button', { name: /Custom Tool/ }).click();
    await page.getByRole('link', { name: 'Install' }).click();
    await page.getByRole('heading', { name: 'OpenAPI Server', level: 1 }).waitFor();

    // A wrong URL: the server's error, under the field, before Save.
    await page.getByLabel('Schema URL').fill(`${server.url}/demo/missing.yaml`);
    const error = page.locator('.field-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/failed with 404/);
    // Fixed: the error goes, and what the server will import shows instead.
    await page.getByLabel('Schema URL').fill(`${server.url}/demo/openapi.yaml`);
    await page.getByRole('status').filter({ hasText: 'Demo Store API: 10 operations' }).waitFor();
    expect(await error.count()).toBe(0);
    expect(await page.getByTestId('example-url').textContent()).toBe(`${server.url}/demo/api/products`);
    // The schema declares an API key in the X-Api-Key header: the form says so already.
    expect(await page.getByLabel('Method').inputValue()).toBe('apiKey');
    expect(await page.getByLabel('Key (header name)').inputValue()).toBe('X-Api-Key');
    expect(new Set(await controlTops(page, '.grid-3 select, .grid-3 input')).size).toBe(1);
    expect(new Set(await controlTops(page, '.grid-3 label')).size).toBe(1);

    // Save without the key: the error is shown; typing the key clears it.
    await page.getByLabel('Name', { exact: true }).fill('Demo Store API 2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'secret' }).waitFor();
    await page.getByLabel('Value').fill('demo-store-key');
    expect(await page.getByRole('alert').filter({ hasText: 'secret' }).count()).toBe(0);
    expect(await page.getByLabel('Switch it on for Store assistant').isChecked()).toBe(true);
    await expectUsable();
    await saveScreenshot(page, 'guide-add-form');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Demo Store API 2', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Imported 10 operations' }).waitFor();
    // Switched on beside the demo's own API: the clash is said where the switch is.
    const warning = page.getByRole('status').filter({ hasText: 'both have 10 operations named' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Demo Store API 2 and Demo Store API');
    await expectUsable();
    await saveScreenshot(page, 'guide-new-integration');
  });

  it('tries a POST operation and shows the JSON body it sent', async () => {
    const operation = page.locator('[data-operation="createReturn"]');
    await operation.getByRole('button', { name: 'Try it' }).click();
    await operation.getByLabel(/orderNumber/).fill('12345');
    await operation.getByLabel(/reason/).fill('Too small');
    await operation.getByRole('button', { name: 'Send request' }).click();
    const sent = await operation.getByLabel('Request sent').textContent();
    expect(sent).toContain(`POST ${server.url}/demo/api/returns`);
    expect(sent).not.toContain('[object Object]');
    expect(sent).toContain('"orderNumber": "12345"');
    expect(sent).toContain('"reason": "Too small"');
    expect(sent).not.toContain('demo-store-key');
    await saveScreenshot(page, 'guide-try-post');
  });

  it('answers "Show me leather bags" with both APIs on, and the page does not grow below the chat', async () => {
    await openSection('Preview');
    const say = async (text: string, nth: number) => {
      await page.getByLabel('Message as the customer').fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      const reply = page.locator('.chat-line[data-role="agent"]').nth(nth);
      // The trace ends with the data sources once the turn is over.
      await reply.getByText(/Data sources:/).waitFor();
      return reply;
    };
    const bags = await say('Show me leather bags', 0);
    await expect.poll(() => bags.locator('.bubble').textContent()).toMatch(/Leather Tote Bag/);
    expect(await bags.locator('.tool-call').first().getAttribute('data-tool')).toBe('searchProducts');
    expect(await bags.locator('.bubble').textContent()).not.toMatch(
      /search products|searchProducts|demo_store/i,
    );
    await say('Where is my order #12345?', 1);
    await say("What's the weather today?", 2);
    await say('Do you have wallets?', 3);
    const gap = await page.evaluate(() => {
      const chat = document.querySelector('section.chat')?.getBoundingClientRect();
      return document.documentElement.scrollHeight - ((chat?.bottom ?? 0) + window.scrollY);
    });
    expect(gap).toBeLessThan(80);
    await expectUsable();
    await saveScreenshot(page, 'guide-preview');

    // Leaving the page and coming back keeps the chat.
    await openSection('Logs');
    await openSection('Preview');
    await page.locator('.chat-line[data-role="agent"]').nth(3).waitFor();
    expect(await page.locator('.chat-line').count()).toBe(8);
  });

  it('lines up the log filters and shows the date fields whole', async () => {
    await openSection('Logs');
    await page.locator('tbody tr').first().waitFor();
    const filters = page.locator('.filters');
    const rows = new Map<number, number[]>();
    for (const box of await filters.locator('select, input').evaluateAll((items) =>
      items.map((item) => {
        const rect = item.getBoundingClientRect();
        return { top: Math.round(rect.top), bottom: Math.round(rect.bottom), width: rect.width };
      }),
    )) {
      rows.set(box.bottom, [...(rows.get(box.bottom) ?? []), box.top]);
    }
    // Controls of a row share their top and bottom edges.
    for (const tops of rows.values()) expect(new Set(tops).size).toBe(1);
    for (const width of await filters
      .locator('input[type="datetime-local"]')
      .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().width))) {
      expect(width).toBeGreaterThanOrEqual(220);
    }
    await expectUsable();
    await saveScreenshot(page, 'guide-logs');
  });

  it('says "with a person" once a person replied', async () => {
    await openSection('Preview');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByLabel('Message as the customer').fill('I want to talk to a person');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.notice', { hasText: 'Handed to a person' }).waitFor();
    await page.getByRole('link', { name: 'Conversations' }).last().click();
    await page.getByRole('heading', { name: 'Conversation', level: 1 }).waitFor();
    // The conversation's badges render after its heading: wait for one before counting them.
    const waiting = page.locator('.badge').filter({ hasText: 'waiting for human' });
    await waiting.first().waitFor();
    expect(await waiting.count()).toBe(1);
    await page.getByLabel('Reply as a person').fill('Hi, this is Sam.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('.badge', { hasText: 'with a person' }).waitFor();
    await saveScreenshot(page, 'guide-conversation');
  });

  it('has every page usable at 1280 and 360 px, with screenshots', async () => {
    const integrations = await server.api<{ items: { id: string }[] }>(
      'GET',
      `/properties/${(await server.api<{ items: { id: string }[] }>('GET', '/properties')).items[0].id}/integrations`,
    );
    const paths = [
      '/properties',
      '/agents',
      '/integrations',
      '/integrations/add',
      '/integrations/add/openapi',
      ...integrations.items.map((integration) => `/integrations/${integration.id}`),
      '/preview',
      '/logs',
      '/conversations',
    ];
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 860 });
      for (const [index, path] of paths.entries()) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await overflowingElements(page), `${path} at ${width}`).toEqual([]);
        expect(await horizontalOverflow(page), `${path} at ${width}`).toBeLessThanOrEqual(0);
        expect(await findUnlabelledControls(page), `${path} at ${width}`).toEqual([]);
        const name =
          path.startsWith('/integrations/') && index > 4
            ? `integration-${index - 4}`
            : path.slice(1).replace(/\//g, '-');
        await saveScreenshot(page, `page-${width}-${name}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
