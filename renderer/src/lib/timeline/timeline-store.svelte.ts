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

import { buildRows, groupKeyOf } from './timeline-rows';

/** How times are printed: since the run started, or the wall clock. */
export type TimeMode = 'relative' | 'wall';

const ALL_SEVERITIES: Severity[] = ['debug', 'info', 'warn', 'error'];

/**
 * The timeline of one run: the append-only event log (kept raw, so 100,000 events are not
 * made deeply reactive), catch-up after a reload, filters and the selected event.
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
  readonly hiddenTypes = new SvelteSet<TimelineEventType>();
  readonly severities = new SvelteSet<Severity>(ALL_SEVERITIES);
  showLowLevel = $state(false);
  /** Phase groups the user unfolded, by key. */
  readonly expanded = new SvelteSet<string>();

  readonly rows = $derived(
    buildRows(this.events, {
      hiddenTypes: this.hiddenTypes,
      severities: this.severities,
      showLowLevel: this.showLowLevel,
      expanded: this.expanded,
    }),
  );
  readonly lastSeq = $derived(this.events.at(-1)?.seq ?? 0);
  readonly selected = $derived(this.#find(this.selectedSeq));
  readonly findings = $derived(
    this.events.filter((event): event is DiagnosisEvent => event.type === 'diagnosis'),
  );
  readonly result = $derived(this.#last<ResultEvent>('result'));
  readonly start: RunStartEvent | null = $derived(
    this.events[0]?.type === 'run.start' ? this.events[0] : null,
  );
  readonly types = $derived(distinctTypes(this.events));

  readonly #api: DesktopApi;
  readonly #notices: NoticesStore;
  #isSyncing = false;
  #buffer: TimelineEvent[][] = [];
  #nonce = 0;

  constructor(api: DesktopApi, notices: NoticesStore) {
    this.#api = api;
    this.#notices = notices;
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
    this.events = [];
    this.summary = null;
    this.selectedSeq = null;
    this.expanded.clear();
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
      this.events = log.value.events;
    } catch (error) {
      this.#notices.showError(error, 'Could not open the run');
    } finally {
      if (this.runId === runId) this.isLoading = false;
      this.#finishSync();
    }
  }

  clear(): void {
    this.runId = null;
    this.events = [];
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
    this.hiddenTypes.delete(event.type);
    this.severities.add(severityOf(event));
    const group = groupKeyOf(this.events, seq);
    if (group !== null) this.expanded.add(group);
    this.selectedSeq = seq;
    this.scrollRequest = { seq, nonce: ++this.#nonce };
  }

  toggleGroup(key: string): void {
    toggle(this.expanded, key);
  }

  toggleType(type: TimelineEventType): void {
    toggle(this.hiddenTypes, type);
  }

  toggleSeverity(severity: Severity): void {
    toggle(this.severities, severity);
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

  #last<E extends TimelineEvent>(type: E['type']): E | null {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const event = this.events[i];
      if (event?.type === type) return event as E;
    }

    return null;
  }
}

function toggle<T>(set: SvelteSet<T>, value: T): void {
  if (set.has(value)) set.delete(value);
  else set.add(value);
}

/** The event types present in a run, sorted, for the type filter. */
function distinctTypes(events: readonly TimelineEvent[]): TimelineEventType[] {
  const seen: TimelineEventType[] = [];
  for (const event of events) if (!seen.includes(event.type)) seen.push(event.type);

  return seen.sort();
}
