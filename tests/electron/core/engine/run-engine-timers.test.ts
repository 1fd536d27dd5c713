import { createServer, type Server, type Socket } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { systemTimers, type Timers } from '../../../../electron/core/timers';

import { network, ofType, plan, run } from './harness';

/** Node's timers at 1/200 of the asked delay, recording every delay the engine asked for. */
function timeLapse(): Timers & { asked: number[] } {
  const asked: number[] = [];

  return {
    asked,
    setTimeout(callback, ms) {
      asked.push(ms);

      return systemTimers.setTimeout(callback, ms / 200);
    },
    clearTimeout: (handle) => {
      systemTimers.clearTimeout(handle);
    },
  };
}

let server: Server;
let url: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  // Accepts and never answers: every API attempt can only end by its timeout.
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('runHandshake() with injected timers', () => {
  it('runs the 0.6 ladder of 4 s × 3 attempts on the timers it is given', async () => {
    const timers = timeLapse();
    const started = performance.now();

    const { events, result } = await run(plan(url, { network: network({ deadlineMs: 60_000 }) }), {
      timers,
    });

    const elapsed = performance.now() - started;
    expect(result.readyStateError).toMatchObject({ status: -1, errorCode: -2 });
    expect(ofType(events, 'http.request')).toHaveLength(3);
    expect(timers.asked.filter((ms) => ms === 4000)).toHaveLength(3);
    expect(timers.asked).toContain(60_000);
    // 12 s of timeouts on Node's timers; a fraction of that on the time-lapse ones.
    expect(elapsed).toBeLessThan(4000);
  });

  it('ends with run.deadline when the injected deadline fires first', async () => {
    const timers = timeLapse();

    const { result } = await run(
      plan(url, { sdk: '2.x', network: network({ deadlineMs: 20_000 }) }),
      { timers },
    );

    expect(result.error?.code).toBe('run.deadline');
    expect(timers.asked).toContain(20_000);
  });
});
