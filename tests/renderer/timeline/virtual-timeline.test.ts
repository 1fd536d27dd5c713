import { mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';

import App from '../../../renderer/src/App.svelte';
import type { RunSummary, TimelineEvent } from '../../../renderer/src/lib/contract';
import '../../../renderer/src/styles/app.css';

import { stubApi } from './stub-api';

const EVENT_COUNT = 100_000;

/** A run far longer than any real one; the importer caps bundles below this, hence a stub. */
function bigRun(): { summary: RunSummary; events: TimelineEvent[] } {
  const start = Date.parse('2026-12-03T10:00:00.000Z');
  const events: TimelineEvent[] = [];
  for (let seq = 1; seq <= EVENT_COUNT; seq++) {
    const base = { seq, t: seq * 0.5, at: new Date(start + seq / 2).toISOString() };
    if (seq === EVENT_COUNT) {
      events.push({
        ...base,
        type: 'readyStateChange',
        state: 2,
        stateName: 'COMPLETED',
        room: 'lobby',
        error: null,
      });
    } else if (seq % 10 === 0) {
      events.push({ ...base, type: 'note', level: 'info', message: `checkpoint ${seq}` });
    } else {
      events.push({
        ...base,
        type: 'socket.message',
        direction: seq % 2 === 0 ? 'sent' : 'received',
        messageType: 'ping',
        payload: { n: seq },
      });
    }
  }
  const summary: RunSummary = {
    runId: 'big',
    profileId: null,
    profileName: 'Big run',
    source: 'imported',
    startedAt: new Date(start).toISOString(),
    finishedAt: new Date(start + EVENT_COUNT / 2).toISOString(),
    state: 'done',
    outcome: 'joined',
    headline: 'COMPLETED, joined',
    durationMs: EVENT_COUNT / 2,
    eventCount: EVENT_COUNT,
    sdk: '0.6',
    authMode: 'cors',
    repeatId: null,
  };

  return { summary, events };
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) throw new Error('timed out waiting for the timeline');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let app: Record<string, unknown> | null = null;

afterEach(() => {
  if (app !== null) void unmount(app);
  app = null;
  document.body.innerHTML = '';
});

describe('VirtualTimeline', () => {
  it('keeps the DOM small while it shows 100,000 events', async () => {
    document.body.style.height = '900px';
    const target = document.createElement('div');
    target.style.height = '900px';
    document.body.append(target);
    const began = performance.now();
    app = mount(App, { target, props: { api: stubApi(bigRun()) } });

    const grid = (): HTMLElement | null => document.querySelector('[data-testid="timeline"]');
    await waitFor(() => Number(grid()?.getAttribute('aria-rowcount') ?? 0) > 10_000);
    const firstPaintMs = performance.now() - began;

    // Folded: the notes and the final state show; the 90,000 socket messages wait behind a fold.
    const rowCount = Number(grid()!.getAttribute('aria-rowcount'));
    expect(rowCount).toBeGreaterThan(10_000);
    expect(grid()!.querySelectorAll('[role="row"]').length).toBeLessThan(120);

    const lowLevel = [...document.querySelectorAll('label')].find((label) =>
      label.textContent.includes('Lower-level events'),
    );
    expect(lowLevel).toBeDefined();
    lowLevel!.querySelector('input')!.click();
    await waitFor(() => Number(grid()!.getAttribute('aria-rowcount')) > EVENT_COUNT);
    expect(grid()!.querySelectorAll('[role="row"]').length).toBeLessThan(120);

    grid()!.focus();
    grid()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await waitFor(() => grid()!.querySelector(`[data-seq="${EVENT_COUNT}"]`) !== null);
    const last = grid()!.querySelector(`[data-seq="${EVENT_COUNT}"]`)!;
    expect(last.getAttribute('aria-selected')).toBe('true');
    expect(grid()!.querySelectorAll('[role="row"]').length).toBeLessThan(120);
    expect(firstPaintMs).toBeLessThan(10_000);
  });
});
