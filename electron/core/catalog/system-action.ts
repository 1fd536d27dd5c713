import type { CatalogEntry } from '../../contract';

import { systemActionEntry } from './define-entry';

const TOKEN_NOTE =
  'The tokens (`roomCred`, `userCred`, `timeStamp`) come from the API answer; ' +
  'every SDK join re-runs the API request, so a fresh join gets fresh tokens.';

/** `systemAction` reasons current SDKs define (a `redirect` from the signalling server). */
export const SYSTEM_ACTION_ENTRIES: readonly CatalogEntry[] = [
  systemActionEntry('oldTimeStamp', {
    name: 'CREDENTIALS_EXPIRED',
    meaning: 'The room session token from the API answer is too old for the signalling server.',
    causes: [
      'Too much time passed between the API answer ' +
        'and the join (a paused tab, a slow media prompt)',
      "The client machine's clock is off, so the token's `timeStamp` looks old",
      'The application reuses an API answer from an earlier session',
    ],
    checks: [
      'Compare the time of COMPLETED with the time `joinRoom` was sent',
      'Compare the local clock with the server `Date` header (clock skew finding)',
    ],
    fixes: ['Join right after the API answer; fix the machine clock (NTP)'],
    sdkNotes: TOKEN_NOTE,
  }),
  systemActionEntry('credentialError', {
    name: 'CREDENTIALS_ERROR',
    meaning: 'The signalling server found the session token invalid.',
    causes: [
      'The `roomCred`/`userCred` sent in `joinRoom` were altered or taken from another API answer',
      'The API and the signalling server disagree (different environments or regions)',
    ],
    checks: [
      'Check that the `joinRoom` fields are copied verbatim from the API answer',
      'Check that `ipSigserver` belongs to the same platform as the auth server',
    ],
    fixes: ['Use the tokens of the same API answer unchanged; do not mix environments'],
    sdkNotes: TOKEN_NOTE,
  }),
  systemActionEntry('duplicatedLogin', {
    name: 'DUPLICATED_LOGIN',
    meaning: 'The session token was already used by another connection.',
    causes: [
      'The same API answer is used for two connections (two tabs, a retry loop reusing tokens)',
      'A previous connection with the same token has not been dropped yet',
    ],
    checks: [
      'Look for a second tab or device of the same user',
      'Check the application for code that joins twice without a new API request',
    ],
    fixes: ['Let every connection make its own API request; leave the room before re-joining'],
    sdkNotes: TOKEN_NOTE,
  }),
  systemActionEntry('notStart', {
    name: 'ROOM_NOT_STARTED',
    meaning: "The credentials' start lies in the future for the signalling server.",
    causes: [
      'The token server built `startDateTime` in the future (a scheduled meeting, a time zone bug)',
      'The token server clock is ahead of the platform clock',
      'A local time written without an offset was read as UTC (hours off)',
    ],
    checks: [
      'Place the window [start, start + duration] against the server `Date` (clock skew finding)',
      'Check that `startDateTime` ends with `Z` or an explicit offset',
    ],
    fixes: [
      'Use the current UTC time (`new Date().toISOString()`) ' +
        'as the start, from an NTP-synced clock',
      'Or wait until the scheduled start',
    ],
    authModes: ['credentials'],
  }),
  systemActionEntry('expired', {
    name: 'EXPIRED',
    meaning: 'The session window (start + duration) has already ended.',
    causes: [
      'The credentials were cached and reused after `start + duration` passed',
      'The duration was meant in minutes or seconds ' +
        'but is read as hours (or the reverse, too small)',
      'The token server clock is behind the platform clock',
    ],
    checks: [
      'Compute `start + duration hours` and compare it with the server `Date`',
      'Check how the application caches credentials',
    ],
    fixes: [
      'Compute fresh credentials per session, with the duration in hours (max 24)',
      'Fix the token server clock',
    ],
    authModes: ['credentials'],
    sdkNotes: 'In CORS mode the window is the auth time plus 24 hours.',
  }),
  systemActionEntry('locked', {
    name: 'ROOM_LOCKED',
    meaning: 'The room is locked: new participants are rejected.',
    causes: [
      'A participant locked the room (`lockRoom`, a `roomLockEvent {lock:true}`)',
      'The application locks rooms automatically once the meeting starts',
    ],
    checks: [
      'Look for a `roomLockEvent` in the room, or ask the participants',
      'Join another room with the same key: if it works, the key is fine',
    ],
    fixes: ['Unlock the room from inside (`unlockRoom`), or wait until it empties'],
    sdkNotes: '2.x also defines the action `locked`; before 0.5.2 this was ready-state error 5001.',
  }),
  systemActionEntry('fastmsg', {
    name: 'FAST_MESSAGE',
    meaning: 'Warning: the client sends signalling messages too fast and some are dropped.',
    causes: [
      'Application code sends messages in a tight loop (custom data, status updates)',
      'Broadcast messages closer than 1 s apart (targeted: 100 ms)',
    ],
    checks: [
      'Count the messages the client sent per second around the warning',
      'Check for loops calling `sendMessage` or `setUserData`',
    ],
    fixes: [
      'Space messages at least 1 s apart (batch them); the SDK groups its own status messages',
    ],
  }),
  systemActionEntry('toclose', {
    name: 'ROOM_CLOSING',
    meaning: 'Warning: the session ends soon (about 5 minutes before the window closes).',
    causes: [
      'The credentials window (start + duration) is about to end',
      'In CORS mode the 24-hour session is about to end',
    ],
    checks: [
      'Compute the end of the window from start and duration',
      'Note the reason as received: the wire sends `toClose`, 0.6.x reports `toclose`',
    ],
    fixes: ['Re-join with fresh credentials before the end, or use a longer duration'],
    sdkNotes:
      'The server sends `toClose` (camel case); 0.6.x maps it to ' +
      '`toclose`, the SDK constant value. 2.x may pass `toClose` through.',
  }),
  systemActionEntry('roomclose', {
    name: 'ROOM_CLOSED',
    meaning: 'The session has ended and the server closes the room.',
    causes: [
      'The window (start + duration) passed while connected',
      'The platform closed the room (maintenance)',
    ],
    checks: [
      'Compare the time of the event with the end of the window',
      'Look for a `toclose` warning a few minutes earlier',
    ],
    fixes: ['Create new credentials with a window that covers the meeting, and re-join'],
  }),
  systemActionEntry('serverError', {
    name: 'SERVER_ERROR',
    meaning: 'The signalling server failed, e.g. it could not get the ICE (TURN/STUN) config.',
    causes: [
      'A transient platform fault',
      'The key has a broken TURN configuration on the platform',
    ],
    checks: [
      'Retry the run a few times: intermittent means a platform fault',
      'Note the UTC time and the `rid` for support',
    ],
    fixes: ['Retry; if it persists, report the key, room, `rid` and UTC time to Temasys support'],
  }),
  systemActionEntry('keyFailed', {
    name: 'KEY_ERROR',
    meaning: 'The signalling server could not load the App settings for the key.',
    causes: [
      'The key is disabled or suspended, though the auth server still answered',
      'The App settings on the platform are incomplete or inconsistent',
    ],
    checks: [
      'Check the key status (enabled, billing) in the console',
      'Try another key of the same account against the same room',
    ],
    fixes: ['Re-enable the key or fix the account; otherwise report it to Temasys support'],
  }),
];

