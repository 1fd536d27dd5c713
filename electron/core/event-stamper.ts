import type { TimelineEvent, UnstampedEvent } from '../contract';

import type { Clock } from './clock';
import { createLogger } from './logger';
import type { Redactor } from './redactor';

const log = createLogger('diag:stamper');

/** Stamps, redacts and delivers the events of one run. */
export interface EventStamper {
  /** Stamps `seq`/`t`/`at`, scrubs every string through the redactor, hands it to the sink. */
  emit(event: UnstampedEvent): TimelineEvent;
  /** Every event delivered so far, in order (already redacted). */
  readonly events: readonly TimelineEvent[];
  /** Milliseconds since the run started, on the monotonic clock. */
  elapsed(): number;
}

/**
 * Creates the stamper of one run. `seq` rises from 1, `t` is monotonic milliseconds since
 * creation, `at` the wall clock. A sink that throws is logged and does not stop the run.
 */
export function createEventStamper(options: {
  clock: Clock;
  redactor: Redactor;
  sink: (event: TimelineEvent) => void;
}): EventStamper {
  const { clock, redactor, sink } = options;
  const startedAt = clock.monotonic();
  const events: TimelineEvent[] = [];
  let seq = 0;

  const elapsed = (): number => Math.round((clock.monotonic() - startedAt) * 1000) / 1000;

  return {
    events,
    elapsed,
    emit(event) {
      seq += 1;
      // The scrub already copies the event; the stamp goes onto that copy (none of its
      // fields can hold a secret) rather than onto a second copy made first.
      const stamped = redactor.scrub(event) as TimelineEvent;
      stamped.seq = seq;
      stamped.t = elapsed();
      stamped.at = new Date(clock.now()).toISOString();
      events.push(stamped);
      try {
        sink(stamped);
      } catch (error) {
        log.warn('event sink threw', { error, seq });
      }

      return stamped;
    },
  };
}
