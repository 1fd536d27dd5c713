import { describe, expect, it } from 'vitest';

import { mapDisconnectReason } from '../../../../electron/core/signalling-client';

import {
  checkShape,
  credentialsPlan,
  network,
  ofType,
  plan,
  run,
  startSandbox,
  useSharedSandbox,
} from './harness';

describe('runHandshake() in the room', () => {
  const sandbox = useSharedSandbox();

  for (const sdk of ['0.6', '2.x'] as const) {
    const reason = sdk === '0.6' ? 'toclose' : 'toClose';
    it(
      `reports a toClose warning as ` + `systemAction ${reason} and stays joined (${sdk})`,
      async () => {
        // A 3-minute session is inside the sandbox's 5-minute closing lead: the warning comes at
        // once.
        const { events, result } = await run(
          credentialsPlan(sandbox.url, { sdk, duration: 0.05 }),
          {
            stayInRoomMs: 800,
          },
        );

        checkShape(events);
        expect(ofType(events, 'systemAction')).toEqual([
          expect.objectContaining({ action: 'warning', reason, room: 'lobby' }),
        ]);
        expect(result).toMatchObject({ outcome: 'joined', systemAction: null });
      },
    );
  }
});

describe('runHandshake() socket timeout', () => {
  it(
    'replaces a 0.6 socketTimeout under 5000 ' + 'ms by 7000, as init() does, and says so',
    async () => {
      const sandbox = await startSandbox();
      try {
        const short = network({ socketTimeoutMs: 1000 });
        const v06 = await run(plan(sandbox.url, { network: short }));
        const v2x = await run(plan(sandbox.url, { sdk: '2.x', network: short }));

        expect(ofType(v06.events, 'note').map((n) => n.message)).toContainEqual(
          expect.stringContaining('1000 ms becomes 7000 ms'),
        );
        expect(ofType(v2x.events, 'note')).toHaveLength(0);
        expect(v06.result.outcome).toBe('joined');
      } finally {
        await sandbox.close();
      }
    },
  );
});

describe('runHandshake() signalling failures', () => {
  it('ends a 2.x run whose bare signalling host refuses, noting the SDK would hang', async () => {
    // `host` style gives 2.x an ipSigserver without a port: it dials port 80 on 127.0.0.1.
    const sandbox = await startSandbox({ ipSigserverStyle: 'host' });
    try {
      const { events, result } = await run(plan(sandbox.url, { sdk: '2.x' }));

      checkShape(events);
      expect(ofType(events, 'socket.attempt')[0]?.url).toBe('http://127.0.0.1');
      expect(result).toMatchObject({
        outcome: 'failed',
        readyState: 2,
        error: { code: 'socket.refused' },
      });
      expect(result.error?.message).toContain('ECONNREFUSED');
      expect(ofType(events, 'socketError')).toHaveLength(0);
      expect(ofType(events, 'note').some((n) => n.message.includes('connect_error'))).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it('ends with run.deadline while the 0.6 ladder is still retrying', async () => {
    const sandbox = await startSandbox({ signalling: { deadPorts: 1 } });
    try {
      const { events, result } = await run(
        plan(sandbox.url, { network: network({ deadlineMs: 800 }) }),
      );

      checkShape(events);
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'run.deadline' } });
      expect(ofType(events, 'step.failed').at(-1)).toMatchObject({ step: 'connect' });
    } finally {
      await sandbox.close();
    }
  });
});

describe('mapDisconnectReason()', () => {
  it('maps socket.io reasons onto ours', () => {
    expect(mapDisconnectReason('io client disconnect')).toBe('client');
    expect(mapDisconnectReason('io server disconnect')).toBe('server');
    expect(mapDisconnectReason('transport close')).toBe('transport');
    expect(mapDisconnectReason('ping timeout')).toBe('timeout');
    expect(mapDisconnectReason('transport error')).toBe('error');
    expect(mapDisconnectReason('something new')).toBe('error');
  });
});
