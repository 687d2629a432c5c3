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

/** Visible elements that reach past the right edge of the window (a page too wide for a phone). */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        // The box itself sticks out, or its text does (a long URL that does not wrap).
        const textSticksOut =
          [...element.childNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
          ) &&
          getComputedStyle(element).overflowX === 'visible' &&
          box.left + element.scrollWidth > width + 0.5;
        if (box.right <= width + 0.5 && !textSticksOut) return false;
        // Content that scrolls inside its own box (a code block, a table) is fine.
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && parent !== document.body) return false;
        }
        return true;
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().right - width)} px`,
      );
  });
}

/** How far the page scrolls sideways (0 when nothing sticks out). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
