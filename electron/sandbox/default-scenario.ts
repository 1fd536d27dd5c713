import { DEMO_APP_KEYS, DEMO_MEETING, DEMO_ROOMS, DEMO_SECRETS } from '../core/demo-apps';

import { parseScenario } from './parse-scenario';
import type { Scenario } from './scenario-types';

/** The hosts the demo keys accept in CORS mode (DEMO_ORIGIN's host, and localhost). */
export const DEMO_CORS_URLS = ['app.example.com', 'localhost'];

/** An auth host that is never ours, so the other-server key answers 5005. */
export const OTHER_AUTH_HOST = 'api.other-region.example';

/** A documentation-range IP (RFC 5737) no caller ever has, so the bound key answers 4002. */
export const FOREIGN_SERVER_IP = '198.51.100.20';

function secretOf(appKey: string): string {
  const secret = DEMO_SECRETS[appKey];
  // DEMO_SECRETS is keyed by every DEMO_APP_KEYS value; a miss is a programming error.
  if (secret === undefined) throw new Error(`No demo secret for \`${appKey}\``);

  return secret;
}

/** Seats of the demo success keys: above any concurrency `run --repeat` accepts (500). */
const DEMO_SEAT_LIMIT = 1000;

function demoApp(appKey: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { appKey, secret: secretOf(appKey), corsUrls: DEMO_CORS_URLS, ...extra };
}

/** The default scenario as raw JSON, so `--describe` and tests can print or alter it. */
export function defaultScenarioJson(): Record<string, unknown> {
  const k = DEMO_APP_KEYS;

  return {
    apps: [
      // The success keys have room for `run --repeat` at high concurrency: overlapping runs
      // must not hit 4020, which the seat-limit key reproduces on purpose.
      demoApp(k.cors, { seatLimit: DEMO_SEAT_LIMIT }),
      demoApp(k.credentials, { describeMode: 'credentials', seatLimit: DEMO_SEAT_LIMIT }),
      demoApp(k.persistent, { persistent: true, meetings: [{ ...DEMO_MEETING }] }),
      demoApp(k.seats, { seatLimit: 0 }),
      demoApp(k.orphan, { parentApp: false }),
      demoApp(k.otherServer, { authHost: OTHER_AUTH_HOST }),
      demoApp(k.domainBound, { domainName: FOREIGN_SERVER_IP }),
      demoApp(k.tokenFailure, { mintingFails: true }),
      demoApp(k.disabled, { enabled: false }),
      demoApp(k.credentialsOnly, { corsUrls: [] }),
    ],
    lockedRooms: [{ appKey: '*', room: DEMO_ROOMS.locked }],
    duplicateLoginRooms: [{ appKey: '*', room: DEMO_ROOMS.duplicateLogin }],
    clockOffsetMs: 0,
    faults: [],
    description: 'The demo platform: one key per failure (electron/core/demo-apps.ts)',
  };
}

/** The scenario the sandbox runs when given none: one app per demo key. */
export function defaultScenario(): Scenario {
  const parsed = parseScenario(defaultScenarioJson());
  // The default is built from our own constants; failing to parse it is a programming error.
  if (!parsed.ok) throw new Error(`The default scenario is invalid: ${parsed.error.message}`);

  return parsed.value;
}
