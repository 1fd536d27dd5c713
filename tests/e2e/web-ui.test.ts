import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunSummary, TimelineEvent } from '../../electron/contract';
import {
  launchBrowser,
  openPage,
  realProblems,
  saveScreenshot,
  type PageProblems,
} from '../support/browser';
import { startWebApp, type WebApp } from '../support/web-app';

const LIVE_TIMEOUT_MS = 20_000;

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

function sidebar() {
  return page.getByRole('complementary', { name: 'Profiles' });
}

async function pickProfile(name: string): Promise<void> {
  await sidebar().getByText(name, { exact: true }).click();
}

async function runAndWait(state: 'done' | 'failed'): Promise<void> {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await expect
    .poll(() => page.getByTestId('run-state').textContent(), { timeout: LIVE_TIMEOUT_MS })
    .toBe(state);
}

/**
 * Records, in order, the titles of timeline rows as they are added to the DOM. The script is
 * a string because this file is type-checked without the DOM library.
 */
const RECORD_ROWS = `(() => {
  const seen = [];
  window.__rows = seen;
  const grid = document.querySelector('[data-testid="timeline"]');
  new MutationObserver(() => {
    for (const row of grid.querySelectorAll('[role="row"][data-type]')) {
      const text = row.querySelector('.title')?.textContent?.trim() ?? '';
      if (!seen.includes(text)) seen.push(text);
    }
  }).observe(grid, { childList: true, subtree: true });
})()`;

