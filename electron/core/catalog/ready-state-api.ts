import type { CatalogEntry } from '../../contract';

import { readyStateEntry } from './define-entry';

const STATUS_NOTE_2X =
  '2.x does not surface this code: it reports the HTTP status as both `status` and ' +
  '`errorCode` (for example 403), and the Skylink code is only in the response body.';

/** `readyStateChange` ERROR codes the auth server answers (4001 – 5005), 0.6.30 – 2.x. */
export const READY_STATE_API_ENTRIES: readonly CatalogEntry[] = [
  readyStateEntry(4001, {
    name: 'API_INVALID',
    meaning: 'The auth server does not know this App Key.',
    causes: [
      'The App Key is mistyped, truncated or has stray whitespace (copied from an e-mail or a PDF)',
      'The key was deleted or belongs to another Temasys account or environment',
      'The request went to an auth server that does not hold this key (staging vs production)',
    ],
    checks: [
      'Compare the key in the request URL (`/api/<appKey>/…`) ' +
        'character by character with the console',
      'Look at the HTTP status: the live platform answered 404 for an unknown key',
      'Check `roomServer` in the customer init options: a custom auth host may hold other keys',
    ],
    fixes: [
      'Use the App Key exactly as the Temasys console ' +
        'shows it, for the environment the page targets',
      'If the key was deleted, create a new one and update the application configuration',
    ],
    sdkNotes:
      '0.6.39 reports an unknown key as status 404, errorCode 404 when the body has no `error`. ' +
      STATUS_NOTE_2X,
  }),
  readyStateEntry(4002, {
    name: 'API_DOMAIN_NOT_MATCH',
    meaning: "The key is bound to a server IP (`domainName`) that is not the caller's address.",
    causes: [
      "The key's `domainName` setting lists a server IP, and the request came from another address",
      'The customer moved hosting, added a load balancer ' +
        'or a NAT gateway, so the source IP changed',
      'The request goes through a proxy whose egress address differs from the registered one',
    ],
    checks: [
      "Read the key's domain/IP setting in the console and compare it with the caller's public IP",
      'Ask whether the customer runs behind a proxy, NAT or a new cloud region',
    ],
    fixes: [
      "Update the key's registered server IP to the " +
        'address the platform sees, or clear the binding',
      'Route the auth request through the registered address',
    ],
    sdkNotes: STATUS_NOTE_2X,
  }),
  readyStateEntry(4003, {
    name: 'API_CORS_DOMAIN_NOT_MATCH',
    meaning: "The page's Origin is not in the key's CORS url list.",
    causes: [
      'The domain is not registered on the key at all',
      'The page runs on another origin than the registered ' +
        'one: `www.` vs apex, a subdomain, a staging host',
      'The page is embedded (iframe with `sandbox`: Origin ' +
        '`null`) or packaged (Electron/Cordova: `file://`)',
      'The CORS url was entered with a scheme, port, ' +
        'path or spaces, which the platform does not match',
    ],
    checks: [
      'Record the exact Origin the browser sends (from the customer HAR: request header `Origin`)',
      'Run the origin matrix (`skylink-diag origins`): which variants of the origin are accepted',
      "Read the key's CORS url list: comma-separated host names, no scheme, no port, no path",
    ],
    fixes: [
      "Add the page's exact host name to the key's CORS " +
        'url list (host only, e.g. `www.app.example.com`)',
      'Or switch the application to credentials (HMAC) ' +
        'authentication, which does not depend on the origin',
    ],
    authModes: ['cors'],
    sdkNotes: `2.x logs HTTP 403 as "CORS forbidden". ${STATUS_NOTE_2X}`,
  }),
  readyStateEntry(4004, {
    name: 'API_CREDENTIALS_INVALID',
    meaning: 'The request carried neither a usable Origin nor credentials.',
    causes: [
      'The request came from a context that sends no ' +
        'Origin header (server side code, a native app, curl)',
      '0.6.x silently dropped malformed credentials (duration not a ' +
        'number, empty start or credentials) and fell back to CORS mode',
      'The key has no CORS url at all (credentials only) and the client sent no credentials',
    ],
    checks: [
      'Look at the request URL: in credentials mode it has ' +
        '`/<start>/<duration>?cred=`; if not, the credentials were dropped',
      'Check the types in `init({credentials})`: `duration` ' +
        'must be a number, the two others non-empty strings',
      'Check the request headers for `Origin`',
    ],
    fixes: [
      'Send credentials (start, duration, HMAC) from the customer token server',
      'Or call from a browser page whose origin is registered on the key',
    ],
    sdkNotes:
      '0.6.x turns wrong credential types into CORS mode ' +
      'without a warning, so 4004 often hides a credentials bug. ' +
      STATUS_NOTE_2X,
  }),
  readyStateEntry(4005, {
    name: 'API_CREDENTIALS_NOT_MATCH',
    meaning:
      'The credentials do not match the room, duration and start in the URL under the key secret.',
    causes: [
      'The HMAC was computed with another secret (another key, a rotated secret, a test secret)',
      'The signed string differs from the URL: another room, ' +
        '`2` vs `2.0` for the duration, a reformatted start',
      'Percent-encoding is wrong: a raw `+` arrives as a space, or `%252B` is double encoded',
      'The base64 step was skipped or used base64url (`-`, `_`) instead of standard base64',
    ],
    checks: [
      'Run `skylink-diag credentials --check <cred> --room R --duration H ' +
        '--start ISO` with the secret: it names the first step that differs',
      'Compare the room in the URL with the room the token ' +
        'server signed (`joinRoom` to another room breaks the HMAC)',
      'Look at the `cred=` value: 30–34 characters, ends in `%3D`, ' +
        'contains no raw `+`, `/` or `=`',
    ],
    fixes: [
      'Compute `encodeURIComponent(base64(HMAC-SHA1(secret, room + ' +
        '"_" + duration + "_" + start)))` with the secret of this key',
      'Use the same room, duration text and start string in the HMAC as in the init options',
    ],
    authModes: ['credentials'],
    sdkNotes: STATUS_NOTE_2X,
  }),
  readyStateEntry(4006, {
    name: 'API_INVALID_PARENT_KEY',
    meaning: 'The key exists but does not belong to an existing App.',
    causes: [
      'The parent App was deleted while the key was kept',
      'The key is a child or alias key whose parent was removed or disabled',
    ],
    checks: [
      'Open the key in the console and look for its App',
      'Ask whether the account was cleaned up or migrated recently',
    ],
    fixes: [
      'Create a key under an existing App and use it',
      'Ask Temasys support to restore the App if it was removed by mistake',
    ],
    sdkNotes: STATUS_NOTE_2X,
  }),
  readyStateEntry(4010, {
    name: 'API_NO_MEETING_RECORD_FOUND',
    meaning:
      'The key is persistent (scheduled sessions) and no stored meeting matches the credentials.',
    causes: [
      "The start sent differs from the meeting's start (time zone, milliseconds, another format)",
      "The duration sent differs from the meeting's duration",
      'The room differs from the meeting room, or the meeting was never created or was deleted',
      'The key was switched to persistent while the application still builds ad-hoc credentials',
    ],
    checks: [
      'List the meetings (`GET /rest/meetings/<appId>/<room>`) ' +
        'and compare start, duration and room with the request URL',
      'Compare the start string literally: ' +
        '`2026-12-03T00:00:00.000Z` is not `2026-12-03T00:00:00Z`',
    ],
    fixes: [
      'Build the credentials from the stored meeting: same room, same duration, same start string',
      'Create the meeting first (Meeting Resources API), or use a dynamic (non-persistent) key',
    ],
    authModes: ['credentials'],
    sdkNotes: STATUS_NOTE_2X,
  }),
  readyStateEntry(4020, {
    name: 'API_OVER_SEAT_LIMIT',
    meaning: 'The key has reached its limit of concurrent users.',
    causes: [
      'Too many users are connected with this key at the same time',
      'Stale sessions (closed tabs, crashed apps) still count until the server drops them',
      'The plan or trial limit is lower than the customer thinks',
    ],
    checks: [
      'Count the active sessions of the key in the console or usage reports',
      'Retry after a few minutes: if it passes, stale sessions were holding the seats',
    ],
    fixes: [
      'Raise the seat limit of the plan, or spread users across keys',
      'Make the application leave rooms cleanly (`leaveRoom`) so seats are released',
    ],
    sdkNotes: `0.5.x reported the same condition at signalling as \`seatquota\`. ${STATUS_NOTE_2X}`,
  }),
  readyStateEntry(4021, {
    name: 'API_RETRIEVAL_FAILED',
    meaning: 'The auth server could not mint the session token (a server-side failure).',
    causes: [
      'A transient fault on the platform (token service, database)',
      'The key is in an inconsistent state on the platform side',
    ],
    checks: [
      'Retry a few times (`skylink-diag run --repeat 5`): intermittent means a platform fault',
      'Check the Temasys status page and note the time (UTC) for support',
    ],
    fixes: [
      'Retry later; if it persists, send Temasys support ' +
        'the key, the room and the UTC time of the failure',
    ],
    sdkNotes: STATUS_NOTE_2X,
  }),
  readyStateEntry(5005, {
    name: 'API_WRONG_ACCESS_DOMAIN',
    meaning: 'The request reached an auth server that does not serve this key.',
    causes: [
      'A custom `roomServer` points at another region, environment or an old host',
      'The key was created on another platform instance (e.g. staging) than the one called',
    ],
    checks: [
      'Read `roomServer` in the init options and the host of the request URL',
      'Compare it with the auth host the console gives for the key (default `//api.temasys.io`)',
    ],
    fixes: [
      'Remove the custom `roomServer` (use the default) ' +
        'or point it at the server that holds the key',
    ],
    sdkNotes: STATUS_NOTE_2X,
  }),
];
