import { describe, expect, it } from 'vitest';

import type { TimelineEvent } from '../../../../electron/contract';
import { RunKeeper } from '../../../../electron/core/repeat/run-keeper';

import { makeResult } from './make-result';

const EVENTS: TimelineEvent[] = [makeResult()];

describe('RunKeeper', () => {
  it('never holds more successes than its sample size', () => {
    const keeper = new RunKeeper({ keepSuccessSample: 5, keepFailures: 3 });
    for (let index = 0; index < 1000; index += 1) keeper.offer(`run-${index}`, 'joined', EVENTS);

    expect(keeper.kept().size).toBe(5);
    expect(keeper.failedRunIds()).toEqual([]);
  });

  it('samples successes from the whole batch, not only the first ones', () => {
    // A fixed sequence stands in for Math.random: slot = floor(r · seen).
    const keeper = new RunKeeper({ keepSuccessSample: 2, keepFailures: 0, random: () => 0 });
    for (let index = 0; index < 10; index += 1) keeper.offer(`run-${index}`, 'joined', EVENTS);

    // r = 0 always replaces slot 0, so the newest success sits there.
    expect(keeper.keptRunIds()).toEqual(['run-1', 'run-9']);
  });

  it('keeps failures up to the cap, in the order they finished', () => {
    const keeper = new RunKeeper({ keepSuccessSample: 0, keepFailures: 3 });
    for (let index = 0; index < 10; index += 1) {
      keeper.offer(`run-${index}`, 'failed http.timeout', EVENTS);
    }

    expect(keeper.failedRunIds()).toEqual(['run-0', 'run-1', 'run-2']);
  });

  it('makes room for a failure of a new kind by evicting one of the most common kind', () => {
    const keeper = new RunKeeper({ keepSuccessSample: 0, keepFailures: 3 });
    for (let index = 0; index < 5; index += 1) keeper.offer(`t-${index}`, 'ERROR 4020', EVENTS);
    keeper.offer('rare', 'reject expired', EVENTS);
    keeper.offer('rarer', 'failed socket.timeout', EVENTS);
    keeper.offer('rarest', 'failed internal', EVENTS);

    // Three kinds now hold one run each; the fourth kind finds no spare to evict.
    expect(keeper.failedRunIds()).toEqual(['t-0', 'rare', 'rarer']);
  });

  it('does not keep cancelled runs', () => {
    const keeper = new RunKeeper({ keepSuccessSample: 5, keepFailures: 5 });
    keeper.offer('run-1', 'cancelled', EVENTS);

    expect(keeper.kept().size).toBe(0);
  });
});
