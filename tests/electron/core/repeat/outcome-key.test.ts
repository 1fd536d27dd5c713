import { describe, expect, it } from 'vitest';

import { outcomeKey } from '../../../../electron/core/repeat/outcome-key';

import { makeResult } from './make-result';

describe('outcomeKey', () => {
  it('counts a joined run as joined', () => {
    expect(outcomeKey(makeResult())).toBe('joined');
  });

  it('names the ready-state error code of an API refusal', () => {
    const result = makeResult({
      outcome: 'failed',
      readyStateError: {
        status: 403,
        errorCode: 4020,
        errorName: 'API_OVER_SEAT_LIMIT',
        content: '',
      },
      error: { code: 'api.rejected', message: 'refused' },
    });

    expect(outcomeKey(result)).toBe('ERROR 4020');
  });

  it('names the action and reason of a rejecting systemAction', () => {
    const result = makeResult({
      outcome: 'rejected',
      systemAction: { action: 'reject', reason: 'expired', info: 'over' },
      error: { code: 'join.rejected', message: 'rejected' },
    });

    expect(outcomeKey(result)).toBe('reject expired');
  });

  it('falls back to the engine error code', () => {
    const result = makeResult({
      outcome: 'failed',
      error: { code: 'http.timeout', message: 'no answer' },
    });

    expect(outcomeKey(result)).toBe('failed http.timeout');
  });

  it('counts a cancelled run as cancelled whatever else it carries', () => {
    const result = makeResult({
      outcome: 'cancelled',
      error: { code: 'run.cancelled', message: 'stopped' },
    });

    expect(outcomeKey(result)).toBe('cancelled');
  });
});
