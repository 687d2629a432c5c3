// Debian's chromium driven by playwright-core, screenshots for review, and page checks that every
// browser test repeats: labelled fields, no sideways scrolling.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where screenshots go (gitignored). */
export const screenshotDir = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** Launches headless chromium (playwright gives it a fresh profile directory). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot as test-results/screenshots/NAME.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // A sticky header would otherwise be drawn where the page was scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Form controls (outside hidden parts) that have no accessible name: each as a short description. */
export async function findUnlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll('input, select, textarea, button')] as HTMLElement[];
    return controls
      .filter((control) => {
        if (control.closest('[hidden]') || (control as HTMLInputElement).type === 'hidden') return false;
        const labelled =
          (control as HTMLInputElement).labels?.length ||
          control.getAttribute('aria-label') ||
          control.getAttribute('aria-labelledby') ||
          (control.tagName === 'BUTTON' && control.textContent?.trim());
        return !labelled;
      })
      .map((control) => control.outerHTML.slice(0, 120));
  });
}

/** How far the page scrolls sideways (0 when nothing sticks out). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
