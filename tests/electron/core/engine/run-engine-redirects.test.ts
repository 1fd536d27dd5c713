import { describe, expect, it } from 'vitest';

import type { SdkFlavour } from '../../../../electron/contract';
import { DEMO_APP_KEYS, DEMO_ROOMS } from '../../../../electron/core/demo-apps';

import { checkShape, credentialsPlan, ofType, plan, run, useSharedSandbox } from './harness';

const sandbox = useSharedSandbox();

// `credentialError` and `oldTimeStamp` need tokens the API did not issue or a token older
// than the sandbox accepts; a faithful client on the default scenario reaches neither.
const CASES: {
  reason: string;
  make: (server: string, sdk: SdkFlavour) => ReturnType<typeof plan>;
}[] = [
  {
    reason: 'expired',
    make: (s, sdk) => credentialsPlan(s, { sdk, startDateTime: 'now-3h', duration: 1 }),
  },
  {
    reason: 'notStart',
    make: (s, sdk) => credentialsPlan(s, { sdk, startDateTime: 'now+90m', duration: 1 }),
  },
  { reason: 'locked', make: (s, sdk) => plan(s, { sdk, room: DEMO_ROOMS.locked }) },
  {
    reason: 'duplicatedLogin',
    make: (s, sdk) => plan(s, { sdk, room: DEMO_ROOMS.duplicateLogin }),
  },
  { reason: 'keyFailed', make: (s, sdk) => plan(s, { sdk, appKey: DEMO_APP_KEYS.disabled }) },
];

describe('runHandshake() signalling rejects', () => {
  for (const { reason, make } of CASES) {
    for (const sdk of ['0.6', '2.x'] as const) {
      it(`reports redirect reject ${reason} as systemAction in ${sdk}`, async () => {
        const { events, result } = await run(make(sandbox.url, sdk));

        checkShape(events);
        const actions = ofType(events, 'systemAction');
        expect(actions).toHaveLength(1);
        expect(actions[0]).toMatchObject({ action: 'reject', reason, room: expect.any(String) });
        expect(actions[0]?.rid).toEqual(expect.any(String));
        expect(result).toMatchObject({
          outcome: 'rejected',
          readyState: 2,
          systemAction: { action: 'reject', reason },
          error: { code: 'join.rejected' },
        });
        expect(ofType(events, 'peerJoined')).toHaveLength(0);
        expect(ofType(events, 'channelClose')).toHaveLength(1);
      });
    }
  }
});
