import { describe, expect, it } from 'vitest';

import type { SdkFlavour } from '../../../../electron/contract';
import { DEMO_APP_KEYS, DEMO_ROOMS } from '../../../../electron/core/demo-apps';
import { DEFAULT_HTTP_STATUS_BY_CODE } from '../../../../electron/sandbox';

import {
  checkShape,
  credentialsPlan,
  ofType,
  plan,
  readyStates,
  run,
  useSharedSandbox,
} from './harness';

const sandbox = useSharedSandbox();

const k = DEMO_APP_KEYS;

/** Each API error the default scenario produces, and the plan that provokes it. */
const CASES: {
  code: number;
  name: string;
  make: (server: string, sdk: SdkFlavour) => ReturnType<typeof plan>;
}[] = [
  { code: 4001, name: 'API_INVALID', make: (s, sdk) => plan(s, { sdk, appKey: 'no-such-key' }) },
  {
    code: 4002,
    name: 'API_DOMAIN_NOT_MATCH',
    make: (s, sdk) => plan(s, { sdk, appKey: k.domainBound }),
  },
  {
    code: 4003,
    name: 'API_CORS_DOMAIN_NOT_MATCH',
    make: (s, sdk) => plan(s, { sdk, origin: 'https://evil.example.org' }),
  },
  { code: 4004, name: 'API_CREDENTIALS_INVALID', make: (s, sdk) => plan(s, { sdk, origin: null }) },
  {
    code: 4005,
    name: 'API_CREDENTIALS_NOT_MATCH',
    make: (s, sdk) => credentialsPlan(s, { sdk, secret: 'not-the-secret' }),
  },
  {
    code: 4006,
    name: 'API_INVALID_PARENT_KEY',
    make: (s, sdk) => plan(s, { sdk, appKey: k.orphan }),
  },
  {
    code: 4010,
    name: 'API_NO_MEETING_RECORD_FOUND',
    make: (s, sdk) => credentialsPlan(s, { sdk, appKey: k.persistent, room: DEMO_ROOMS.meeting }),
  },
  { code: 4020, name: 'API_OVER_SEAT_LIMIT', make: (s, sdk) => plan(s, { sdk, appKey: k.seats }) },
  {
    code: 4021,
    name: 'API_RETRIEVAL_FAILED',
    make: (s, sdk) => plan(s, { sdk, appKey: k.tokenFailure }),
  },
  {
    code: 5005,
    name: 'API_WRONG_ACCESS_DOMAIN',
    make: (s, sdk) => plan(s, { sdk, appKey: k.otherServer }),
  },
];

describe('runHandshake() API errors', () => {
  for (const { code, name, make } of CASES) {
    const status = DEFAULT_HTTP_STATUS_BY_CODE[code] ?? 0;

    it(`reports ${code} as ERROR ${status}/${code} in 0.6`, async () => {
      const { events, result } = await run(make(sandbox.url, '0.6'));

      checkShape(events);
      expect(readyStates(events)).toEqual(['0', '1', `-1:${status}/${code}`]);
      expect(result).toMatchObject({
        outcome: 'failed',
        readyState: -1,
        readyStateError: { status, errorCode: code, errorName: name },
        error: { code: 'api.rejected' },
      });
      expect(ofType(events, 'socket.attempt')).toHaveLength(0);
    });

    it(
      `reports ${code} as ERROR ${status}/${status} ` + `in 2.x and notes the hidden code`,
      async () => {
        const { events, result } = await run(make(sandbox.url, '2.x'));

        checkShape(events);
        expect(readyStates(events)).toEqual(['0', '1', `-1:${status}/${status}`]);
        expect(result.readyStateError).toMatchObject({ status, errorCode: status });
        const notes = ofType(events, 'note').map((n) => n.message);
        expect(notes.some((m) => m.includes(`error: ${code}`))).toBe(true);
      },
    );
  }

  it('joins the persistent key with its scheduled meeting (the 4010 control)', async () => {
    const { result } = await run(
      credentialsPlan(sandbox.url, {
        appKey: k.persistent,
        room: DEMO_ROOMS.meeting,
        startDateTime: 'today',
        duration: 24,
      }),
    );

    expect(result.outcome).toBe('joined');
  });
});