describe('the web UI', () => {
  it('runs a built-in profile and shows LOADING then COMPLETED live', async () => {
    await expect.poll(() => sidebar().getByRole('button').count()).toBeGreaterThan(5);
    await pickProfile('Sandbox: CORS success');
    await page.evaluate(RECORD_ROWS);
    await runAndWait('done');

    const rows = await page.evaluate<string[]>('window.__rows');
    const loading = rows.indexOf('readyStateChange LOADING');
    const completed = rows.indexOf('readyStateChange COMPLETED');
    expect(loading).toBeGreaterThanOrEqual(0);
    expect(completed).toBeGreaterThan(loading);
    expect(rows).toContain('Result: joined');
    expect(await page.getByTestId('run-headline').textContent()).toContain('joined');
    expect(await page.getByTestId('ready-state').textContent()).toBe('COMPLETED');
    await expect.poll(() => page.getByTestId('waterfall').count()).toBe(1);

    // Lower-level rows are folded by default.
    expect(await page.locator('[data-type="http.response"]').count()).toBe(0);
    await page.getByLabel('Lower-level events').check();
    await page.locator('[data-type="http.response"]').first().click();
    const detail = page.getByTestId('event-detail');
    expect(await detail.getByRole('region', { name: 'Response' }).textContent()).toContain('200');
    await saveScreenshot(page, 'timeline-joined');
    await page.getByLabel('Lower-level events').uncheck();
    expect(realProblems(problems)).toEqual([]);
  });

  it('explains a failure in place and links findings to their evidence', async () => {
    await pickProfile('Sandbox: wrong secret');
    await runAndWait('failed');
    expect(await page.getByTestId('ready-state').textContent()).toBe('ERROR');

    const error = page.locator('[data-type="readyStateChange"]', { hasText: 'ERROR' });
    await error.click();
    const explanation = page.getByTestId('catalog-explanation');
    expect(await explanation.textContent()).toContain('API_CREDENTIALS_NOT_MATCH');

    const findings = page.getByTestId('finding');
    await expect.poll(() => findings.count()).toBeGreaterThan(0);
    const evidence = findings
      .first()
      .getByRole('button', { name: /Show event \d+/ })
      .first();
    const label = (await evidence.getAttribute('aria-label')) ?? '';
    const seq = /\d+/.exec(label)?.[0];
    await evidence.click();
    await expect
      .poll(() => page.locator(`[data-seq="${seq}"]`).getAttribute('aria-selected'))
      .toBe('true');
    await saveScreenshot(page, 'timeline-error-4005');
  });

  it('moves the selection with the arrow keys', async () => {
    const grid = page.getByTestId('timeline');
    await grid.focus();
    await page.keyboard.press('Home');
    const first = await page.locator('[role="row"][aria-selected="true"]').getAttribute('data-seq');
    await page.keyboard.press('ArrowDown');
    const second = await page
      .locator('[role="row"][aria-selected="true"]')
      .getAttribute('data-seq');
    expect(Number(second)).toBeGreaterThan(Number(first));
    expect(await grid.getAttribute('aria-activedescendant')).toBe(`tl-row-${second}`);
  });

  it('validates a new profile inline, saves it and keeps its secret out of the file', async () => {
    await sidebar().getByRole('button', { name: 'New' }).click();
    const editor = page.getByRole('form', { name: 'Profile editor' });
    await editor.getByLabel('Name').fill('Ticket 42');
    await editor.getByLabel('Auth server').fill('ftp://nope');
    expect(await editor.getByRole('alert').first().textContent()).toContain('http(s) URL');
    await editor.getByLabel('Auth server').fill('sandbox');
    await editor.getByLabel('App key').fill('demo-credentials-key');
    await editor.getByLabel('Room').fill('lobby');

    // Only the chosen mode's fields show.
    expect(await editor.getByLabel('Start time').count()).toBe(0);
    await editor.getByLabel('Credentials (HMAC)').check();
    await editor.getByLabel('Duration (hours)').fill('abc');
    expect(await editor.getByRole('alert').first().textContent()).toMatch(/number/i);
    await saveScreenshot(page, 'profile-editor-invalid');
    await editor.getByLabel('Duration (hours)').fill('24');
    await editor.getByLabel('App secret').fill('demo-credentials-secret');
    expect(await editor.getByRole('alert').count()).toBe(0);
    await editor.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => sidebar().getByText('Ticket 42', { exact: true }).count()).toBe(1);
    const config = await readFile(join(app.dataDir, 'config.json'), 'utf8');
    expect(config).toContain('Ticket 42');
    expect(config).not.toContain('demo-credentials-secret');

    await editor.getByLabel('Name').fill('Ticket 42 (edited)');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => sidebar().getByText('Ticket 42 (edited)', { exact: true }).count())
      .toBe(1);

    // The stored secret is used: the handshake joins.
    await runAndWait('done');
    expect(await page.getByTestId('run-headline').textContent()).toContain('joined');
  });

  it('exports the run as a JSON bundle download, redacted', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    const bundle = JSON.parse(text);
    expect(bundle.schema).toBe('skylink-diagnostics/run-bundle');
    expect(bundle.events.length).toBeGreaterThan(5);
    expect(text).not.toContain('demo-credentials-secret');
    expect(download.suggestedFilename()).toMatch(/\.json$/);

    await page.getByLabel('Export format').selectOption('md');
    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(markdown.suggestedFilename()).toMatch(/\.md$/);
    await page.getByLabel('Export format').selectOption('json');

    // Including secrets asks first.
    await page.getByLabel('Redaction').selectOption('include');
    const [included] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(included.suggestedFilename()).toMatch(/\.json$/);
    expect(problems.dialogs.at(-1)).toContain('plain text');
    await page.getByLabel('Redaction').selectOption('redact');
  });

  it('still shows the finished run after a reload', async () => {
    const before = await page.getByTestId('run-headline').textContent();
    await page.reload();
    await expect
      .poll(() => page.getByTestId('run-headline').textContent(), { timeout: LIVE_TIMEOUT_MS })
      .toBe(before);
    await expect.poll(() => page.locator('[data-type="result"]').count()).toBe(1);
  });

  it('compares two runs step by step with the differences marked', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    const success = rows.filter({ hasText: 'Sandbox: CORS success' });
    const failure = rows.filter({ hasText: 'Sandbox: wrong secret' });
    await success.getByLabel('A').check();
    await failure.getByLabel('B').check();
    await saveScreenshot(page, 'history');
    await page.getByRole('button', { name: 'Compare A ↔ B' }).click();

    const steps = page.getByTestId('compare-steps');
    await expect.poll(() => steps.locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await steps.locator('tr.gap').count()).toBeGreaterThan(0);
    const inputs = page.getByRole('region', { name: 'Inputs' });
    expect(await inputs.locator('tr.different', { hasText: 'authMode' }).count()).toBe(1);
    await saveScreenshot(page, 'compare');
  });

  it('opens an exported log as a run of its own', async () => {
    const runs = await app.backend.handlers['run:list']();
    const source = runs.find((run) => run.profileName === 'Sandbox: wrong secret')!;
    const file = await app.backend.handlers['export:render'](source.runId, {
      format: 'json',
      redaction: 'redact',
    });
    if (!file.ok) throw new Error(file.error.message);

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByTestId('open-log-input').setInputFiles({
      name: file.value.fileName,
      mimeType: 'application/json',
      buffer: Buffer.from(file.value.text),
    });
    await expect.poll(() => page.getByTestId('ready-state').textContent()).toBe('ERROR');
    await page.getByRole('tab', { name: 'History' }).click();
    expect(await page.locator('tbody tr', { hasText: 'imported' }).count()).toBe(1);
    expect(realProblems(problems)).toEqual([]);
  });

  it('repeats a profile and shows the batch progress', async () => {
    await pickProfile('Sandbox: CORS success');
    await page.getByRole('button', { name: 'Repeat ×10' }).click();
    const progress = page.getByTestId('repeat-progress');
    await expect
      .poll(() => progress.textContent(), { timeout: LIVE_TIMEOUT_MS })
      .toContain('repeat 10/10');
    expect(await progress.textContent()).toContain('100% joined');
  });
});

