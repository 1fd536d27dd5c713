import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS, DEMO_ROOMS, DEMO_SECRETS } from '../../../electron/core/demo-apps';
import { DiagnosticError } from '../../../electron/core/diagnostic-error';
import {
  createSandbox,
  defaultScenario,
  describeScenario,
  parseScenario,
} from '../../../electron/sandbox';

const FIXTURES = join(process.cwd(), 'tests/fixtures/scenarios');

function errorOf(value: unknown): string {
  const parsed = parseScenario(value);
  if (parsed.ok) throw new Error('expected the scenario to be rejected');
  expect(parsed.error.code).toBe('input.invalid');

  return parsed.error.message;
}

const app = { appKey: 'k', secret: 's' };

describe('parseScenario', () => {
  it.each([
    [
      { apps: [{ appKey: 'k', secret: 42 }] },
      'Expected `apps[0].secret` to be a non-empty string, got `42`',
    ],
    [
      { apps: [{ secret: 's' }] },
      'Expected `apps[0].appKey` to be a non-empty string, got nothing',
    ],
    [{ apps: 'nope' }, 'Expected `apps` to be an array, got `nope`'],
    [{ apps: [app, app] }, 'Expected `apps[1].appKey` to be unique'],
    [
      { apps: [{ ...app, corsUrls: ['a', ''] }] },
      'Expected `apps[0].corsUrls[1]` to be a non-empty string',
    ],
    [
      { apps: [{ ...app, seatLimit: -1 }] },
      'Expected `apps[0].seatLimit` to be a whole number of at least 0',
    ],
    [
      { apps: [{ ...app, persistent: 'yes' }] },
      'Expected `apps[0].persistent` to be true or false',
    ],
    [
      { apps: [{ ...app, meetings: [{ room: 'r', startDateTime: 'tuesday', duration: 1 }] }] },
      'Expected `apps[0].meetings[0].startDateTime` to be an ISO 8601 date',
    ],
    [
      { apps: [{ ...app, meetings: [{ room: 'r', startDateTime: 'today', duration: 0 }] }] },
      'Expected `apps[0].meetings[0].duration` to be a number',
    ],
    [{ apps: [{ ...app, colour: 'red' }] }, 'Unknown field `apps[0].colour`'],
    [{ lockedRooms: [{ appKey: 'k' }] }, 'Expected `lockedRooms[0].room` to be a non-empty string'],
    [{ faults: [{ fault: 'explode' }] }, 'Expected `faults[0].fault` to be one of `delay`'],
    [{ faults: [{ ms: 5 }] }, 'Expected `faults[0].fault` to be one of'],
    [
      { faults: [{ fault: 'server-error', status: 404 }] },
      'Expected `faults[0].status` to be a whole number between 500 and 599',
    ],
    [
      { apps: [{ ...app, faults: [{ fault: 'delay', match: { host: 'x' } }] }] },
      'Unknown field `apps[0].faults[0].match.host`',
    ],
    [{ clockOffsetMs: '5' }, 'Expected `clockOffsetMs` to be a number'],
    [
      { httpStatusByCode: { 4001: 99 } },
      'Expected `httpStatusByCode.4001` to be a whole number between 200 and 599',
    ],
    [
      { httpStatusByCode: { bad: 400 } },
      'Expected `httpStatusByCode.bad` to be keyed by a 4-digit API code',
    ],
    [{ corsMatch: 'regex' }, 'Expected `corsMatch` to be one of `host`, `host-port`, `origin`'],
    [{ emptyCorsUrlsCode: 4005 }, 'Expected `emptyCorsUrlsCode` to be one of `4003`, `4004`'],
    [
      { signalling: { deadPorts: 99 } },
      'Expected `signalling.deadPorts` to be a whole number between 0 and 16',
    ],
    [{ signalling: { deadPortMode: 'open' } }, 'Expected `signalling.deadPortMode` to be one of'],
    [{ signalling: { ports: 1 } }, 'Unknown field `signalling.ports`'],
    [{ constraints: { pc: 1 } }, 'Expected `constraints.pc` to be a non-empty string'],
    [[], 'Expected `scenario` to be an object'],
    [{ appz: [] }, 'Unknown field `appz`'],
  ])('names the field of %j', (value, message) => {
    expect(errorOf(value)).toContain(message);
  });

  it('fills in every documented default', () => {
    const parsed = parseScenario({ apps: [app] });
    if (!parsed.ok) throw new Error(parsed.error.message);

    expect(parsed.value.apps[0]).toMatchObject({
      corsUrls: [],
      persistent: false,
      seatLimit: 10,
      parentApp: true,
      enabled: true,
      authHost: null,
      domainName: null,
      mintingFails: false,
      describeMode: 'credentials',
    });
    expect(parsed.value).toMatchObject({
      clockOffsetMs: 0,
      corsMatch: 'host',
      emptyCorsUrlsCode: 4004,
      windowCheck: 'join',
      notStartApplies: 'all',
      maxDurationHours: null,
      ipSigserverStyle: 'auto',
      allowQueryFaults: true,
      signalling: {
        deadPorts: 0,
        extraLivePorts: 0,
        tokenMaxAgeSeconds: 600,
        fastMessageIntervalMs: 100,
        toCloseLeadSeconds: 300,
      },
    });
  });

  it('reads a bare room name as a room of every key', () => {
    const parsed = parseScenario({ lockedRooms: ['r'], duplicateLoginRooms: [{ room: 't' }] });
    if (!parsed.ok) throw new Error(parsed.error.message);

    expect(parsed.value.lockedRooms).toEqual([{ appKey: '*', room: 'r' }]);
    expect(parsed.value.duplicateLoginRooms).toEqual([{ appKey: '*', room: 't' }]);
  });

  it('parses a parsed scenario again to the same value', () => {
    const once = defaultScenario();
    const twice = parseScenario(once);

    expect(twice).toEqual({ ok: true, value: once });
  });

  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.json')))(
    'accepts the fixture %s',
    (name) => {
      const parsed = parseScenario(JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')));

      expect(parsed.ok ? 'ok' : parsed.error.message).toBe('ok');
    },
  );
});

