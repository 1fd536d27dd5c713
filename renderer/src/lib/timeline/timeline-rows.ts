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
 * pass the filters, with lower-level ones folded unless their group is open. Linear in the
 * number of events, so it stays cheap at 100,000.
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

/** The key of the group an event falls in, so a jump to it can unfold that group. */
export function groupKeyOf(events: readonly TimelineEvent[], seq: number): string | null {
  let key: string | null = null;
  let phase: Phase | null = null;
  for (const event of events) {
    const current = phaseOf(event);
    if (current !== phase) {
      phase = current;
      key = `g${event.seq}`;
    }
    if (event.seq === seq) return key;
  }

  return null;
}
