import type { Scenario } from './scenario-types';

/**
 * HTTP status per API error code. Only 404 for an unknown key is evidenced (spec §6.2); the
 * rest follow the SDK comments' hints (401 not authorised, 403 forbidden/CORS) and HTTP
 * meaning. Every entry can be overridden with the scenario's `httpStatusByCode`.
 */
export const DEFAULT_HTTP_STATUS_BY_CODE: Readonly<Record<number, number>> = {
  4001: 404,
  4002: 403,
  4003: 403,
  4004: 401,
  4005: 401,
  4006: 404,
  4010: 404,
  4020: 429,
  4021: 500,
  5005: 421,
};

/** Status for codes missing from both tables (`windowApiCode` may be anything). */
const FALLBACK_STATUS = 400;

/** Human text sent as `info`, paraphrasing the SDK's constant docs. */
export const API_ERROR_INFO: Readonly<Record<number, string>> = {
  4001: 'App Key does not exist',
  4002: "App Key's domainName does not match the requesting server IP",
  4003: "App Key's CORS url does not match the requesting origin",
  4004: 'Neither CORS information in the request headers nor credentials were supplied',
  4005: 'Credentials do not match the start, duration and room, or the secret is wrong',
  4006: 'App Key does not belong to an existing App',
  4010: 'No meeting was prescheduled for this persistent key with these credentials',
  4020: 'App Key has reached its concurrent user limit',
  4021: 'Failed to obtain an authentication token',
  5005: 'Request was sent to the wrong authentication server',
};

/** The status the sandbox sends for an API error code under a scenario. */
export function httpStatusFor(scenario: Scenario, code: number): number {
  return (
    scenario.httpStatusByCode[String(code)] ?? DEFAULT_HTTP_STATUS_BY_CODE[code] ?? FALLBACK_STATUS
  );
}
