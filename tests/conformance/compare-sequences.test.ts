import { describe, expect, it } from 'vitest';

import { compareSequences, describeDifference } from './compare-sequences';
import type { ConformanceEvent } from './conformance-event';

const state = (value: number): ConformanceEvent => ({
  kind: 'readyStateChange',
  state: value,
  status: null,
  errorCode: null,
  room: 'lobby',
  content: null,
});
const init = state(0);
const loading = state(1);
const completed = state(2);
const error = (status: number, errorCode: number, content = 'Not found'): ConformanceEvent => ({
  kind: 'readyStateChange',
  state: -1,
  status,
  errorCode,
  room: 'lobby',
  content,
});
const open: ConformanceEvent = { kind: 'channelOpen' };
const joined: ConformanceEvent = { kind: 'peerJoined' };
const reject = (reason: string, info = 'Rejected'): ConformanceEvent => ({
  kind: 'systemAction',
  action: 'reject',
  reason,
  info,
});

describe('compareSequences()', () => {
  it('agrees when both sequences hold the same events in the same order', () => {
    const result = compareSequences(
      [init, loading, completed, open, joined],
      [init, loading, completed, open, joined],
    );

    expect(result).toEqual({ agree: true, differences: [] });
  });

  it('agrees on two empty sequences', () => {
    expect(compareSequences([], []).agree).toBe(true);
  });

  it('reports a changed error code as one difference naming the field', () => {
    const result = compareSequences(
      [init, loading, error(404, 404)],
      [init, loading, error(404, 4001)],
    );

    expect(result.agree).toBe(false);
    expect(result.differences).toEqual([
      {
        type: 'changed',
        sdkIndex: 2,
        engineIndex: 2,
        sdk: error(404, 404),
        engine: error(404, 4001),
        fields: ['errorCode'],
      },
    ]);
    expect(describeDifference(result.differences[0]!)).toBe(
      'SDK #3 readyStateChange ERROR status=404 errorCode=404 vs engine #3 readyStateChange ' +
        'ERROR status=404 errorCode=4001 (errorCode)',
    );
  });

  it('reports an event the engine lacks as missing', () => {
    const result = compareSequences(
      [init, loading, completed, open, joined],
      [init, loading, completed, joined],
    );

    expect(result.differences).toEqual([{ type: 'missing', sdkIndex: 3, sdk: open }]);
  });

  it('reports an event only the engine fires as extra', () => {
    const result = compareSequences([init, loading], [init, loading, error(-1, -2)]);

    expect(result.differences).toEqual([{ type: 'extra', engineIndex: 2, engine: error(-1, -2) }]);
    expect(describeDifference(result.differences[0]!)).toBe(
      'engine #3 readyStateChange ERROR status=-1 errorCode=-2: SDK has none',
    );
  });

  it('names every field that differs, the error text included', () => {
    const result = compareSequences(
      [error(404, 404, 'Status was: 404')],
      [error(403, 404, 'Forbidden')],
    );

    expect(result.differences).toEqual([
      expect.objectContaining({ type: 'changed', fields: ['status', 'content'] }),
    ]);
  });

  it('tells a different reject reason apart from a missing one', () => {
    const result = compareSequences(
      [init, loading, completed, open, reject('locked')],
      [init, loading, completed, open, reject('expired')],
    );

    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]).toMatchObject({ type: 'changed', fields: ['reason'] });
  });

  it('notices a reordering, which a set comparison would miss', () => {
    const result = compareSequences(
      [init, loading, completed, open],
      [init, completed, loading, open],
    );

    // The moved event shows up once where the SDK has it and once where the engine has it.
    expect(result.agree).toBe(false);
    expect(result.differences).toHaveLength(2);
    expect(result.differences.map((d) => d.type).sort()).toEqual(['extra', 'missing']);
  });

  it('pairs only events of one kind, so a join against a reject is missing plus extra', () => {
    const result = compareSequences([init, open, joined], [init, open, reject('locked')]);

    expect(result.differences.map((d) => d.type)).toEqual(['missing', 'extra']);
  });
});
