/**
 * The SkylinkJS SDK's own constants, with the SDK's names and numbers (protocol spec §7, §8).
 * They are data, not enums, so they survive structured clone and JSON unchanged.
 */

/** `READY_STATE_CHANGE` values, unchanged from 0.1.0 to 2.x. */
export const READY_STATE = { INIT: 0, LOADING: 1, COMPLETED: 2, ERROR: -1 } as const;

/** A `readyStateChange` state name. */
export type ReadyStateName = keyof typeof READY_STATE;

/** A `readyStateChange` state number. */
export type ReadyState = (typeof READY_STATE)[ReadyStateName];

/** Returns the SDK name of a ready state number. */
export function readyStateName(state: ReadyState): ReadyStateName {
  switch (state) {
    case 0:
      return 'INIT';
    case 1:
      return 'LOADING';
    case 2:
      return 'COMPLETED';
    case -1:
      return 'ERROR';
  }
}

/** `READY_STATE_CHANGE_ERROR`: current codes (0.6.30 – 2.x). */
export const READY_STATE_CHANGE_ERROR = {
  API_INVALID: 4001,
  API_DOMAIN_NOT_MATCH: 4002,
  API_CORS_DOMAIN_NOT_MATCH: 4003,
  API_CREDENTIALS_INVALID: 4004,
  API_CREDENTIALS_NOT_MATCH: 4005,
  API_INVALID_PARENT_KEY: 4006,
  API_NO_MEETING_RECORD_FOUND: 4010,
  API_OVER_SEAT_LIMIT: 4020,
  API_RETRIEVAL_FAILED: 4021,
  API_WRONG_ACCESS_DOMAIN: 5005,
  XML_HTTP_REQUEST_ERROR: -1,
  XML_HTTP_NO_REPONSE_ERROR: -2,
  NO_SOCKET_IO: 1,
  NO_XMLHTTPREQUEST_SUPPORT: 2,
  NO_WEBRTC_SUPPORT: 3,
  NO_PATH: 4,
  ADAPTER_NO_LOADED: 7,
  PARSE_CODECS: 8,
} as const;

/** Codes that older SDKs (0.5.0 – 0.6.4) defined and later removed. */
export const LEGACY_READY_STATE_CHANGE_ERROR = {
  INVALID_XMLHTTPREQUEST_STATUS: 5,
  SCRIPT_ERROR: 6,
  API_NOT_ENOUGH_CREDIT: 4007,
  API_NOT_ENOUGH_PREPAID_CREDIT: 4008,
  API_FAILED_FINDING_PREPAID_CREDIT: 4009,
  ROOM_LOCKED: 5001,
} as const;

/** `SYSTEM_ACTION` actions carried by `redirect` messages. */
export const SYSTEM_ACTION = { WARNING: 'warning', REJECT: 'reject', LOCKED: 'locked' } as const;

/** A `systemAction` action. */
export type SystemActionName = (typeof SYSTEM_ACTION)[keyof typeof SYSTEM_ACTION];

/** `SYSTEM_ACTION_REASON`: the reasons current SDKs define. */
export const SYSTEM_ACTION_REASON = {
  CREDENTIALS_EXPIRED: 'oldTimeStamp',
  CREDENTIALS_ERROR: 'credentialError',
  DUPLICATED_LOGIN: 'duplicatedLogin',
  ROOM_NOT_STARTED: 'notStart',
  EXPIRED: 'expired',
  ROOM_LOCKED: 'locked',
  FAST_MESSAGE: 'fastmsg',
  ROOM_CLOSING: 'toclose',
  ROOM_CLOSED: 'roomclose',
  SERVER_ERROR: 'serverError',
  KEY_ERROR: 'keyFailed',
} as const;

/** Reasons that 0.5.x – 0.6.4 listed and later SDKs dropped. */
export const LEGACY_SYSTEM_ACTION_REASON = {
  ROOM_FULL: 'roomfull',
  VERIFICATION: 'verification',
  OVER_SEAT_LIMIT: 'seatquota',
} as const;

/** `SOCKET_ERROR` codes of `socketError` events. */
export const SOCKET_ERROR = {
  CONNECTION_FAILED: 0,
  RECONNECTION_FAILED: -1,
  CONNECTION_ABORTED: -2,
  RECONNECTION_ABORTED: -3,
  RECONNECTION_ATTEMPT: -4,
} as const;

/** A `socketError` code. */
export type SocketErrorCode = (typeof SOCKET_ERROR)[keyof typeof SOCKET_ERROR];

/** `SOCKET_FALLBACK`: which rung of the port/transport ladder an attempt is on. */
export const SOCKET_FALLBACK = {
  NON_FALLBACK: 'nonfallback',
  FALLBACK_PORT: 'fallbackPortNonSSL',
  FALLBACK_SSL_PORT: 'fallbackPortSSL',
  LONG_POLLING: 'fallbackLongPollingNonSSL',
  LONG_POLLING_SSL: 'fallbackLongPollingSSL',
} as const;

/** A `SOCKET_FALLBACK` value. */
export type SocketFallback = (typeof SOCKET_FALLBACK)[keyof typeof SOCKET_FALLBACK];

/** Finds the SDK name of a `readyStateChange` error code, current or legacy. */
export function readyStateErrorName(code: number): string | null {
  for (const table of [READY_STATE_CHANGE_ERROR, LEGACY_READY_STATE_CHANGE_ERROR]) {
    for (const [name, value] of Object.entries(table)) {
      if (value === code) return name;
    }
  }

  return null;
}
