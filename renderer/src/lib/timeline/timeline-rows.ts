import {
  phaseOf,
  SDK_EVENT_TYPES,
  severityOf,
  type Phase,
  type Severity,
  type TimelineEvent,
  type TimelineEventType,
} from '../contract';

/** A phase header of the timeline: it opens each run of consecutive events of one phase. */
export interface PhaseRow {
  kind: 'phase';
  key: string;
  /** The seq of the group's first event (shown or not): it orders the header among rows. */
  seq: number;
  phase: Phase;
  /** Events of the group that pass the filters. */
  count: number;
  /** Lower-level events folded away in this group. */
  folded: number;
  isExpanded: boolean;
}

/** One event of the timeline. */
export interface EventRow {
  kind: 'event';
  key: string;
  event: TimelineEvent;
  severity: Severity;
  isLowLevel: boolean;
}

/** A row of the virtual list. */
export type TimelineRow = PhaseRow | EventRow;

/** What decides which rows show. */
export interface RowFilter {
  hiddenTypes: ReadonlySet<TimelineEventType>;
  severities: ReadonlySet<Severity>;
  showLowLevel: boolean;
  /** Groups (by key) the user unfolded. */
  expanded: ReadonlySet<string>;
}

/** A frozen copy of a filter, so building rows reads no reactive set. */
export function snapshotFilter(filter: RowFilter): RowFilter {
  return {
    hiddenTypes: new Set(filter.hiddenTypes),
    severities: new Set(filter.severities),
    showLowLevel: filter.showLowLevel,
    expanded: new Set(filter.expanded),
  };
}

/** The phases' labels, as the timeline prints them. */
export const PHASE_LABELS: Record<Phase, string> = {
  setup: 'Setup',
  api: 'API request',
  signalling: 'Signalling',
  outcome: 'Outcome',
};

const PROMINENT: ReadonlySet<TimelineEventType> = new Set([
  ...SDK_EVENT_TYPES,
  'run.start',
  'result',
  'diagnosis',
  'step.failed',
]);

/** Low-level events are the plumbing under the SDK's own events: shown on request. */
export function isLowLevel(event: TimelineEvent, severity: Severity): boolean {
  return !PROMINENT.has(event.type) && severity === 'debug';
}

/**
 * Turns the event log into rows: a header per run of same-phase events, then the events that
 * pass the filters, with lower-level ones folded unless their group is open. This is the
 * from-scratch form; the store keeps its rows with `RowBuilder`, batch by batch, and the tests
 * hold the two to the same answer.
 */
export function buildRows(events: readonly TimelineEvent[], filter: RowFilter): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let header: PhaseRow | null = null;

  for (const event of events) {
    const phase = phaseOf(event);
    if (header === null || header.phase !== phase) {
      const key = `g${event.seq}`;
      header = {
        kind: 'phase',
        key,
        seq: event.seq,
        phase,
        count: 0,
        folded: 0,
        isExpanded: filter.showLowLevel || filter.expanded.has(key),
      };
      rows.push(header);
    }
    const severity = severityOf(event);
    if (filter.hiddenTypes.has(event.type) || !filter.severities.has(severity)) continue;

    header.count += 1;
    const low = isLowLevel(event, severity);
    if (low && !header.isExpanded) {
      header.folded += 1;
      continue;
    }
    rows.push({ kind: 'event', key: `e${event.seq}`, event, severity, isLowLevel: low });
  }

  // A header whose events were all filtered out says nothing.
  return rows.filter((row) => row.kind === 'event' || row.count > 0);
}

/** The key of the group an event falls in, from the seqs that open each group (ascending). */
export function groupKeyAt(groupStarts: readonly number[], seq: number): string | null {
  let low = 0;
  let high = groupStarts.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = groupStarts[middle] ?? 0;
    if (start <= seq) {
      found = start;
      low = middle + 1;
    } else high = middle - 1;
  }

  return found === null ? null : `g${found}`;
}