describe('defaultScenario', () => {
  it('has one app per demo key with its demo secret, and the special rooms', () => {
    const scenario = defaultScenario();
    const keys = Object.values(DEMO_APP_KEYS);

    expect(scenario.apps.map((a) => a.appKey)).toEqual(keys);
    for (const a of scenario.apps) expect(a.secret).toBe(DEMO_SECRETS[a.appKey]);
    expect(scenario.lockedRooms).toEqual([{ appKey: '*', room: DEMO_ROOMS.locked }]);
    expect(scenario.duplicateLoginRooms).toEqual([
      { appKey: '*', room: DEMO_ROOMS.duplicateLogin },
    ]);
  });
});

describe('createSandbox with an invalid scenario', () => {
  it('throws input.invalid naming the field', async () => {
    const attempt = createSandbox({ apps: [{ appKey: 'k', secret: 42 }] });

    await expect(attempt).rejects.toBeInstanceOf(DiagnosticError);
    await expect(attempt).rejects.toMatchObject({
      code: 'input.invalid',
      message: 'Expected `apps[0].secret` to be a non-empty string, got `42`',
    });
  });
});

describe('describeScenario', () => {
  it('prints every key, its secret, its outcome and a run command', () => {
    const text = describeScenario(defaultScenario());

    for (const [key, secret] of Object.entries(DEMO_SECRETS)) {
      expect(text).toContain(key);
      expect(text).toContain(secret);
      expect(text).toContain(`--app-key ${key}`);
    }
    for (const outcome of ['4006', '5005', '4002', '4010', '4020', '4021', 'keyFailed', '4004']) {
      expect(text).toContain(outcome);
    }
    expect(text).toContain('--room locked-room');
    expect(text).toContain('--room twin-room');
    expect(text).toContain('--start now-3h');
  });

  it('points the commands at --server when given a url', () => {
    const text = describeScenario(defaultScenario(), { serverUrl: 'http://127.0.0.1:9000' });

    expect(text).toContain('skylink-diag run --server http://127.0.0.1:9000');
    expect(text).not.toContain('--sandbox');
  });
});
