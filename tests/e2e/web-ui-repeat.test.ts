import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  launchBrowser,
  openPage,
  realProblems,
  saveScreenshot,
  type PageProblems,
} from '../support/browser';
import { startWebApp, type WebApp } from '../support/web-app';

const BATCH_TIMEOUT_MS = 60_000;

let app: WebApp;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, app.host.url));
});

afterAll(async () => {
  await browser.close();
  await app.close();
});

async function pickProfile(target: Page, name: string): Promise<void> {
  await target
    .getByRole('complementary', { name: 'Profiles' })
    .getByText(name, { exact: true })
    .click();
}

function form(target: Page) {
  return target.getByRole('form', { name: 'Repeat options' });
}

/** Opens the Repeat form, fills it and presses Start. */
async function startRepeat(
  target: Page,
  options: { count: string; concurrency?: string; intervalMs?: string },
): Promise<void> {
  await target.getByRole('button', { name: 'Repeat settings' }).click();
  await form(target).getByLabel('Count').fill(options.count);
  await form(target)
    .getByLabel('Concurrency')
    .fill(options.concurrency ?? '2');
  await form(target)
    .getByLabel('Interval (ms)')
    .fill(options.intervalMs ?? '0');
  await form(target).getByRole('button', { name: 'Start repeat' }).click();
}

async function waitForBatch(target: Page, total: number): Promise<void> {
  const bar = target.getByRole('progressbar', { name: 'Repeat progress' });
  await expect
    .poll(() => bar.getAttribute('aria-valuenow'), { timeout: BATCH_TIMEOUT_MS })
    .toBe(String(total));
  expect(await bar.getAttribute('aria-valuemax')).toBe(String(total));
  // Done counting is not yet finished: the summary says so once the batch has ended.
  await expect
    .poll(() => target.getByTestId('repeat-summary').textContent(), { timeout: BATCH_TIMEOUT_MS })
    .toContain('finished');
}

