/** An auth request as the sandbox reads it from the URL. */
export interface ApiRequest {
  appKey: string;
  /** Decoded once, as the HMAC and the room key use it. */
  room: string;
  /** Credentials mode: the start and duration exactly as they appear in the path (decoded). */
  start: string | null;
  duration: string | null;
  /** `cred` percent-decoded once; null when absent. */
  cred: string | null;
  /** Query parameters, decoded once (`rand` is among them and ignored). */
  query: Map<string, string>;
}

/** Decodes one path segment once; a malformed escape is kept as sent rather than refused. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Reads the query the way form decoding does: `+` is a space, then one percent-decode. So an
 * unencoded `+` in `cred` turns into a space and fails the HMAC, as on the platform (spec §5).
 * Empty pairs are skipped, which tolerates the 0.5.x `?&cred=` form.
 */
export function parseQuery(search: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawKey = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? '' : pair.slice(equals + 1);
    const key = decodeSegment(rawKey.replace(/\+/g, ' '));
    if (!query.has(key)) query.set(key, decodeSegment(rawValue.replace(/\+/g, ' ')));
  }

  return query;
}

/**
 * Parses `/api/:appKey/:room[/:start/:duration]`; null when the path is not an API path
 * (wrong prefix or segment count), which the server answers with 404.
 */
export function parseApiRequest(rawUrl: string): ApiRequest | null {
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const search = queryAt === -1 ? '' : rawUrl.slice(queryAt);
  const segments = path.split('/').slice(1);
  // A trailing slash is tolerated: the SDK never sends one, hand-typed URLs often do.
  if (segments.at(-1) === '') segments.pop();
  if (segments[0] !== 'api' || (segments.length !== 3 && segments.length !== 5)) return null;

  const [, appKey = '', room = '', start, duration] = segments.map(decodeSegment);
  if (appKey === '' || room === '') return null;
  const query = parseQuery(search);
  const cred = query.get('cred');

  return {
    appKey,
    room,
    start: start ?? null,
    duration: duration ?? null,
    cred: cred === undefined || cred === '' ? null : cred,
    query,
  };
}
