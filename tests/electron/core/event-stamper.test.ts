import { describe, expect, it } from 'vitest';

import type { TimelineEvent } from '../../../electron/contract';
import { manualClock } from '../../../electron/core/clock';
import { createEventStamper } from '../../../electron/core/event-stamper';
import { Redactor } from '../../../electron/core/redactor';

describe('createEventStamper()', () => {
  it('stamps seq from 1, t from the monotonic clock and at from the wall clock', () => {
    const clock = manualClock(Date.parse('2026-12-03T09:00:00.000Z'));
    const seen: TimelineEvent[] = [];
    const stamper = createEventStamper({
      clock,
      redactor: new Redactor(),
      sink: (e) => seen.push(e),
    });

    stamper.emit({ type: 'note', level: 'info', message: 'one' });
    clock.advance(250);
    stamper.emit({ type: 'note', level: 'info', message: 'two' });

    expect(seen.map((e) => [e.seq, e.t, e.at])).toEqual([
      [1, 0, '2026-12-03T09:00:00.000Z'],
      [2, 250, '2026-12-03T09:00:00.250Z'],
    ]);
    expect(stamper.events).toEqual(seen);
  });

  it('scrubs every string through the redactor before the sink sees it', () => {
    const redactor = new Redactor();
    redactor.register('secret', 'hunter2-secret');
    const seen: TimelineEvent[] = [];
    const stamper = createEventStamper({
      clock: manualClock(0),
      redactor,
      sink: (e) => seen.push(e),
    });

    stamper.emit({
      type: 'note',
      level: 'warn',
      message: 'x hunter2-secret y',
      detail: { k: ['hunter2-secret'] },
    });

    expect(JSON.stringify(seen)).not.toContain('hunter2-secret');
    expect(seen[0]).toMatchObject({
      message: expect.stringMatching(/^x \[REDACTED:secret#[0-9a-f]{8}\] y$/),
    });
  });

  it('stamps a copy: the event handed in is left as it was', () => {
    const stamper = createEventStamper({
      clock: manualClock(0),
      redactor: new Redactor(),
      sink: () => undefined,
    });
    const event = { type: 'note' as const, level: 'info' as const, message: 'as given' };

    const stamped = stamper.emit(event);

    expect(stamped).not.toBe(event);
    expect(event).toEqual({ type: 'note', level: 'info', message: 'as given' });
    expect(Object.keys(stamped)).toEqual(['type', 'level', 'message', 'seq', 't', 'at']);
  });

  it('keeps going when the sink throws', () => {
    const stamper = createEventStamper({
      clock: manualClock(0),
      redactor: new Redactor(),
      sink: () => {
        throw new Error('sink broke');
      },
    });

    stamper.emit({ type: 'note', level: 'info', message: 'a' });
    const second = stamper.emit({ type: 'note', level: 'info', message: 'b' });

    expect(second.seq).toBe(2);
  });
});
