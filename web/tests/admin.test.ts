// The admin UI in a real browser against the real server: sign in, set up a property and an agent,
// add an API through the OpenAPI Server form, try an operation, re-import, switch the API on, chat in
// the preview, read the request log, answer a conversation; then every page at 360 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type FakeShopApi,
  fakeShopApiKey,
  shopSchema,
  startFakeShopApi,
} from '../../src/server/test-support/fake-shop-api.js';
import {
  findUnlabelledControls,
  horizontalOverflow,
  launchBrowser,
  saveScreenshot,
} from './support/browser.js';
import { ensureWebBuild } from './support/ensure-web-build.js';
import {
  type BrowserTestServer,
  browserTestAdminToken,
  startBrowserTestServer,
} from './support/start-browser-test-server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

describe('admin UI in chromium', () => {
  let server: BrowserTestServer;
  let shop: FakeShopApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    [server, shop, browser] = await Promise.all([
      startBrowserTestServer(),
      startFakeShopApi(),
      launchBrowser(),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    context.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await server?.close();
  });

  /** Goes to a section through the navigation, as a person would. */
  async function openSection(name: string) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
  }

  /** Every visible field is labelled and nothing scrolls sideways. */
  async function expectUsable() {
    expect(await findUnlabelledControls(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  }

  it('refuses a wrong token, then signs in with the admin token', async () => {
    await page.goto(server.url);
    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('did not accept');
    await saveScreenshot(page, 'sign-in-error');
    await page.getByLabel('Admin token').fill(browserTestAdminToken);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Properties', level: 1 }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('concierge.adminToken'))).toBe(
      browserTestAdminToken,
    );
  });

  it('creates a property and works on it', async () => {
    await page.getByLabel('Property name').fill('Test Shop');
    await page.getByRole('button', { name: 'Create property' }).click();
    await page.getByRole('status').filter({ hasText: 'Created Test Shop' }).waitFor();
    expect(await page.getByLabel('Property', { exact: true }).inputValue()).toBe(
      (await server.api<{ items: { id: string; name: string }[] }>('GET', '/properties')).items.find(
        (property) => property.name === 'Test Shop',
      )?.id,
    );
    await expectUsable();
    await saveScreenshot(page, 'properties');
  });

  it('creates an agent with a base prompt and model settings', async () => {
    await openSection('Agents');
    await page.getByLabel('Agent name').fill('Store assistant');
    await page
      .getByLabel('Base prompt')
      .fill('If the customer asks about order status, use the trackOrder API tool call.');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.getByRole('heading', { name: 'Store assistant', level: 1 }).waitFor();
    await page.getByLabel('Provider').selectOption('embedded');
    await page.getByLabel('Temperature').fill('0.3');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const agents = await server.api<{ items: { name: string; basePrompt: string; model: unknown }[] }>(
      'GET',
      `/properties/${await page.getByLabel('Property', { exact: true }).inputValue()}/agents`,
    );
    expect(agents.items[0]).toMatchObject({
      name: 'Store assistant',
      basePrompt: expect.stringContaining('trackOrder'),
      model: { provider: 'embedded', temperature: 0.3 },
    });
    expect(await page.getByLabel('Widget script tag').textContent()).toMatch(
      /<script src="http:\/\/127\.0\.0\.1:\d+\/widget\.js" data-agent="pk_[^"]+" async><\/script>/,
    );
    await expectUsable();
    await saveScreenshot(page, 'agent');
  });

  it('adds the API through Custom Tool, OpenAPI Server, Install, with schema errors shown in place', async () => {
    await openSection('Integrations');
    await page.getByRole('link', { name: '+ Add' }).click();
    await page.getByRole('button', { name: /Custom Tool/ }).click();
    await page.getByRole('heading', { name: 'OpenAPI Server' }).waitFor();
    await saveScreenshot(page, 'integration-catalog');
    await page.getByRole('link', { name: 'Install' }).click();
    await page.getByRole('heading', { name: 'OpenAPI Server', level: 1 }).waitFor();

    // Pasted text: the example request URL joins the base URL and the schema's first path as you type.
    await page.getByRole('radio', { name: 'Paste' }).check();
    await page.getByLabel('Schema text').fill(shop.schema);
    await page.getByLabel('API base URL').fill(`${shop.origin}/api/`);
    // The server reads the pasted schema (a moment after typing stops).
    await expect
      .poll(() => page.getByTestId('example-url').textContent())
      .toBe(`${shop.origin}/api/products/search`);

    // A broken document: the error sits under the schema field with the line it concerns.
    await page
      .getByLabel('Schema text')
      .fill('openapi: 3.0.3\ninfo: { title: Broken, version: "1" }\npaths:\n  /a:\n    get: [oops\n');
    await page.getByRole('button', { name: 'Save' }).click();
    const schemaError = page.locator('.field-error');
    await schemaError.waitFor();
    expect(await schemaError.textContent()).toMatch(/line \d+/i);
    expect(await page.getByLabel('Schema text').getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'integration-form-error');

    // The real thing: a schema URL and an API key in a header.
    await page.getByRole('radio', { name: 'URL' }).check();
    await page.getByLabel('Schema URL').fill(`${shop.origin}/openapi.yaml`);
    await page.getByLabel('Name', { exact: true }).fill('Shop API');
    await page.getByLabel('Method').selectOption('apiKey');
    await page.getByLabel('Key (header name)').fill('X-Api-Key');
    await page.getByLabel('Value').fill(fakeShopApiKey);
    await expectUsable();
    await saveScreenshot(page, 'integration-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Shop API', level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Imported 2 operations' }).waitFor();
    expect(
      await page
        .locator('[data-operation]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-operation'))),
    ).toEqual(['searchProducts', 'trackOrder']);
    expect(await page.content()).not.toContain(fakeShopApiKey);
    await expectUsable();
    await saveScreenshot(page, 'integration');
  });

  it('tries an operation with a generated form and shows the redacted request and the response', async () => {
    const operation = page.locator('[data-operation="trackOrder"]');
    await operation.getByRole('button', { name: 'Try it' }).click();
    await operation.getByLabel(/orderId/).fill('12345');
    await operation.getByRole('button', { name: 'Send request' }).click();
    const result = operation.getByRole('status', { name: 'Result' });
    await result.waitFor();
    expect(await result.getByLabel('Response received').textContent()).toContain('"status": "shipped"');
    const sent = await result.getByLabel('Request sent').textContent();
    expect(sent).toContain(`GET ${shop.origin}/api/orders/12345`);
    expect(sent).toMatch(/x-api-key/i);
    expect(sent).not.toContain(fakeShopApiKey);
    expect(shop.requests.at(-1)).toEqual({ line: 'GET /api/orders/12345', apiKey: fakeShopApiKey });
    await saveScreenshot(page, 'integration-try-it');
  });

  it('switches one operation off and on', async () => {
    const integrationId = page.url().split('/integrations/')[1].split('?')[0];
    const savedSwitch = async () =>
      (
        await server.api<{ operations: { name: string; enabled: boolean }[] }>(
          'GET',
          `/integrations/${integrationId}`,
        )
      ).operations.find((entry) => entry.name === 'trackOrder')?.enabled;
    const toggle = page.getByRole('switch', { name: 'Agent may call trackOrder' });
    await toggle.uncheck();
    await expect.poll(savedSwitch).toBe(false);
    await toggle.check();
    await expect.poll(savedSwitch).toBe(true);
  });

  it('makes an operation ask the customer first, beside its switch, and goes back to the default', async () => {
    const integrationId = page.url().split('/integrations/')[1].split('?')[0];
    const saved = async () =>
      (
        await server.api<{ operations: { name: string; needsConfirmation: boolean }[] }>(
          'GET',
          `/integrations/${integrationId}`,
        )
      ).operations.find((entry) => entry.name === 'trackOrder')?.needsConfirmation;
    const operation = page.locator('[data-operation="trackOrder"]');
    const toggle = page.getByRole('switch', { name: 'Ask the customer before trackOrder runs' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(saved).toBe(true);
    await operation.getByText('asks before running').waitFor();
    await operation.getByRole('button', { name: "Back to the default (don't ask)" }).click();
    await expect.poll(saved).toBe(false);
    await expect.poll(() => toggle.isChecked()).toBe(false);
  });

  it('previews a re-import as a diff before applying it as version 2', async () => {
    shop.schema = shopSchema(
      shop.origin,
      `  /categories:
    get:
      operationId: listCategories
      summary: List product categories
      description: Use when the customer asks which kinds of products the shop sells.
      responses: { '200': { description: Categories } }
  /orders/{orderId}/cancel:
    post:
      operationId: cancelOrder
      summary: Cancel an order
      description: Use when the customer wants to cancel an order that has not shipped.
      parameters:
        - { name: orderId, in: path, required: true, description: The order number, schema: { type: string } }
      responses: { '200': { description: Cancelled } }
`,
    );
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const preview = page.getByRole('region', { name: 'Version 2 preview' });
    await preview.waitFor();
    expect(await preview.locator('.diff-added').allTextContents()).toEqual([
      '+ listCategories',
      '+ cancelOrder',
    ]);
    await saveScreenshot(page, 'integration-reimport-preview');
    await preview.getByRole('button', { name: 'Apply version 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2 is now current' }).waitFor();
    await page.locator('[data-operation="listCategories"]').waitFor();
    expect(await page.locator('[data-operation="cancelOrder"]').textContent()).toContain(
      'asks before running',
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Shop API');
  });

  it('switches the API on for the agent in the integrations list', async () => {
    await openSection('Integrations');
    const toggle = page.getByRole('switch', { name: 'Shop API on for Store assistant' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    const propertyId = await page.getByLabel('Property', { exact: true }).inputValue();
    const agents = await server.api<{ items: { id: string }[] }>('GET', `/properties/${propertyId}/agents`);
    await expect
      .poll(
        async () =>
          (
            await server.api<{ items: { enabled: boolean }[] }>(
              'GET',
              `/agents/${agents.items[0].id}/integrations`,
            )
          ).items,
      )
      .toEqual([expect.objectContaining({ enabled: true })]);
    await expectUsable();
    await saveScreenshot(page, 'integrations');
  });

  it('answers "Show me leather bags" in the preview with the product search call under the reply', async () => {
    await openSection('Preview');
    await page.getByLabel('Message as the customer').fill('Show me leather bags');
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page.locator('.chat-line[data-role="agent"]').last();
    await reply.locator('.badge', { hasText: 'ok' }).waitFor();
    await expect.poll(() => reply.locator('.bubble').textContent()).toMatch(/Leather bag/);
    expect(await reply.locator('.bubble').textContent()).toMatch(/120/);
    const call = reply.locator('.tool-call[data-tool="searchProducts"]');
    expect(await call.textContent()).toContain('{"q":"leather bags"}');
    expect(await call.textContent()).toMatch(/200.*\d+ ms/);
    expect(await reply.textContent()).toContain('Data sources: searchProducts');
    expect(await page.getByRole('log').getAttribute('aria-live')).toBe('polite');
    await expectUsable();
    await saveScreenshot(page, 'preview');
  });

  it('shows a question without an API call, and starts over with Reset', async () => {
    await page.getByLabel('Message as the customer').fill("What's the weather today?");
    await page.getByLabel('Message as the customer').press('Enter');
    const reply = page.locator('.chat-line[data-role="agent"]').nth(1);
    await reply.getByText('Data sources: none').waitFor();
    expect(await reply.locator('.tool-call').count()).toBe(0);
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await page.locator('.chat-line').count()).toBe(0);
  });

  it('shows a change the agent proposes as a pending confirmation until the customer answers', async () => {
    await page.getByLabel('Message as the customer').fill('Please cancel my order #12345');
    await page.getByRole('button', { name: 'Send' }).click();
    const proposal = page.locator('.chat-line[data-role="agent"]').first();
    await proposal.getByText('pending confirmation').waitFor();
    expect(await proposal.textContent()).toContain('cancelOrder');
    expect(await proposal.locator('.bubble').textContent()).toMatch(/Shall I go ahead/);
    await saveScreenshot(page, 'preview-confirmation');
    await page.getByLabel('Message as the customer').fill('no');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.chat-line[data-role="agent"]').nth(1).getByText('Confirmation: cancelled').waitFor();
    expect(shop.requests.some((request) => request.line.includes('/cancel'))).toBe(false);
  });

  it('opens the product search in the request logs, filtered by tool, with the key redacted', async () => {
    await openSection('Logs');
    await page.locator('tr[data-tool="trackOrder"]').first().waitFor();
    await page.getByLabel('Tool').fill('searchProducts');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(page.url()).toContain('tool=searchProducts');
    await expectUsable();
    await saveScreenshot(page, 'logs');
    await page
      .locator('tr[data-tool="searchProducts"]')
      .getByRole('link', { name: 'searchProducts' })
      .click();
    await page.getByRole('heading', { name: 'searchProducts call', level: 1 }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain(`${shop.origin}/api/products/search?q=leather`);
    expect(text).toContain('Leather bag');
    expect(text).not.toContain(fakeShopApiKey);
    await expectUsable();
    await saveScreenshot(page, 'log-detail');
  });

  it('lists conversations waiting for a person first, replies as a person and closes one', async () => {
    await openSection('Preview');
    await page.getByLabel('Message as the customer').fill('I want to talk to a person');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.notice', { hasText: 'Handed to a person' }).waitFor();
    await openSection('Conversations');
    const first = page.locator('li[data-status]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-status')).toBe('waiting-for-human');
    await saveScreenshot(page, 'conversations');
    const streams: string[] = [];
    page.on('request', (request) => {
      if (/\/conversations\/[^/]+\/events/.test(request.url())) streams.push(request.url());
    });
    await first.getByRole('link').click();
    await page.getByLabel('Reply as a person').fill('Hi, this is Sam from the shop.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('.chat-line[data-role="human"]').getByText('Hi, this is Sam from the shop.').waitFor();
    // The customer's answer shows as it comes, from the page's event stream.
    const conversationId = new URL(page.url()).pathname.split('/').pop();
    await server.api('POST', `/conversations/${conversationId}/messages`, {
      text: 'Thanks Sam, order 12345.',
    });
    await page
      .locator('.chat-line[data-role="customer"]')
      .getByText('Thanks Sam, order 12345.')
      .waitFor({ timeout: 5_000 });
    expect(streams.length).toBeGreaterThan(0);
    await expectUsable();
    await saveScreenshot(page, 'conversation');
    await page.getByRole('button', { name: 'Close conversation' }).click();
    await page.getByText('This conversation is closed.').waitFor();
  });

  it('pages through more conversations than one page holds with Load more', async () => {
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${browserTestAdminToken}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary JSON
      return (await response.json()) as any;
    };
    await openSection('Conversations');
    await page.locator('li[data-status]').first().waitFor();
    const propertyId = await page.evaluate(() => localStorage.getItem('concierge.propertyId'));
    const properties = (await api('GET', '/properties')).items as { id: string }[];
    const property = properties.find((candidate) => candidate.id === propertyId) ?? properties[0];
    const agent = (await api('GET', `/properties/${property.id}/agents`)).items[0];
    for (let index = 0; index < 60; index++)
      await api('POST', `/agents/${agent.id}/conversations`, { metadata: { source: 'preview' } });
    const total = (await api('GET', `/properties/${property.id}/conversations?limit=200`)).items.length;
    expect(total).toBeGreaterThan(60);
    await page.reload();
    const rows = page.locator('li[data-status]');
    await expect.poll(() => rows.count()).toBe(50);
    while (await page.getByRole('button', { name: 'Load more' }).isVisible()) {
      const before = await rows.count();
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    expect(await rows.count()).toBe(total);
    const links = await rows
      .getByRole('link')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(new Set(links).size).toBe(total);
  });

  it('works at 360 px: the navigation collapses behind Menu and opens with the keyboard', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    // The token lives in this tab's sessionStorage: a new tab signs in again.
    await phone.goto(`${server.url}/integrations`);
    await phone.getByLabel('Admin token').fill(browserTestAdminToken);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, 'mobile-sign-in');
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    const menu = phone.getByRole('button', { name: 'Menu' });
    const nav = phone.getByRole('navigation', { name: 'Sections' });
    expect(await nav.isVisible()).toBe(false);
    await menu.focus();
    await phone.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Logs' }).focus();
    const ring = await phone.evaluate(() => getComputedStyle(document.activeElement as Element).boxShadow);
    expect(ring).not.toBe('none');
    await saveScreenshot(phone, 'mobile-menu');
    await phone.keyboard.press('Enter');
    await phone.getByRole('heading', { name: 'Request logs', level: 1 }).waitFor();
    // The menu closes in the effect that runs after the new page has rendered: wait for it, bounded.
    await nav.waitFor({ state: 'hidden', timeout: 5000 });
    expect(await nav.isVisible()).toBe(false);
    for (const path of ['/properties', '/agents', '/integrations', '/preview', '/logs', '/conversations']) {
      await phone.goto(`${server.url}${path}`);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await phone.waitForLoadState('networkidle');
      expect(await horizontalOverflow(phone), path).toBeLessThanOrEqual(0);
      expect(await findUnlabelledControls(phone), path).toEqual([]);
      await saveScreenshot(phone, `mobile${path.replace(/\//g, '-')}`);
    }
    await phone.goto(`${server.url}/integrations`);
    await phone.getByRole('link', { name: 'Shop API' }).first().click();
    await phone.locator('[data-operation="searchProducts"]').waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, 'mobile-integration');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
