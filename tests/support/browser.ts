import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/** Where the e2e tests leave their screenshots (gitignored), for a human to look at. */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', 'artifacts', 'screenshots');

/** Debian's Chromium, headless, with no network of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** What a page reported on its console: errors and CSP violations fail the UI tests. */
export interface PageProblems {
  errors: string[];
  /** Messages of the `confirm()` prompts the page showed (all answered yes). */
  dialogs: string[];
}

/**
 * The errors a page recorded, less Chromium's note that `frame-ancestors` has no effect in a
 * meta tag (the web host sends it as a header too).
 */
export function realProblems(problems: PageProblems): string[] {
  return problems.errors.filter((text) => !text.includes("'frame-ancestors' is ignored"));
}

/** Opens a page that records console errors, page errors and CSP violations. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    problems.errors.push(error.message);
  });
  // The app answers `confirm()` prompts (delete, export with secrets) with yes.
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.goto(url);

  return { page, problems };
}

/** Saves a full-page screenshot as `tests/artifacts/screenshots/<name>.png`. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });

  return path;
}
