import {
  fail,
  ok,
  ProfileDraftSchema,
  type HarProfile,
  type ProfileDraft,
  type Result,
  type SdkFlavour,
} from '../../contract';

import { checkJsonShape, describeValue } from './json-guard';

/** The largest HAR read, in characters; browser HARs with bodies run to tens of megabytes. */
export const MAX_HAR_CHARS = 200 * 1024 * 1024;

/** How deep a HAR may nest. */
export const MAX_HAR_DEPTH = 1000;

// `/api/<appKey>/<room>` or `/api/<appKey>/<room>/<start>/<duration>` (protocol spec §4.1).
const API_PATH = /^\/api\/([^/]+)\/([^/]+)(?:\/([^/]+)\/([^/]+))?\/?$/;
const TWO_X_HEADERS = new Set(['skylink_api_version', 'x-server-select']);

interface HarRequestLike {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
}

/**
 * Finds the Skylink API request in a HAR saved from a customer's browser and turns it into
 * a profile draft. The credentials string is returned only when asked for.
 */
export function profileFromHar(text: string, keepCredentials: boolean): Result<HarProfile> {
  try {
    return readHar(text, keepCredentials);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);

    return fail('import.invalid', `Could not read the HAR: ${message}`);
  }
}

function readHar(text: string, keepCredentials: boolean): Result<HarProfile> {
  if (typeof text !== 'string' || text.length > MAX_HAR_CHARS) {
    return fail(
      'import.invalid',
      `Expected a HAR file of at most ${MAX_HAR_CHARS} characters, ` +
        `got ${typeof text === 'string' ? text.length : describeValue(text)}`,
    );
  }

  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return fail('import.invalid', `Expected a HAR (JSON) file, but it is not JSON: ${reason}`);
  }
  // Chrome nests the async stack of each request's initiator (`_initiator.stack.parent…`), so a
  // real HAR runs deeper than a bundle; nothing here reads those parts recursively.
  const shape = checkJsonShape(data, MAX_HAR_DEPTH);
  if (shape !== null) return fail('import.invalid', shape);

  const entries = (data as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) {
    return fail(
      'import.invalid',
      `Expected \`log.entries\` to be an array, got ${describeValue(entries)}`,
      {
        field: 'log.entries',
      },
    );
  }

  // Known limit: only the first Skylink API request is read; a HAR that joined several rooms
  // (or retried with other credentials) gives the profile of the first one only.
  for (const entry of entries) {
    const request = requestOf(entry);
    if (request === null) continue;
    const found = readApiRequest(request, keepCredentials);
    if (found !== null) return found;
  }

  return fail(
    'import.invalid',
    `Expected a Skylink API request (\`/api/<appKey>/<room>\`) among the ${entries.length} ` +
      'requests of the HAR, found none. Record the HAR ' +
      'while the page calls `init()` or `joinRoom()`',
    { field: 'log.entries' },
  );
}

function requestOf(entry: unknown): HarRequestLike | null {
  const request = (entry as { request?: unknown } | null)?.request as
    { method?: unknown; url?: unknown; headers?: unknown } | undefined;
  if (typeof request?.url !== 'string') return null;
  const method = typeof request.method === 'string' ? request.method.toUpperCase() : 'GET';
  // The browser's CORS preflight has the same URL but none of the SDK's headers.
  if (method !== 'GET') return null;
  const headers = Array.isArray(request.headers)
    ? request.headers.filter(
        (header): header is { name: string; value: string } =>
          typeof (header as { name?: unknown }).name === 'string' &&
          typeof (header as { value?: unknown }).value === 'string',
      )
    : [];

  return { method, url: request.url, headers };
}

function readApiRequest(
  request: HarRequestLike,
  keepCredentials: boolean,
): Result<HarProfile> | null {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const match = API_PATH.exec(url.pathname);
  if (match === null) return null;

  const [, rawKey = '', rawRoom = '', rawStart, rawDuration] = match;
  const appKey = decodeSegment(rawKey);
  const room = decodeSegment(rawRoom);
  const credentials = rawQueryValue(request.url, 'cred');
  const isCredentials = rawStart !== undefined && rawDuration !== undefined;
  const header = (name: string): string | null =>
    request.headers.find((item) => item.name.toLowerCase() === name)?.value ?? null;
  const sdk: SdkFlavour = request.headers.some((item) => TWO_X_HEADERS.has(item.name.toLowerCase()))
    ? '2.x'
    : '0.6';
  const duration = isCredentials ? Number(decodeSegment(rawDuration)) : null;
  const sourceUrl = redactUrl(request.url);
  const kept = keepCredentials && isCredentials && credentials !== null && credentials !== '';

  const draft: ProfileDraft = {
    name: `${appKey} / ${room} (from HAR)`.slice(0, 120),
    description: `Read from a HAR: ${sourceUrl}`.slice(0, 2000),
    server: url.origin,
    appKey,
    room,
    authMode: isCredentials ? 'credentials' : 'cors',
    origin: header('origin') ?? refererOrigin(header('referer')),
    startDateTime: isCredentials ? decodeSegment(rawStart) : null,
    duration,
    // Without the customer's credentials string, the run computes one from the app secret.
    credentialsSource: kept ? 'given' : 'secret',
    sdk,
  };
  const checked = ProfileDraftSchema.safeParse(draft);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path.join('.') ?? 'profile';

    return fail(
      'import.invalid',
      `Found the Skylink request ${sourceUrl}, but its \`${field}\` does not make a valid ` +
        `profile: ${issue?.message ?? 'unexpected value'}`,
      { field },
    );
  }

  return ok({
    draft,
    credentials: kept ? credentials : null,
    sourceUrl,
  });
}

function decodeSegment(segment: string): string {
  // The SDK puts the room and start in the path verbatim; a browser percent-encodes what a
  // URL cannot carry (a space), so decoding gives back what the page passed in.
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A query value exactly as sent: still percent-encoded, `+` kept, as credentials must be. */
function rawQueryValue(url: string, name: string): string | null {
  const query = url.split('#')[0]?.split('?').slice(1).join('?') ?? '';
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) return part.slice(eq + 1);
  }

  return null;
}

function redactUrl(url: string): string {
  return url.replace(/([?&]cred=)[^&#]*/gi, '$1[REDACTED:credentials]');
}

function refererOrigin(referer: string | null): string | null {
  if (referer === null) return null;
  try {
    const origin = new URL(referer).origin;

    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
