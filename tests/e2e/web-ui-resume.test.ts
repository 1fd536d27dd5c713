import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS, DEMO_ORIGIN } from '../../electron/core/demo-apps';
import { createSandbox, defaultScenarioJson, type Sandbox } from '../../electron/sandbox';
import { launchBrowser, openPage } from '../support/browser';
import { startWebApp, type WebApp } from '../support/web-app';

/** Long enough to reload the page while the API request is still waiting. */
const API_DELAY_MS = 4000;

let app: WebApp;
let browser: Browser;
let slow: Sandbox;

beforeAll(async () => {
  slow = await createSandbox(
    {
      ...defaultScenarioJson(),
      faults: [{ fault: 'delay', ms: API_DELAY_MS, match: { path: '/api/' } }],
    },
    { port: 0 },
  );
  app = await startWebApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await app.close();
  await slow.close();
});

describe('the web UI after a reload', () => {
  it('resumes a run that is still going and shows it finish', async () => {
    const saved = await app.backend.handlers['profiles:save']({
      name: 'Slow API',
      server: slow.url,
      appKey: DEMO_APP_KEYS.cors,
      room: 'lobby',
      origin: DEMO_ORIGIN,
      network: { apiTimeoutMs: 10_000, apiRetries: 0 },
    });
    if (!saved.ok) throw new Error(saved.error.message);

    const { page } = await openPage(browser, app.host.url);
    await page
      .getByRole('complementary', { name: 'Profiles' })
      .getByText('Slow API', { exact: true })
      .click();
    await page.getByRole('button', { name: '▶ Run' }).click();
    await expect.poll(() => page.getByTestId('run-state').textContent()).toBe('http');
    await expect
      .poll(() => page.locator('[data-type="readyStateChange"]', { hasText: 'LOADING' }).count())
      .toBe(1);

    await page.reload();
    // Back before the API answered: the same run, still going, with its early events.
    await expect.poll(() => page.getByTestId('run-state').textContent()).toBe('http');
    expect(
      await page.locator('[data-type="readyStateChange"]', { hasText: 'COMPLETED' }).count(),
    ).toBe(0);
    await expect
      .poll(() => page.getByTestId('run-state').textContent(), { timeout: 20_000 })
      .toBe('done');
    await expect
      .poll(() => page.locator('[data-type="readyStateChange"]', { hasText: 'COMPLETED' }).count())
      .toBe(1);
    const seqs = await page
      .locator('[role="row"][data-seq]')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-seq'))));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
