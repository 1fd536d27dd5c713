import { mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';

import App from '../../../renderer/src/App.svelte';
import type { RunSummary, TimelineEvent } from '../../../renderer/src/lib/contract';
import '../../../renderer/src/styles/app.css';
import { waitFor } from '../wait-for';

import { stubApi, summaryOf } from './stub-api';

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

  it('stays on the newest row while batches arrive between frames, until scrolled up', async () => {
    const target = document.createElement('div');
    target.style.height = '900px';
    document.body.append(target);
    let push: ((payload: { runId: string; events: TimelineEvent[] }) => void) | null = null;
    app = mount(App, {
      target,
      props: {
        api: stubApi({
          summary: { ...summaryOf('live', 0), state: 'signalling', finishedAt: null },
          events: [],
          onListen: (listener) => (push = listener),
        }),
      },
    });
    const grid = (): HTMLElement | null => document.querySelector('[data-testid="timeline"]');
    await waitFor(() => push !== null && grid()?.textContent.includes('No event matches') === true);
    let seq = 0;
    const pushNotes = (count: number): void => {
      const events: TimelineEvent[] = [];
      for (let index = 0; index < count; index++) {
        seq += 1;
        const at = new Date(Date.parse('2026-12-03T10:00:00.000Z') + seq).toISOString();
        events.push({ seq, t: seq, at, type: 'note', level: 'info', message: `note ${seq}` });
      }
      push!({ runId: 'live', events });
    };
    const frames = (count: number): Promise<void> =>
      new Promise((resolve) => {
        const step = (left: number): void => {
          if (left === 0) resolve();
          else requestAnimationFrame(() => step(left - 1));
        };
        step(count);
      });

    // Each batch lands after the previous one's viewport move and its scroll event.
    for (let batch = 0; batch < 20; batch++) {
      pushNotes(40);
      await frames(3);
      expect(grid()!.querySelector(`[data-seq="${seq}"]`)).not.toBeNull();
    }
    // A batch that lands after a viewport move but before that move's scroll event: the event
    // then reports a position older than the slice, which must not stop the following.
    pushNotes(40);
    await tick();
    await new Promise<void>((resolve) => {
      requestAnimationFrame(() => {
        setTimeout(() => {
          pushNotes(40);
          resolve();
        }, 0);
      });
    });
    await frames(3);
    expect(grid()!.querySelector(`[data-seq="${seq}"]`)).not.toBeNull();
    pushNotes(40);
    await frames(3);
    expect(grid()!.querySelector(`[data-seq="${seq}"]`)).not.toBeNull();

    grid()!.scrollTop = 0;
    await frames(3);
    pushNotes(40);
    await frames(3);
    expect(grid()!.querySelector(`[data-seq="${seq}"]`)).toBeNull();
    expect(grid()!.querySelector('[data-seq="1"]')).not.toBeNull();
    expect(grid()!.querySelectorAll('[role="row"]').length).toBeLessThan(120);
  });
});
