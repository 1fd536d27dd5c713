import { describe, expect, it } from 'vitest';

import { computeCredentials } from '../../../../electron/core/credentials';
import { DEMO_APP_KEYS, DEMO_SECRETS } from '../../../../electron/core/demo-apps';

import { credentialsPlan, ofType, run, useSharedSandbox } from './harness';

const sandbox = useSharedSandbox();

describe('runHandshake() redaction', () => {
  for (const sdk of ['0.6', '2.x'] as const) {
    it(`leaks no secret, credentials or token into any event (${sdk})`, async () => {
      const secret = DEMO_SECRETS[DEMO_APP_KEYS.credentials] ?? '';
      const start = new Date(Date.now() - 60_000).toISOString();
      const runPlan = credentialsPlan(sandbox.url, { sdk, startDateTime: start, duration: 2 });
      const expected = computeCredentials({
        room: 'lobby',
        duration: '2',
        startDateTime: start,
        secret,
      });
      const { events, result, redactor } = await run(runPlan);

      expect(result.outcome).toBe('joined');
      const texts = events.map((event) => JSON.stringify(event));
      // The raw tokens the API sent, as the redactor learned them (it holds every form).
      const registered = [...redactor.revealMap()];
      const kinds = new Set(registered.map(([marker]) => /REDACTED:(\w+)/.exec(marker)?.[1]));
      expect([...kinds].sort()).toEqual(['credentials', 'roomCred', 'secret', 'userCred']);

      const forbidden = [
        secret,
        expected.base64,
        expected.credentials,
        decodeURIComponent(expected.credentials),
        ...registered.map(([, value]) => value),
      ];
      for (const value of forbidden) {
        for (const text of texts) expect(text).not.toContain(value);
      }
      // The values are present as markers where they were used.
      const joinRoom = ofType(events, 'socket.message').find((m) => m.messageType === 'joinRoom');
      expect(JSON.stringify(joinRoom)).toMatch(/\[REDACTED:roomCred#[0-9a-f]{8}\]/);
      expect(ofType(events, 'run.start')[0]?.plan.credentials).toMatch(/^\[REDACTED:credentials#/);
    });
  }
});