/** Reasons that 0.5.x – 0.6.4 listed and later SDKs dropped. */
export const SYSTEM_ACTION_LEGACY_ENTRIES: readonly CatalogEntry[] = [
  systemActionEntry('roomfull', {
    name: 'ROOM_FULL',
    meaning: 'A persistent room has reached its participant limit.',
    causes: [
      'The room already holds as many participants as allowed',
      'Stale participants have not been dropped yet',
    ],
    checks: ['Count the participants in the room', 'Retry after stale sessions time out'],
    fixes: ['Raise the room limit or use another room'],
    legacy: true,
    sdkNotes: 'Listed by 0.5.x – 0.6.4; current SDKs do not define it.',
  }),
  systemActionEntry('verification', {
    name: 'VERIFICATION',
    meaning: 'The room verification was not completed.',
    causes: [
      'The join was sent before the server finished verifying the room',
      'A very old SDK talks to a newer platform',
    ],
    checks: ['Check the SDK version', 'Retry the join'],
    fixes: ['Upgrade the SDK and retry'],
    legacy: true,
    sdkNotes: 'Listed by 0.5.x – 0.6.4; current SDKs do not define it.',
  }),
  systemActionEntry('seatquota', {
    name: 'OVER_SEAT_LIMIT',
    meaning: 'The key reached its seat limit (reported at signalling by old SDKs).',
    causes: ['Too many concurrent users on the key', 'Stale sessions hold seats'],
    checks: ['Count the active sessions of the key', 'Retry after a few minutes'],
    fixes: ['Raise the seat limit; make the application leave rooms cleanly'],
    legacy: true,
    sdkNotes: 'Listed by 0.5.x – 0.6.4; current SDKs report the seat limit as API error 4020.',
  }),
];
