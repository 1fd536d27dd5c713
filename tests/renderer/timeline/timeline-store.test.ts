import { mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import App from '../../../renderer/src/App.svelte';
import {
  severityOf,
  type PushMap,
  type Severity,
  type TimelineEvent,
} from '../../../renderer/src/lib/contract';
import { NoticesStore } from '../../../renderer/src/lib/notices/notices-store.svelte';
import { buildRows, type TimelineRow } from '../../../renderer/src/lib/timeline/timeline-rows';
import { TimelineStore } from '../../../renderer/src/lib/timeline/timeline-store.svelte';
import { waterfallBars } from '../../../renderer/src/lib/timeline/waterfall-bars';
import '../../../renderer/src/styles/app.css';
import { waitFor } from '../wait-for';

import { stubApi, summaryOf } from './stub-api';

type Listener = (payload: PushMap['run:events']) => void;

const RUN_ID = 'streamed';

/** The events of a recorded run (a bundle fixture: all 21 types, four phases). */
let recorded: TimelineEvent[] = [];

beforeAll(async () => {
  // Fetched from the test server rather than imported: the web tsconfig does not list JSON.
  const url = new URL('../../fixtures/bundles/mistyped-port.json', import.meta.url);
  const bundle = (await (await fetch(url)).json()) as { events: TimelineEvent[] };
  recorded = bundle.events;
  if (recorded.length === 0) throw new Error(`no events in ${url.href}`);
});

/**
 * A long run of every event type: the recorded run repeated with rising seq and t, so groups,
 * findings, results and waterfall bars recur all along the log.
 */
function longLog(repeats: number): TimelineEvent[] {
  const span = (recorded.at(-1)?.t ?? 0) + 1;
  const events: TimelineEvent[] = [];
  for (let round = 0; round < repeats; round++) {
    for (const event of recorded) {
      events.push({ ...event, seq: events.length + 1, t: event.t + round * span });
    }
  }

  return events;
}

/** Batch sizes from a fixed seed: single events, a few, and big pushes, mixed. */
function batchSizes(total: number): number[] {
  const sizes: number[] = [];
  let seed = 7;
  let left = total;
  while (left > 0) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const size = Math.min(left, [1, 3, 17, 250, 61][seed % 5] ?? 1);
    sizes.push(size);
    left -= size;
  }

  return sizes;
}

/** What the store should show for `events`, computed from scratch over the whole log. */
function expected(store: TimelineStore, events: readonly TimelineEvent[]) {
  const rows = buildRows(events, {
    hiddenTypes: store.hiddenTypes,
    severities: store.severities,
    showLowLevel: store.showLowLevel,
    expanded: store.expanded,
  });
  const typeCounts: Record<string, number> = {};
  const severityCounts: Record<Severity, number> = { debug: 0, info: 0, warn: 0, error: 0 };
  for (const event of events) {
    typeCounts[event.type] = (typeCounts[event.type] ?? 0) + 1;
    severityCounts[severityOf(event)] += 1;
  }

  return {
    rows,
    shown: rows.filter((row) => row.kind === 'event').length,
    types: Object.keys(typeCounts).sort(),
    typeCounts,
    severityCounts,
    findings: events.filter((event) => event.type === 'diagnosis'),
    result: events.findLast((event) => event.type === 'result') ?? null,
    ready: events.findLast((event) => event.type === 'readyStateChange') ?? null,
    waterfall: waterfallBars(events),
  };
}

function expectMatches(store: TimelineStore, events: readonly TimelineEvent[]): void {
  const want = expected(store, events);
  const rows = store.rowsBetween(0, store.rowCount);
  expect(store.events).toEqual(events);
  expect(rows).toEqual(want.rows);
  expect(store.rowCount).toBe(want.rows.length);
  expect(store.shownCount).toBe(want.shown);
  expect(store.types).toEqual(want.types);
  expect(store.typeCounts).toEqual(want.typeCounts);
  expect(store.severityCounts).toEqual(want.severityCounts);
  expect(store.findings).toEqual(want.findings);
  expect(store.result).toEqual(want.result);
  expect(store.lastReady).toEqual(want.ready);
  expect(store.waterfall).toEqual(want.waterfall);
}

/** Every event row is found by seq, and everything filtered or folded away is not. */
function expectIndexes(store: TimelineStore, events: readonly TimelineEvent[]): void {
  const rows: TimelineRow[] = store.rowsBetween(0, store.rowCount);
  const where = new Map<number, number>();
  rows.forEach((row, index) => {
    if (row.kind === 'event') where.set(row.event.seq, index);
  });
  for (const event of events) expect(store.rowIndexOf(event.seq)).toBe(where.get(event.seq) ?? -1);

  const eventRows = [...where.values()];
  const firstEvent = eventRows[0] ?? -1;
  const lastEvent = eventRows.at(-1) ?? -1;
  expect(store.stepEvents(-1, 1)).toBe(firstEvent);
  expect(store.stepEvents(rows.length, -1)).toBe(lastEvent);
  for (const [position, index] of eventRows.entries()) {
    if (position % 37 !== 0) continue;
    expect(store.stepEvents(index, 1)).toBe(eventRows[position + 1] ?? index);
    expect(store.stepEvents(index, -1)).toBe(eventRows[position - 1] ?? index);
    expect(store.stepEvents(index, 25)).toBe(
      eventRows[Math.min(position + 25, eventRows.length - 1)],
    );
    expect(store.stepEvents(index, -25)).toBe(eventRows[Math.max(position - 25, 0)]);
  }
}

