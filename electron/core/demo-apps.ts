/**
 * The embedded sandbox's demo apps. The sandbox builds its default scenario from these and
 * the built-in profiles point at them, so the two cannot drift. The secrets are public demo
 * values: they open nothing but the local sandbox.
 */
export const DEMO_APP_KEYS = {
  /** CORS key registered for `app.example.com` and `localhost`. */
  cors: 'demo-cors-key',
  /** A key used with credentials (HMAC) authentication. */
  credentials: 'demo-credentials-key',
  /** Persistent-room key with one scheduled meeting. */
  persistent: 'demo-persistent-key',
  /** A key whose seat limit is already reached. */
  seats: 'demo-seat-limit-key',
  /** A key whose parent app was deleted. */
  orphan: 'demo-orphan-key',
  /** A key registered on another auth server (answers 5005 here). */
  otherServer: 'demo-other-server-key',
  /** A key bound to a server IP that is not ours (answers 4002). */
  domainBound: 'demo-domain-bound-key',
  /** A key whose token minting fails (answers 4021). */
  tokenFailure: 'demo-token-failure-key',
  /** A key that is disabled: the API answers, the signalling join fails with `keyFailed`. */
  disabled: 'demo-disabled-key',
  /** A key with no CORS domains at all: credentials only. */
  credentialsOnly: 'demo-credentials-only-key',
} as const;

/** Secrets of the demo apps, by key. */
export const DEMO_SECRETS: Record<string, string> = {
  [DEMO_APP_KEYS.cors]: 'demo-cors-secret',
  [DEMO_APP_KEYS.credentials]: 'demo-credentials-secret',
  [DEMO_APP_KEYS.persistent]: 'demo-persistent-secret',
  [DEMO_APP_KEYS.seats]: 'demo-seat-limit-secret',
  [DEMO_APP_KEYS.orphan]: 'demo-orphan-secret',
  [DEMO_APP_KEYS.otherServer]: 'demo-other-server-secret',
  [DEMO_APP_KEYS.domainBound]: 'demo-domain-bound-secret',
  [DEMO_APP_KEYS.tokenFailure]: 'demo-token-failure-secret',
  [DEMO_APP_KEYS.disabled]: 'demo-disabled-secret',
  [DEMO_APP_KEYS.credentialsOnly]: 'demo-credentials-only-secret',
};

/** Rooms with a special meaning in the default scenario. */
export const DEMO_ROOMS = {
  lobby: 'lobby',
  /** Locked for every key: joins are rejected with `locked`. */
  locked: 'locked-room',
  /** A phantom session already holds the token: joins are rejected with `duplicatedLogin`. */
  duplicateLogin: 'twin-room',
  /** The persistent key's scheduled meeting. */
  meeting: 'standup',
} as const;

/** The origin the CORS demo key accepts. */
export const DEMO_ORIGIN = 'https://app.example.com';

/**
 * The persistent key's meeting: 24 hours from the last 00:00 or 12:00 UTC. Anchored at
 * midnight alone, it would end at midnight, and a join in the last minutes of the UTC day
 * would get the sandbox's "about to end" warning on a recipe meant to simply succeed.
 */
export const DEMO_MEETING = {
  room: DEMO_ROOMS.meeting,
  startDateTime: 'half-day',
  duration: 24,
} as const;

const HALF_DAY_MS = 12 * 3_600_000;

/**
 * Resolves a relative start token (`now`, `now-3h`, `now+90m`, `today`, `half-day`) against a
 * clock; anything else is returned as it is.
 */
export function resolveStartToken(token: string, nowMs: number): string {
  if (token === 'today' || token === 'half-day') {
    const day = new Date(nowMs);
    const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    const start =
      token === 'today'
        ? midnight
        : midnight + Math.floor((nowMs - midnight) / HALF_DAY_MS) * HALF_DAY_MS;

    return new Date(start).toISOString();
  }
  const match = /^now(?:([+-])(\d+(?:\.\d+)?)([hm]))?$/.exec(token);
  if (match === null) return token;

  const [, sign, amount, unit] = match;
  const offsetMs =
    sign === undefined || amount === undefined
      ? 0
      : (sign === '-' ? -1 : 1) * Number(amount) * (unit === 'h' ? 3_600_000 : 60_000);

  return new Date(nowMs + offsetMs).toISOString();
}