describe('the web UI with a long imported run', () => {
  it('renders only the visible rows of a 20,000-event bundle', async () => {
    const runs = await app.backend.handlers['run:list']();
    const joined = runs.find((run) => run.profileName === 'Sandbox: CORS success')!;
    const file = await app.backend.handlers['export:render'](joined.runId, {
      format: 'json',
      redaction: 'redact',
    });
    if (!file.ok) throw new Error(file.error.message);
    const bundle = JSON.parse(file.value.text) as { events: TimelineEvent[]; run: RunSummary };
    const message = bundle.events.find((event) => event.type === 'socket.message')!;
    const last = bundle.events.at(-1)!;
    const filler = Array.from({ length: 20_000 - bundle.events.length }, () => ({ ...message }));
    bundle.events = [...bundle.events.slice(0, -1), ...filler, last].map((event, index) => ({
      ...event,
      seq: index + 1,
      t: index / 10,
    }));
    bundle.run = { ...bundle.run, eventCount: bundle.events.length };

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByTestId('open-log-input').setInputFiles({
      name: 'long.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bundle)),
    });
    const count = page.getByTestId('event-count');
    await expect
      .poll(() => count.textContent(), { timeout: LIVE_TIMEOUT_MS })
      .toContain('20000 events');
    await page.getByLabel('Lower-level events').check();
    const grid = page.getByTestId('timeline');
    expect(Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThan(20_000);
    expect(await grid.locator('[role="row"]').count()).toBeLessThan(120);
    await grid.focus();
    await page.keyboard.press('End');
    await expect.poll(() => grid.locator('[data-seq="20000"]').count()).toBe(1);
    expect(await grid.locator('[role="row"]').count()).toBeLessThan(120);
    await page.getByLabel('Lower-level events').uncheck();
  });
});

describe('the web UI in dark mode', () => {
  it('renders the timeline with the dark palette', async () => {
    const dark = await openPage(browser, app.host.url, { colorScheme: 'dark' });
    try {
      await expect
        .poll(() => dark.page.locator('[data-type="result"]').count(), { timeout: LIVE_TIMEOUT_MS })
        .toBe(1);
      const background = await dark.page.evaluate<string>(
        'getComputedStyle(document.body).backgroundColor',
      );
      expect(background).toBe('rgb(17, 19, 24)');
      await dark.page.locator('[data-type="readyStateChange"]').last().click();
      await saveScreenshot(dark.page, 'timeline-dark');
    } finally {
      await dark.page.context().close();
    }
  });
});