async function openStore(
  initial: TimelineEvent[],
): Promise<{ store: TimelineStore; push: Listener }> {
  const channel: { push: Listener | null } = { push: null };
  const api = stubApi({
    summary: summaryOf(RUN_ID, initial.length),
    events: initial,
    onListen: (listener) => (channel.push = listener),
  });
  const store = new TimelineStore(api, new NoticesStore());
  store.listen();
  await store.show(RUN_ID);
  if (channel.push === null) throw new Error('the store did not subscribe to pushed events');

  return { store, push: channel.push };
}

let app: Record<string, unknown> | null = null;

afterEach(() => {
  if (app !== null) void unmount(app);
  app = null;
  document.body.innerHTML = '';
});

describe('TimelineStore', () => {
  it(
    'keeps rows, counts and findings equal to ' + 'a full recomputation when fed in batches',
    async () => {
      const log = longLog(60);
      const { store, push } = await openStore(log.slice(0, 40));
      expectMatches(store, log.slice(0, 40));

      let sent = 40;
      const sizes = batchSizes(log.length - sent);
      for (const [turn, size] of sizes.entries()) {
        // Every fourth push repeats a few events already shown, as a reconnect can.
        const from = turn % 4 === 3 ? Math.max(0, sent - 5) : sent;
        push({ runId: RUN_ID, events: log.slice(from, sent + size) });
        sent += size;
        expectMatches(store, log.slice(0, sent));
      }
      expectIndexes(store, log);
    },
  );

  it(
    'rebuilds the rows once when a filter ' + 'changes and keeps filtering each new batch',
    async () => {
      const log = longLog(40);
      const { store, push } = await openStore([]);
      const sizes = batchSizes(log.length);
      const changes: Record<number, () => void> = {
        2: () => {
          store.toggleSeverity('debug');
        },
        5: () => {
          store.toggleType('socket.message');
          store.toggleSeverity('debug');
        },
        9: () => {
          const header = store.rowsBetween(0, store.rowCount).find((row) => row.kind === 'phase');
          if (header !== undefined) store.toggleGroup(header.key);
        },
        14: () => {
          store.showLowLevel = true;
        },
        20: () => {
          store.toggleSeverity('error');
          store.toggleType('socket.message');
        },
      };

      let sent = 0;
      for (const [turn, size] of sizes.entries()) {
        push({ runId: RUN_ID, events: log.slice(sent, sent + size) });
        sent += size;
        changes[turn]?.();
        expectMatches(store, log.slice(0, sent));
      }
      expect(store.severities.has('error')).toBe(false);
      expect(store.showLowLevel).toBe(true);
      expectIndexes(store, log);
    },
  );

  it('unfolds and unfilters what hides an event it is asked to reveal', async () => {
    const log = longLog(5);
    const { store } = await openStore(log);
    const hidden = log.findLast((event) => event.type === 'http.request');
    if (hidden === undefined) throw new Error('the fixture has no http.request');
    store.toggleType('http.request');
    expect(store.rowIndexOf(hidden.seq)).toBe(-1);

    store.reveal(hidden.seq);

    expect(store.hiddenTypes.has('http.request')).toBe(false);
    expect(store.rowIndexOf(hidden.seq)).toBeGreaterThan(-1);
    expect(store.selected).toEqual(hidden);
    expectMatches(store, log);
  });
});

describe('TimelineView', () => {
  it('shows the counts and the newest row of a run streamed in batches', async () => {
    const log = longLog(30);
    let push: Listener | null = null;
    const target = document.createElement('div');
    target.style.height = '900px';
    document.body.append(target);
    const api = stubApi({
      summary: { ...summaryOf(RUN_ID, 0), state: 'signalling' },
      events: [],
      onListen: (listener) => (push = listener),
    });
    app = mount(App, { target, props: { api } });
    const count = (): string =>
      document.querySelector('[data-testid="event-count"]')?.textContent ?? '';
    const grid = (): Element | null => document.querySelector('[data-testid="timeline"]');
    // The run is open (and pushes for it are taken) once the empty list says so.
    await waitFor(() => push !== null && grid()?.textContent.includes('No event matches') === true);

    let sent = 0;
    for (const size of batchSizes(log.length)) {
      push!({ runId: RUN_ID, events: log.slice(sent, sent + size) });
      sent += size;
    }
    const lastSeq = log.at(-1)?.seq ?? 0;
    await waitFor(() => grid()?.querySelector(`[data-seq="${lastSeq}"]`) !== null);

    const want = buildRows(log, {
      hiddenTypes: new Set(),
      severities: new Set<Severity>(['debug', 'info', 'warn', 'error']),
      showLowLevel: false,
      expanded: new Set(),
    });
    const shown = want.filter((row) => row.kind === 'event').length;
    expect(count().replace(/\s+/g, ' ').trim()).toBe(`${shown} shown · ${log.length} events`);
    expect(grid()!.getAttribute('aria-rowcount')).toBe(String(want.length));
    expect(grid()!.querySelectorAll('[role="row"]').length).toBeLessThan(120);
    // The newest group's header was on screen while its count grew batch by batch.
    const header = want.findLast((row) => row.kind === 'phase');
    const headers = grid()!.querySelectorAll('.phase');
    expect(headers[headers.length - 1]?.textContent).toContain(`${header?.count} events`);
    const bars = document.querySelectorAll('[data-testid="waterfall"] g.bar');
    expect(bars.length).toBe(waterfallBars(log).length);
  });
});
