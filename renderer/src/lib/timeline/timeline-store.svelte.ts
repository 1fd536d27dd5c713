import { untrack } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';

import {
  severityOf,
  type DesktopApi,
  type DiagnosisEvent,
  type ResultEvent,
  type RunStartEvent,
  type RunSummary,
  type Severity,
  type TimelineEvent,
  type TimelineEventType,
} from '../contract';
import type { NoticesStore } from '../notices/notices-store.svelte';

import { RowBuilder } from './row-builder';
import { RunIndex, type ReadyStateEvent, type SeverityCounts } from './run-index';
import { groupKeyAt, snapshotFilter, type RowFilter, type TimelineRow } from './timeline-rows';
import type { WaterfallBar } from './waterfall-bars';

/** How times are printed: since the run started, or the wall clock. */
export type TimeMode = 'relative' | 'wall';

const ALL_SEVERITIES: Severity[] = ['debug', 'info', 'warn', 'error'];

/**
 * The timeline of one run: the append-only event log (kept raw, so 100,000 events are not
 * made deeply reactive), catch-up after a reload, filters and the selected event.
 *
 * Everything derived from the log is kept up to date in `#ingest`, batch by batch, so a pushed
 * batch costs its own length however long the run is: the rows (`RowBuilder`), the counts,
 * findings, last result and waterfall (`RunIndex`). Only a filter change rebuilds the rows,
 * once, from the whole log. Components read rows through `rowsBetween` and friends, which
 * touch only what they return.
 */
export class TimelineStore {
  runId = $state<string | null>(null);
  summary = $state<RunSummary | null>(null);
  events = $state.raw<TimelineEvent[]>([]);
  isLoading = $state(false);
  selectedSeq = $state<number | null>(null);
  /** Bumped with a seq to ask the list to scroll there. */
  scrollRequest = $state<{ seq: number; nonce: number } | null>(null);

  timeMode = $state<TimeMode>('relative');
  /**
   * Set when the menu's Export run came while another view was shown: the app switches to the
   * timeline, whose export panel then takes the request as it mounts.
   */
  isExportPending = false;
  readonly #hiddenTypes = new SvelteSet<TimelineEventType>();
  readonly #severities = new SvelteSet<Severity>(ALL_SEVERITIES);
  #showLowLevel = $state(false);
  /** Phase groups the user unfolded, by key. */
  readonly #expanded = new SvelteSet<string>();

  /** Rows in the list (headers and events) under the current filters. */
  rowCount = $state(0);
  /** Event rows in the list. */
  shownCount = $state(0);
  /** The event types present in the run, sorted, for the type filter. */
  types = $state.raw<TimelineEventType[]>([]);
  typeCounts = $state.raw<Readonly<Partial<Record<TimelineEventType, number>>>>({});
  severityCounts = $state.raw<Readonly<SeverityCounts>>(emptySeverityCounts());
  findings = $state.raw<DiagnosisEvent[]>([]);
  result = $state.raw<ResultEvent | null>(null);
  /** The newest `readyStateChange`, so nothing needs to search the log for it. */
  lastReady = $state.raw<ReadyStateEvent | null>(null);
  waterfall = $state.raw<WaterfallBar[]>([]);

