import { describe, expect, it } from 'vitest';

import type { CliIo } from '../../../electron/cli/output';
import {
  createTimelinePrinter,
  describeEvent,
  headline,
} from '../../../electron/cli/timeline-printer';
import type { ResultEvent, TimelineEvent } from '../../../electron/contract';
import { memoryIo } from '../../support/cli-io';

function fakeIo(isTTY: boolean): { io: CliIo; output: () => string } {
  const { io, output } = memoryIo({ isTTY, cwd: '/' });

  return { io, output: () => output().stdout };
}

const base = { seq: 3, t: 12.345, at: '2026-12-03T09:00:01.250Z' };
const result: ResultEvent = {
  ...base,
  type: 'result',
  outcome: 'failed',
  durationMs: 40,
  readyState: -1,
  readyStateError: {
    status: 401,
    errorCode: 4005,
    errorName: 'API_CREDENTIALS_NOT_MATCH',
    content: 'x',
  },
  systemAction: null,
  error: { code: 'api.rejected', message: 'refused' },
  timings: {
    dnsMs: null,
    tcpMs: 1,
    tlsMs: null,
    ttfbMs: 5,
    totalMs: 6,
    apiAttempts: 1,
    socketConnectMs: null,
    joinMs: null,
    socketAttempts: 0,
  },
};

describe('createTimelinePrinter()', () => {
  it('prints wall-clock and relative time, the type and a description, plain off a TTY', () => {
    const { io, output } = fakeIo(false);
    const event: TimelineEvent = {
      ...base,
      type: 'readyStateChange',
      state: -1,
      stateName: 'ERROR',
      room: 'r',
      error: {
        status: 401,
        errorCode: 4005,
        errorName: 'API_CREDENTIALS_NOT_MATCH',
        content: 'Bad\ncreds',
      },
    };
    createTimelinePrinter(io).print(event);

    expect(output()).toBe(
      '09:00:01.250 +    12.3ms  readyStateChange  ERROR (-1) status ' +
        '401, errorCode 4005 API_CREDENTIALS_NOT_MATCH: Bad creds\n',
    );
  });

  it('colours SDK events on a TTY', () => {
    const { io, output } = fakeIo(true);
    createTimelinePrinter(io).print({ ...base, type: 'channelClose', reason: 'server' });

    expect(output()).toContain('\u001b[1m');
  });

  it('summarises the outcome and the timings', () => {
    const { io, output } = fakeIo(false);
    createTimelinePrinter(io).summary(result);

    expect(output()).toContain('Outcome: ERROR 4005 API_CREDENTIALS_NOT_MATCH (status 401)');
    expect(output()).toContain('api.rejected: refused');
    expect(output()).toContain('tcp 1.0ms, ttfb 5.0ms, api 6.0ms');
  });
});

describe('headline()', () => {
  it('names the reject reason of a rejected run', () => {
    expect(
      headline({
        ...result,
        outcome: 'rejected',
        readyState: 2,
        readyStateError: null,
        systemAction: { action: 'reject', reason: 'locked', info: '' },
      }),
    ).toBe('rejected: reject locked');
  });
});

describe('describeEvent()', () => {
  it('shows the ladder rung of a socket attempt', () => {
    expect(
      describeEvent({
        ...base,
        type: 'socket.attempt',
        attempt: 2,
        url: 'http://h:3000?rand=1',
        port: 3000,
        transport: 'websocket',
        fallbackType: 'fallbackPortNonSSL',
      }),
    ).toBe('#2 websocket http://h:3000?rand=1 [fallbackPortNonSSL]');
  });
});