describe('the Repeat action', () => {
  it('refuses an invalid count inline and starts nothing', async () => {
    await pickProfile(page, 'Sandbox: CORS success');
    await page.getByRole('button', { name: 'Repeat settings' }).click();
    const count = form(page).getByLabel('Count');
    for (const bad of ['0', '100001', '2.5']) {
      await count.fill(bad);
      const alert = form(page).getByRole('alert');
      expect(await alert.textContent()).toContain('Count must be a whole number from 1 to 100,000');
      expect(await count.getAttribute('aria-invalid')).toBe('true');
    }
    await form(page).getByRole('button', { name: 'Start repeat' }).click();
    await saveScreenshot(page, 'repeat-invalid-count');
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByTestId('repeat-summary').count()).toBe(0);
    // The run bar's own start is disabled too.
    expect(await page.getByRole('button', { name: 'Repeat', exact: true }).isDisabled()).toBe(true);

    // Escape closes the form and gives the focus back to its toggle.
    await page.keyboard.press('Escape');
    expect(await form(page).count()).toBe(0);
    const toggle = page.getByRole('button', { name: 'Repeat settings' });
    expect(await page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe(
      'Repeat settings',
    );
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('runs 20 handshakes 4 at a time and summarises them', async () => {
    await startRepeat(page, { count: '20', concurrency: '4' });
    await waitForBatch(page, 20);

    expect(await page.getByTestId('repeat-progress').textContent()).toContain('repeat 20/20');
    expect(await page.getByTestId('repeat-success-rate').textContent()).toContain('100%');
    const outcomes = page.getByTestId('repeat-outcomes');
    expect(await outcomes.locator('tbody tr', { hasText: 'joined' }).textContent()).toContain('20');
    expect(await page.getByTestId('repeat-throughput').textContent()).toMatch(/handshakes\/s/);

    const total = page.getByTestId('repeat-phases').locator('tr', { hasText: 'Total' });
    expect(await total.locator('td').first().textContent()).toBe('20');
    expect(await total.textContent()).toMatch(/\d+(\.\d+)? m?s/);

    // Every run lands in one bucket, and each bar says what it holds.
    const bars = page.getByTestId('histogram-bar');
    await expect.poll(() => bars.count()).toBeGreaterThan(0);
    const labels = await page.evaluate<string[]>(
      `[...document.querySelectorAll('[data-testid="histogram-bar"]')]
        .map((node) => node.getAttribute('aria-label'))`,
    );
    const counted = labels.reduce(
      (sum, label) => sum + Number(/: (\d+) runs?$/.exec(label)?.[1] ?? 'NaN'),
      0,
    );
    expect(counted).toBe(20);
    expect(await page.getByTestId('repeat-failed-run').count()).toBe(0);
    expect(await page.getByTestId('repeat-kept-run').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'repeat-success-summary');
    expect(realProblems(problems)).toEqual([]);
  });

  it('opens a failed run of a batch in the timeline, with its ERROR 4005', async () => {
    await pickProfile(page, 'Sandbox: wrong secret');
    await startRepeat(page, { count: '6', concurrency: '2' });
    await waitForBatch(page, 6);

    expect(await page.getByTestId('repeat-success-rate').textContent()).toContain('0%');
    const outcomes = page.getByTestId('repeat-outcomes');
    expect(await outcomes.textContent()).toContain('4005');
    const failed = page.getByTestId('repeat-failed-run');
    expect(await failed.count()).toBe(6);
    // Each kept run is named by its headline once the batch has ended.
    await expect.poll(() => failed.last().textContent()).toContain('ERROR 4005');

    await failed.nth(2).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ready-state').textContent()).toBe('ERROR');
    expect(await failed.nth(2).getAttribute('aria-current')).toBe('true');
    const error = page.locator('[data-type="readyStateChange"]', { hasText: 'ERROR' });
    expect(await error.textContent()).toContain('4005');
    await error.click();
    expect(await page.getByTestId('catalog-explanation').textContent()).toContain(
      'API_CREDENTIALS_NOT_MATCH',
    );
    await saveScreenshot(page, 'repeat-failed-run-open');
    expect(realProblems(problems)).toEqual([]);
  });

  it('opens a kept run while a batch is under way, then cancels the batch', async () => {
    await pickProfile(page, 'Sandbox: CORS success');
    await startRepeat(page, { count: '400', concurrency: '1', intervalMs: '50' });
    // A run the batch keeps opens while the batch goes on, named by its headline already.
    const kept = page.getByTestId('repeat-kept-run');
    await expect.poll(() => kept.first().textContent()).toContain('COMPLETED');
    await kept.first().click();
    await expect.poll(() => page.getByTestId('ready-state').textContent()).toBe('COMPLETED');
    expect(await page.getByTestId('repeat-summary').textContent()).not.toContain('cancelled');
    await page.getByRole('button', { name: 'Cancel repeat' }).click();
    await expect
      .poll(() => page.getByTestId('repeat-summary').textContent(), { timeout: BATCH_TIMEOUT_MS })
      .toContain('cancelled');
    const done = Number(
      await page
        .getByRole('progressbar', { name: 'Repeat progress' })
        .getAttribute('aria-valuenow'),
    );
    expect(done).toBeLessThan(400);
  });

  it('shows the newest batch again after a reload, its kept runs named', async () => {
    await pickProfile(page, 'Sandbox: wrong secret');
    await startRepeat(page, { count: '3', concurrency: '1' });
    await waitForBatch(page, 3);

    await page.reload();

    await expect
      .poll(() => page.getByTestId('repeat-progress').textContent())
      .toContain('repeat 3/3');
    const failed = page.getByTestId('repeat-failed-run');
    await expect.poll(() => failed.last().textContent()).toContain('ERROR 4005');
    expect(await failed.count()).toBe(3);
    expect(realProblems(problems)).toEqual([]);
  });
});

describe('the Repeat summary in dark mode', () => {
  it('draws the summary with the dark palette', async () => {
    const dark = await openPage(browser, app.host.url, { colorScheme: 'dark' });
    try {
      await pickProfile(dark.page, 'Sandbox: CORS success');
      await startRepeat(dark.page, { count: '8', concurrency: '4' });
      await waitForBatch(dark.page, 8);
      await expect.poll(() => dark.page.getByTestId('histogram-bar').count()).toBeGreaterThan(0);
      const fill = await dark.page.evaluate<string>(
        `getComputedStyle(document.querySelector('[data-testid="histogram-bar"] rect')).fill`,
      );
      expect(fill).toBe('rgb(110, 162, 255)');
      await saveScreenshot(dark.page, 'repeat-summary-dark');
    } finally {
      await dark.page.context().close();
    }
  });
});
