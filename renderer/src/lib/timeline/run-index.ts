import {
  phaseOf,
  severityOf,
  type DiagnosisEvent,
  type Phase,
  type ResultEvent,
  type Severity,
  type TimelineEvent,
  type TimelineEventType,
} from '../contract';

import { WaterfallBuilder } from './waterfall-bars';

/** The last `readyStateChange` of a run: what the run bar prints as the SDK's state. */
export type ReadyStateEvent = Extract<TimelineEvent, { type: 'readyStateChange' }>;

/** Events of each severity. */
export type SeverityCounts = Record<Severity, number>;

/**
 * What the timeline derives from the whole log but does not depend on the filters: counts per
 * type and severity, the findings, the last `result` and ready state, where each phase group
 * starts, the waterfall. Folded in batch by batch, so a batch costs its own length.
 */
export class RunIndex {
  readonly typeCounts = new Map<TimelineEventType, number>();
  readonly severityCounts: SeverityCounts = { debug: 0, info: 0, warn: 0, error: 0 };
  /** Grown in place, in seq order. */
  readonly findings: DiagnosisEvent[] = [];
  result: ResultEvent | null = null;
  ready: ReadyStateEvent | null = null;
  /** The seq opening each run of same-phase events, ascending: groups are keyed by it. */
  readonly groupStarts: number[] = [];
  readonly waterfall = new WaterfallBuilder();
  #phase: Phase | null = null;

  /** Adds events (ascending seq, after every event pushed before). */
  push(events: readonly TimelineEvent[]): void {
    for (const event of events) {
      this.typeCounts.set(event.type, (this.typeCounts.get(event.type) ?? 0) + 1);
      this.severityCounts[severityOf(event)] += 1;
      const phase = phaseOf(event);
      if (phase !== this.#phase) {
        this.#phase = phase;
        this.groupStarts.push(event.seq);
      }
      if (event.type === 'diagnosis') this.findings.push(event);
      else if (event.type === 'result') this.result = event;
      else if (event.type === 'readyStateChange') this.ready = event;
    }
    this.waterfall.push(events);
  }
}
