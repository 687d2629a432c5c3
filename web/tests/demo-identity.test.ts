// Signed-in customers in a real browser: the demo store's page signs in as Alex or Sam, the widget
// takes their identity token, and each sees only their own orders; signed out, the chat asks them to
// sign in. Also a page that hands the widget a forged token: the visitor stays anonymous.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, saveScreenshot } from './support/browser.js';
import { ensureWebBuild } from './support/ensure-web-build.js';
import { type BrowserTestServer, startBrowserTestServer } from './support/start-browser-test-server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

describe('the demo store page with signed-in customers', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let page: Page;
  const warnings: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1200, height: 860 } })).newPage();
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const widget = () => page.locator('[data-concierge-widget]');
  const dialog = () => widget().getByRole('dialog', { name: 'Demo Store' });

  /** Sends `text` in the open chat and returns the text of the reply it gets. */
  async function ask(text: string): Promise<string> {
    const replies = dialog().locator('.msg.agent:not(.typing)');
    const before = await replies.count();
    await dialog().getByLabel('Your message').fill(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => replies.count(), { timeout: 20_000 }).toBe(before + 1);
    const reply = replies.nth(before);
    await expect.poll(() => reply.textContent()).not.toBe('…');
    return (await reply.textContent()) ?? '';
  }

  it('shows Alex only their orders, and Sam only theirs', async () => {
    await page.goto(`${server.url}/demo/`);
    await page.getByRole('button', { name: 'Sign in as Alex Morgan' }).click();
    await page.getByText('Signed in as Alex Morgan').waitFor();
    await widget().getByRole('button', { name: 'Open chat' }).click();
    const alex = await ask('What did I buy last month?');
    expect(alex).toMatch(/\b12345\b/);
    expect(alex).toMatch(/\b12346\b/);
    expect(alex).not.toMatch(/\b12347\b|\b12348\b|sam@example\.com/);
    await saveScreenshot(page, 'demo-signed-in-alex');

    await page.getByRole('button', { name: 'Sign out' }).click();
    // Signed out: Alex's conversation is no longer on the page, and the chat asks to sign in.
    await expect.poll(() => dialog().locator('.msg').count()).toBe(1);
    const anonymous = await ask('What did I buy last month?');
    expect(anonymous).toContain(`${server.url}/demo/`);
    expect(anonymous).not.toMatch(/\b1234\d\b/);
    expect(
      await dialog()
        .getByRole('link', { name: `${server.url}/demo/` })
        .count(),
    ).toBe(1);
    await saveScreenshot(page, 'demo-signed-out');

    await page.getByRole('button', { name: 'Sign in as Sam Lee' }).click();
    await expect.poll(() => dialog().locator('.msg').count()).toBe(1);
    const sam = await ask('What did I buy last month?');
    expect(sam).toMatch(/\b12347\b/);
    expect(sam).not.toMatch(/\b12345\b|\b12346\b|alex@example\.com/);
  });

  it('keeps the signed-in customer across page loads, with a fresh token from the page', async () => {
    await page.reload();
    await page.getByText('Signed in as Sam Lee').waitFor();
    await dialog().locator('.msg.agent', { hasText: '12347' }).waitFor();
    const again = await ask('Show me my invoices');
    expect(again).toMatch(/INV-2026-001/);
    expect(again).not.toMatch(/INV-2026-002|INV-2026-003/);
  });

  it('leaves a visitor with a forged token anonymous, with a warning for the developer', async () => {
    const context = await browser.newContext();
    const forged = await context.newPage();
    const seen: string[] = [];
    forged.on('console', (message) => {
      if (message.type() === 'warning') seen.push(message.text());
    });
    const demo = await server.api<{ agentId: string }>('GET', '/demo');
    const agent = await server.api<{ publicKey: string }>('GET', `/agents/${demo.agentId}`);
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: '1002', aud: agent.publicKey, exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString('base64url');
    const token = `${header}.${payload}.${Buffer.from('not-the-signature').toString('base64url')}`;
    await forged.route('**/shop', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Shop</title><script src="${server.url}/widget.js" data-agent="${agent.publicKey}" data-title="Shop" data-identity-token="${token}" async></script>`,
      }),
    );
    await forged.goto(`${server.url}/shop`);
    await forged.locator('[data-concierge-widget]').getByRole('button', { name: 'Open chat' }).click();
    const shopDialog = forged.locator('[data-concierge-widget]').getByRole('dialog', { name: 'Shop' });
    await shopDialog.getByLabel('Your message').fill('What did I buy last month?');
    await forged.keyboard.press('Enter');
    const reply = shopDialog.locator('.msg.agent').nth(1);
    await expect.poll(() => reply.textContent(), { timeout: 20_000 }).toMatch(/sign in/i);
    expect(await reply.textContent()).not.toMatch(/\b12347\b|\b12348\b/);
    expect(seen.join('\n')).toMatch(
      /Concierge: the identity token was refused: its signature does not match/,
    );
    await context.close();
  });
});
