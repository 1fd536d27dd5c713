import { phaseOf, severityOf, type Phase, type TimelineEvent } from '../contract';

import {
  isLowLevel,
  type EventRow,
  type PhaseRow,
  type RowFilter,
  type TimelineRow,
} from './timeline-rows';

/**
 * The timeline's rows for one filter, grown batch by batch: the same rows `buildRows` gives for
 * the whole log, at a cost proportional to the batch. Only the newest group can still change,
 * so a batch touches the tail of `rows` and nothing before it. A filter change makes a new
 * builder (one pass over the log); appends never rescan.
 */
export class RowBuilder {
  /** Ordered by seq (a header sorts just before its group's first event). Grown in place. */
  readonly rows: TimelineRow[] = [];
  /** Event rows among `rows`. */
  shown = 0;

  readonly #filter: RowFilter;
  /** The newest group's header, worked on privately; `rows` gets a fresh copy when it changes. */
  #header: PhaseRow | null = null;
  /** Where the newest group's header sits in `rows`, or -1 while none of its events passes. */
  #headerIndex = -1;

  constructor(filter: RowFilter) {
    this.#filter = filter;
  }

  /** Adds events (ascending seq, after every event pushed before). */
  push(events: readonly TimelineEvent[]): void {
    const filter = this.#filter;
    for (const event of events) {
      const phase: Phase = phaseOf(event);
      if (this.#header === null || this.#header.phase !== phase) this.#openGroup(event, phase);
      const header = this.#header;
      if (header === null) continue;
      const severity = severityOf(event);
      if (filter.hiddenTypes.has(event.type) || !filter.severities.has(severity)) continue;

      header.count += 1;
      // A header shows only once one of its events passes the filters.
      if (this.#headerIndex === -1) {
        this.#headerIndex = this.rows.length;
        this.rows.push({ ...header });
      }
      const low = isLowLevel(event, severity);
      if (low && !header.isExpanded) {
        header.folded += 1;
        continue;
      }
      const row: EventRow = {
        kind: 'event',
        key: `e${event.seq}`,
        event,
        severity,
        isLowLevel: low,
      };
      this.rows.push(row);
      this.shown += 1;
    }
    this.#flushHeader();
  }

  /** The index of the event's row, or -1 when it is filtered out or folded. O(log rows). */
  indexOf(seq: number): number {
    const rows = this.rows;
    let low = 0;
    let high = rows.length;
    // The first row whose order is at least `seq`: a header orders as its seq minus a half.
    while (low < high) {
      const middle = (low + high) >> 1;
      const row = rows[middle];
      const order = row === undefined ? Infinity : orderOf(row);
      if (order < seq) low = middle + 1;
      else high = middle;
    }
    const row = rows[low];

    return row?.kind === 'event' && row.event.seq === seq ? low : -1;
  }

  /**
   * The row of the event `steps` events away from row `from` (negative: upwards), stopping at
   * the first or last event. From -1 (nothing selected) any move lands on the first event.
   * Returns -1 when no event row exists. Walks only the rows it passes.
   */
  stepEvents(from: number, steps: number): number {
    const rows = this.rows;
    const direction = steps < 0 ? -1 : 1;
    let found = rows[from]?.kind === 'event' ? from : -1;
    let left = Math.abs(steps);
    for (let i = from + direction; left > 0 && i >= 0 && i < rows.length; i += direction) {
      if (rows[i]?.kind !== 'event') continue;
      found = i;
      left -= 1;
    }
    if (found !== -1) return found;
    for (let i = 0; i < rows.length; i++) if (rows[i]?.kind === 'event') return i;

    return -1;
  }

  #openGroup(event: TimelineEvent, phase: Phase): void {
    this.#flushHeader();
    const key = `g${event.seq}`;
    this.#header = {
      kind: 'phase',
      key,
      seq: event.seq,
      phase,
      count: 0,
      folded: 0,
      isExpanded: this.#filter.showLowLevel || this.#filter.expanded.has(key),
    };
    this.#headerIndex = -1;
  }

  /** A new object, so the list's keyed rows see the counts change. */
  #flushHeader(): void {
    const header = this.#header;
    const current = this.rows[this.#headerIndex];
    if (header === null || current?.kind !== 'phase') return;
    if (current.count !== header.count || current.folded !== header.folded) {
      this.rows[this.#headerIndex] = { ...header };
    }
  }
}

function orderOf(row: TimelineRow): number {
  return row.kind === 'event' ? row.event.seq : row.seq - 0.5;
}