  readonly lastSeq = $derived(this.events.at(-1)?.seq ?? 0);
  readonly selected = $derived(this.#find(this.selectedSeq));
  readonly start: RunStartEvent | null = $derived(
    this.events[0]?.type === 'run.start' ? this.events[0] : null,
  );

  /** Grown in place, so not reactive itself: `#published` is replaced whenever it changed. */
  #rows: RowBuilder = new RowBuilder(this.#filterSnapshot());
  #published = $state.raw<{ rows: RowBuilder }>({ rows: this.#rows });
  #index = new RunIndex();

  readonly #api: DesktopApi;
  readonly #notices: NoticesStore;
  #isSyncing = false;
  #buffer: TimelineEvent[][] = [];
  #nonce = 0;

  constructor(api: DesktopApi, notices: NoticesStore) {
    this.#api = api;
    this.#notices = notices;
  }

  get hiddenTypes(): ReadonlySet<TimelineEventType> {
    return this.#hiddenTypes;
  }

  get severities(): ReadonlySet<Severity> {
    return this.#severities;
  }

  /** Unfolded groups, by key. */
  get expanded(): ReadonlySet<string> {
    return this.#expanded;
  }

  get showLowLevel(): boolean {
    return this.#showLowLevel;
  }

  set showLowLevel(value: boolean) {
    if (value === this.#showLowLevel) return;
    this.#showLowLevel = value;
    this.#rebuildRows();
  }

  /** Rows `first` to `last` (exclusive); reactive to appends and filter changes. */
  rowsBetween(first: number, last: number): TimelineRow[] {
    return this.#published.rows.rows.slice(first, last);
  }

  /** The row index of an event, or -1 when it is filtered out or folded. */
  rowIndexOf(seq: number): number {
    return this.#published.rows.indexOf(seq);
  }

  /** The row of the event `steps` events from row `from` (see `RowBuilder.stepEvents`). */
  stepEvents(from: number, steps: number): number {
    return this.#published.rows.stepEvents(from, steps);
  }

  /** Starts listening for pushed events; returns the unsubscribe function. */
  listen(): () => void {
    return this.#api.runs.onEvents(({ runId, events }) => {
      if (runId !== this.runId) return;
      if (this.#isSyncing) this.#buffer.push(events);
      else this.#append(events);
    });
  }

  /** Shows a run: everything it has so far, then whatever is pushed after. */
  async show(runId: string): Promise<void> {
    if (runId === this.runId) return;
    this.runId = runId;
    this.summary = null;
    this.selectedSeq = null;
    this.#expanded.clear();
    this.#replace([]);
    this.isLoading = true;
    this.#isSyncing = true;
    try {
      const log = await this.#api.runs.get(runId);
      if (this.runId !== runId) return;
      if (!log.ok) {
        this.#notices.showError(log.error, 'Could not open the run');

        return;
      }
      this.summary = log.value.summary;
      this.#replace(log.value.events);
    } catch (error) {
      this.#notices.showError(error, 'Could not open the run');
    } finally {
      if (this.runId === runId) this.isLoading = false;
      this.#finishSync();
    }
  }

  clear(): void {
    this.runId = null;
    this.#replace([]);
    this.summary = null;
    this.selectedSeq = null;
  }

  /** Updates the run's summary from a `run:state` push. */
  updateSummary(summary: RunSummary): void {
    if (summary.runId === this.runId) this.summary = summary;
  }

  select(seq: number | null): void {
    this.selectedSeq = seq;
  }

  /** Selects an event and scrolls to it, unfolding or unfiltering what hides it. */
  reveal(seq: number): void {
    const event = this.#find(seq);
    if (event === null) return;
    this.#hiddenTypes.delete(event.type);
    this.#severities.add(severityOf(event));
    const group = groupKeyAt(this.#index.groupStarts, seq);
    if (group !== null) this.#expanded.add(group);
    this.#rebuildRows();
    this.selectedSeq = seq;
    this.scrollRequest = { seq, nonce: ++this.#nonce };
  }

  toggleGroup(key: string): void {
    toggle(this.#expanded, key);
    this.#rebuildRows();
  }

  toggleType(type: TimelineEventType): void {
    toggle(this.#hiddenTypes, type);
    this.#rebuildRows();
  }

  toggleSeverity(severity: Severity): void {
    toggle(this.#severities, severity);
    this.#rebuildRows();
  }

  #append(batch: TimelineEvent[]): void {
    const fresh = batch.filter((event) => event.seq > this.lastSeq);
    if (fresh.length === 0) return;
    if (fresh[0]?.seq !== this.lastSeq + 1) {
      // A gap means pushes were missed (a reconnect): fetch what is missing instead.
      void this.#catchUp();

      return;
    }
    this.events = this.events.concat(fresh);
    this.#ingest(fresh);
  }

  /** Starts over with another log: the indexes and rows are rebuilt from it. */
  #replace(events: TimelineEvent[]): void {
    this.events = events;
    this.#index = new RunIndex();
    this.#rows = new RowBuilder(this.#filterSnapshot());
    this.#ingest(events);
  }

  /** Folds new events (just added to `events`) into every index and publishes what changed. */
  #ingest(fresh: readonly TimelineEvent[]): void {
    const index = this.#index;
    const typesBefore = index.typeCounts.size;
    const findingsBefore = index.findings.length;
    const barsBefore = index.waterfall.bars.length;
    index.push(fresh);
    this.#rows.push(fresh);

    untrack(() => {
      if (index.typeCounts.size !== typesBefore || this.types.length !== typesBefore) {
        this.types = [...index.typeCounts.keys()].sort();
      }
      this.typeCounts = Object.fromEntries(index.typeCounts);
      this.severityCounts = { ...index.severityCounts };
      if (index.findings.length !== findingsBefore || this.findings.length !== findingsBefore) {
        this.findings = index.findings.slice();
      }
      this.result = index.result;
      this.lastReady = index.ready;
      const bars = index.waterfall.bars;
      if (bars.length !== barsBefore || this.waterfall.length !== barsBefore) {
        this.waterfall = bars.slice();
      }
      this.#publishRows();
    });
  }

  /** A filter changed: one pass over the log under the new filters. */
  #rebuildRows(): void {
    const rows = new RowBuilder(this.#filterSnapshot());
    rows.push(untrack(() => this.events));
    this.#rows = rows;
    untrack(() => {
      this.#publishRows();
    });
  }

  #publishRows(): void {
    this.rowCount = this.#rows.rows.length;
    this.shownCount = this.#rows.shown;
    this.#published = { rows: this.#rows };
  }

  /** Plain copies: the builder must not subscribe whoever happens to run it to the sets. */
  #filterSnapshot(): RowFilter {
    return untrack(() =>
      snapshotFilter({
        hiddenTypes: this.#hiddenTypes,
        severities: this.#severities,
        showLowLevel: this.#showLowLevel,
        expanded: this.#expanded,
      }),
    );
  }

  async #catchUp(): Promise<void> {
    const runId = this.runId;
    if (runId === null || this.#isSyncing) return;
    this.#isSyncing = true;
    try {
      const missing = await this.#api.runs.eventsSince(runId, this.lastSeq);
      if (runId === this.runId && missing.ok) this.#append(missing.value);
    } catch (error) {
      this.#notices.showError(error, 'Could not fetch the missing events');
    } finally {
      this.#finishSync();
    }
  }

  #finishSync(): void {
    this.#isSyncing = false;
    const waiting = this.#buffer;
    this.#buffer = [];
    for (const batch of waiting) this.#append(batch);
  }

  #find(seq: number | null): TimelineEvent | null {
    if (seq === null) return null;
    // seq rises by one from the first event, so the index is usually a subtraction away.
    const first = this.events[0]?.seq ?? 0;
    const guess = this.events[seq - first];
    if (guess?.seq === seq) return guess;

    return this.events.find((event) => event.seq === seq) ?? null;
  }
}

function toggle<T>(set: SvelteSet<T>, value: T): void {
  if (set.has(value)) set.delete(value);
  else set.add(value);
}

function emptySeverityCounts(): SeverityCounts {
  return { debug: 0, info: 0, warn: 0, error: 0 };
}
