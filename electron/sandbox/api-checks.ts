import { timingSafeEqual } from 'node:crypto';

import { computeCredentials } from '../core/credentials';
import { resolveStartToken } from '../core/demo-apps';

import type { ApiRequest } from './api-request';
import { originAllowed } from './cors';
import type { SandboxState } from './sandbox-state';
import type { ScenarioApp } from './scenario-types';

/** What the HTTP layer knows about the caller, besides the URL. */
export interface CallerInfo {
  /** The `Host` header. */
  host: string | undefined;
  /** The caller's IP, IPv4-mapped prefix removed. */
  ip: string;
  origin: string | undefined;
}

/** An accepted request: everything the answer needs. */
export interface ApprovedRequest {
  app: ScenarioApp;
  room: string;
  mode: 'cors' | 'credentials';
  /** ISO start as the join will carry it (credentials: verbatim from the path). */
  start: string;
  /** Hours. */
  len: number;
}

/** The outcome of the checks: accepted, or an API error code with its `info`. */
export type ApiVerdict =
  { ok: true; value: ApprovedRequest } | { ok: false; code: number; info: string };

const HOUR_MS = 3_600_000;

function reject(code: number, info: string): ApiVerdict {
  return { ok: false, code, info };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);

  return left.length === right.length && timingSafeEqual(left, right);
}

/** Credentials mode: HMAC, then the parsed window. Null when the credentials hold. */
function checkCredentials(
  state: SandboxState,
  app: ScenarioApp,
  request: ApiRequest & { start: string; duration: string },
): ApiVerdict | null {
  if (request.cred === null) {
    return reject(4004, 'The path has a start and duration but the query has no `cred`');
  }
  const expected = computeCredentials({
    room: request.room,
    duration: request.duration,
    startDateTime: request.start,
    secret: app.secret,
  });
  if (!sameText(expected.base64, request.cred)) {
    return reject(4005, 'Credentials do not match the start, duration and room, or the secret');
  }
  const hours = Number(request.duration);
  if (!Number.isFinite(hours) || hours <= 0) {
    return reject(4005, `Duration \`${request.duration}\` is not a positive number of hours`);
  }
  if (Number.isNaN(Date.parse(request.start))) {
    return reject(4005, `Start \`${request.start}\` is not an ISO 8601 date`);
  }
  const max = state.scenario.maxDurationHours;
  if (max !== null && hours > max) {
    return reject(4005, `Duration ${hours} h is over the maximum of ${max} h`);
  }

  return null;
}

/** The window check at the API, when the scenario moves it there from the join. */
function checkWindowAtApi(state: SandboxState, start: string, hours: number): ApiVerdict | null {
  if (state.scenario.windowCheck !== 'api') return null;
  const now = state.clock.now();
  const startMs = Date.parse(start);
  if (now < startMs) return reject(state.scenario.windowApiCode, 'The session has not started');
  if (now > startMs + hours * HOUR_MS) {
    return reject(state.scenario.windowApiCode, 'The session has already ended');
  }

  return null;
}

function hasMeeting(state: SandboxState, app: ScenarioApp, approved: ApprovedRequest): boolean {
  if (approved.mode !== 'credentials') return false;
  const now = state.clock.now();

  // Same instant and same hours, so `…00Z` and `…00.000Z` name one meeting.
  return app.meetings.some(
    (meeting) =>
      meeting.room === approved.room &&
      Date.parse(resolveStartToken(meeting.startDateTime, now)) === Date.parse(approved.start) &&
      meeting.duration === approved.len,
  );
}

/**
 * Whether the `Host` header names the key's auth server. A bare host name matches on any
 * port (the real servers use the default one); `host:port` must match exactly.
 */
function isAuthHost(header: string | undefined, authHost: string): boolean {
  const sent = (header ?? '').toLowerCase();
  const wanted = authHost.toLowerCase();
  if (wanted.includes(':')) return sent === wanted;

  return sent.replace(/:\d+$/, '') === wanted;
}

/** Runs the auth checks in the order of spec §10.1. */
export function checkApiRequest(
  state: SandboxState,
  request: ApiRequest,
  caller: CallerInfo,
): ApiVerdict {
  const { scenario } = state;
  const app = state.findApp(request.appKey);
  if (app === undefined) return reject(4001, `App Key \`${request.appKey}\` does not exist`);
  if (!app.parentApp) return reject(4006, 'App Key does not belong to an existing App');
  if (app.authHost !== null && !isAuthHost(caller.host, app.authHost)) {
    return reject(5005, `This key belongs to the auth server \`${app.authHost}\``);
  }
  if (app.domainName !== null && app.domainName !== caller.ip) {
    return reject(4002, `This key is bound to server IP ${app.domainName}`);
  }

  let approved: ApprovedRequest;
  if (request.start !== null && request.duration !== null) {
    const failed = checkCredentials(state, app, {
      ...request,
      start: request.start,
      duration: request.duration,
    });
    if (failed !== null) return failed;
    const len = Number(request.duration);
    const windowFailed = checkWindowAtApi(state, request.start, len);
    if (windowFailed !== null) return windowFailed;
    approved = { app, room: request.room, mode: 'credentials', start: request.start, len };
  } else {
    if (caller.origin === undefined) {
      return reject(4004, 'No `Origin` header and no credentials were supplied');
    }
    if (app.corsUrls.length === 0) {
      return reject(scenario.emptyCorsUrlsCode, 'This key has no CORS urls: use credentials');
    }
    if (!originAllowed(caller.origin, app.corsUrls, scenario.corsMatch)) {
      return reject(4003, `Origin \`${caller.origin}\` is not in this key's CORS url list`);
    }
    approved = {
      app,
      room: request.room,
      mode: 'cors',
      start: new Date(state.clock.now()).toISOString(),
      len: 24,
    };
  }

  if (app.persistent && !hasMeeting(state, app, approved)) {
    return reject(4010, 'No meeting was prescheduled for this room, start and duration');
  }
  if (state.seatsInUse(app.appKey) >= app.seatLimit) {
    return reject(4020, `App Key has reached its limit of ${app.seatLimit} concurrent users`);
  }
  if (app.mintingFails) return reject(4021, 'Failed to obtain an authentication token');

  return { ok: true, value: approved };
}
