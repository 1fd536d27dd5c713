import {
  fail,
  ok,
  RELATIVE_START_PATTERN,
  type AuthMode,
  type NetworkOptions,
  type Result,
  type SdkFlavour,
} from '../contract';

import { computeCredentials, renderDuration } from './credentials';
import { resolveStartToken } from './demo-apps';
import type { RunPlan } from './run-plan';

/** A run's inputs before resolution: from a profile plus its vault, or from CLI flags. */
export interface PlanInput {
  profileId: string | null;
  profileName: string;
  /** Resolved base URL `http(s)://host[:port]`. */
  server: string;
  embeddedSandbox: boolean;
  appKey: string;
  room: string;
  authMode: AuthMode;
  origin: string | null;
  /**
   * ISO 8601 used verbatim, or a relative token (`now`, `now-3h`, `now+90m`, `today`,
   * `half-day`).
   */
  startDateTime: string | null;
  /** Hours, rendered with `renderDuration` (`String(n)`). */
  duration: number | null;
  /** Credentials mode: the app secret the credentials are computed from. */
  secret: string | null;
  /** Credentials mode: a credentials string to test as given (no computation). */
  givenCredentials: string | null;
  sdk: SdkFlavour;
  network: NetworkOptions;
}

/**
 * Resolves a plan: relative start tokens become the exact ISO string of the URL and the
 * HMAC, the duration its `String(n)` text, and the credentials are computed (or taken as
 * given, verbatim). Errors name the field that is wrong.
 */
export function resolvePlan(input: PlanInput, nowMs: number): Result<RunPlan> {
  const server = input.server.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/?#]+$/.test(server)) {
    return invalid(
      'server',
      'to be an http(s) base URL such as https://api.temasys.io',
      input.server,
    );
  }
  if (input.appKey.trim() === '')
    return invalid('appKey', 'to be a non-empty app key', input.appKey);
  if (input.room === '') return invalid('room', 'to be a non-empty room name', input.room);

  const base = {
    profileId: input.profileId,
    profileName: input.profileName,
    server,
    embeddedSandbox: input.embeddedSandbox,
    appKey: input.appKey,
    room: input.room,
    origin: input.origin,
    sdk: input.sdk,
    network: input.network,
  };
  if (input.authMode === 'cors') {
    return ok({
      ...base,
      authMode: 'cors',
      startDateTime: null,
      duration: null,
      credentials: null,
      credentialsSource: null,
      secret: input.secret,
    });
  }

  if (input.startDateTime === null || input.startDateTime.trim() === '') {
    return invalid(
      'startDateTime',
      'to be an ISO 8601 start or `now`, `now-3h`, `today` in credentials mode',
      input.startDateTime ?? undefined,
    );
  }
  const startDateTime = RELATIVE_START_PATTERN.test(input.startDateTime)
    ? resolveStartToken(input.startDateTime, nowMs)
    : input.startDateTime;
  if (Number.isNaN(Date.parse(startDateTime))) {
    return invalid(
      'startDateTime',
      'to be an ISO 8601 start such as 2026-12-03T09:00:00.000Z',
      input.startDateTime,
    );
  }
  if (input.duration === null || !Number.isFinite(input.duration) || input.duration <= 0) {
    return invalid(
      'duration',
      'to be a positive number of hours in credentials mode',
      input.duration ?? undefined,
    );
  }
  const duration = renderDuration(input.duration);

  const given = input.givenCredentials === null ? '' : input.givenCredentials.trim();
  if (given === '' && (input.secret === null || input.secret === '')) {
    return fail(
      'secret.missing',
      'Expected an app secret (to compute the credentials) or ' +
        'a credentials string in credentials mode, got neither',
      { field: 'secret' },
    );
  }
  // A given string is what the customer's code sent: it is tested exactly as it is.
  const credentials =
    given !== ''
      ? (input.givenCredentials ?? '')
      : computeCredentials({
          room: input.room,
          duration,
          startDateTime,
          secret: input.secret ?? '',
        }).credentials;

  return ok({
    ...base,
    authMode: 'credentials',
    startDateTime,
    duration,
    credentials,
    credentialsSource: given !== '' ? 'given' : 'computed',
    secret: input.secret,
  });
}

function invalid(field: string, expected: string, got: unknown): Result<RunPlan> {
  const shown =
    got === undefined
      ? 'nothing'
      : typeof got === 'string'
        ? got === ''
          ? 'an empty string'
          : `\`${got}\``
        : `\`${JSON.stringify(got)}\``;

  return fail('input.invalid', `Expected \`${field}\` ${expected}, got ${shown}`, { field });
}
