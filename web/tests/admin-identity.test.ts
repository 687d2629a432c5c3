// Verified customers in the admin UI, in a real browser: generate the identity secret (shown once),
// check a token signed with it, bind an operation's input to the customer's id, then try it in the
// preview as a typed-in customer and as an anonymous visitor, and read whose call it was in the logs.
import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
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
  signInToAdmin,
  startBrowserTestServer,
} from './support/start-browser-test-server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const myOrders = `  /customers/{customerId}/orders:
    get:
      operationId: listMyOrders
      summary: List the signed-in customer's past purchases
      description: Use when a signed-in customer asks what they bought.
      parameters:
        - { name: customerId, in: path, required: true, description: The customer's id, schema: { type: string } }
      responses: { '200': { description: Their orders } }
`;

describe('verified customers in the admin UI', () => {
  let server: BrowserTestServer;
  let shop: FakeShopApi;
  let browser: Browser;
  let page: Page;
  let agent: { id: string; publicKey: string };
  let integration: { id: string };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    [server, shop, browser] = await Promise.all([
      startBrowserTestServer(),
      startFakeShopApi(),
      launchBrowser(),
    ]);
    const property = await server.api<{ id: string }>('POST', '/properties', { name: 'Signed-in Shop' });
    integration = await server.api('POST', `/properties/${property.id}/integrations`, {
      name: 'Shop API',
      schemaText: shopSchema(shop.origin, myOrders),
      auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: fakeShopApiKey },
    });
    // Routed as the demo's prompt routes it: "what did I buy" has no word of the operation's own.
    agent = await server.api('POST', `/properties/${property.id}/agents`, {
      name: 'Shop assistant',
      basePrompt:
        'If the customer asks what they bought or about their orders, use the listMyOrders API tool call.',
    });
    await server.api('PUT', `/agents/${agent.id}/integrations/${integration.id}`, { enabled: true });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInToAdmin(page, server.url);
    await page.getByLabel('Property', { exact: true }).selectOption(property.id);
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await server?.close();
  });

  it('generates the identity secret, shows it once, and checks a token signed with it', async () => {
    await page.goto(`${server.url}/agents/${agent.id}`);
    const section = page.getByRole('region', { name: 'Signed-in customers' });
    await section.getByLabel('Check identity tokens with').selectOption('secret');
    await section.getByRole('button', { name: 'Generate secret' }).click();
    const secret = (await section.getByLabel('Identity secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^idsec_/);
    await section.getByLabel('Sign-in page').fill('https://shop.example.com/login');
    await section.getByRole('button', { name: 'Save identity settings' }).click();
    await section.getByRole('status').filter({ hasText: 'Identity settings saved.' }).waitFor();
    expect(await findUnlabelledControls(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'agent-identity');

    await page.reload();
    const reloaded = page.getByRole('region', { name: 'Signed-in customers' });
    await reloaded.getByText(`Secret ••••••••${secret.slice(-4)}`).waitFor();
    expect(await page.content()).not.toContain(secret);
    const token = await new SignJWT({ email: 'alex@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setAudience(agent.publicKey)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secret));
    await reloaded.getByLabel('Check an identity token').fill(token);
    await reloaded.getByRole('button', { name: 'Check token' }).click();
    await reloaded.getByRole('status').filter({ hasText: 'customer 1 (alex@example.com)' }).waitFor();
    await reloaded.getByLabel('Check an identity token').fill(`${token.slice(0, -3)}abc`);
    await reloaded.getByRole('button', { name: 'Check token' }).click();
    await reloaded.getByRole('alert').filter({ hasText: 'signature does not match' }).waitFor();
  });

  it("binds an operation's input to the customer's id, which marks it for signed-in customers only", async () => {
    await page.goto(`${server.url}/integrations/${integration.id}`);
    const operation = page.locator('[data-operation="listMyOrders"]');
    await operation.getByText('Customer identity').click();
    await operation.getByLabel('Input to bind').selectOption('path customerId');
    await operation.getByLabel('from claim').fill('sub');
    await operation.getByRole('button', { name: 'Bind' }).click();
    await operation.getByText('signed-in customers only').waitFor();
    await operation.getByRole('button', { name: 'Remove customerId' }).waitFor();
    const saved = await server.api<{ operations: { name: string; identityBindings: unknown[] }[] }>(
      'GET',
      `/integrations/${integration.id}`,
    );
    expect(saved.operations.find((entry) => entry.name === 'listMyOrders')?.identityBindings).toEqual([
      { in: 'path', name: 'customerId', claim: 'sub' },
    ]);
    expect(await findUnlabelledControls(page)).toEqual([]);
    await saveScreenshot(page, 'operation-identity');

    // A header from the customer's id on every call of the integration.
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header 1 name').fill('X-Customer-Id');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect(
      (await server.api<{ identityHeaders: unknown[] }>('GET', `/integrations/${integration.id}`))
        .identityHeaders,
    ).toEqual([{ name: 'X-Customer-Id', claim: 'sub' }]);
  });

  it('previews as a typed-in customer, and as an anonymous visitor who is asked to sign in', async () => {
    await page.goto(`${server.url}/preview?agent=${agent.id}`);
    await page.getByLabel('A signed-in customer').check();
    await page.getByLabel('Customer id (sub)').fill('42');
    await page.getByLabel('Email').fill('pat@example.com');
    await page.getByTestId('preview-as').filter({ hasText: 'customer 42 (pat@example.com)' }).waitFor();
    await page.getByLabel('Message as the customer').fill('What did I buy last month?');
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page.locator('.chat-line[data-role="agent"]').last();
    await reply.getByText(/Data sources:/).waitFor();
    expect(await reply.locator('.bubble').textContent()).toContain('42-100');
    expect(await reply.locator('.tool-call').textContent()).toContain(
      'From customer 42: path customerId ← sub',
    );
    expect(shop.requests.at(-1)).toMatchObject({ line: 'GET /api/customers/42/orders', customerId: '42' });
    expect(await findUnlabelledControls(page)).toEqual([]);
    await saveScreenshot(page, 'preview-as-customer');

    await page.getByLabel('An anonymous visitor').check();
    expect(await page.locator('.chat-line').count()).toBe(0);
    await page.getByLabel('Message as the customer').fill('What did I buy last month?');
    await page.getByRole('button', { name: 'Send' }).click();
    const asked = page.locator('.chat-line[data-role="agent"]').last();
    await asked.getByText('asked to sign in').waitFor();
    expect(await asked.locator('.bubble').textContent()).toContain('https://shop.example.com/login');
  });

  it("shows in the request log which values came from the customer's identity", async () => {
    await page.goto(`${server.url}/logs`);
    await page.locator('tbody tr').first().getByRole('link').first().click();
    const values = page.getByRole('list', { name: "Values from the customer's identity" });
    await values.waitFor();
    expect(await values.textContent()).toContain("path customerId from the identity's sub claim");
    expect(await values.textContent()).toContain("header X-Customer-Id from the identity's sub claim");
    expect(await page.getByText('Verified customer').textContent()).toContain('42');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
