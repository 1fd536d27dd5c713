import { fail, ok, type Result } from '../contract';

/** The API success body (protocol spec §6.1), validated and with the names the engine uses. */
export interface ApiResponse {
  cid: string;
  apiOwner: string;
  username: string;
  userCred: string;
  timeStamp: string;
  /** `room_key` on the wire: the room id, `rid` in signalling. */
  roomKey: string;
  roomCred: string;
  start: string;
  /** Hours. */
  len: number;
  ipSigserver: string;
  /** socket.io `path` for 2.x; `null` when the API sent none (socket.io's default applies). */
  ipSigserverPath: string | null;
  /** As sent; empty when missing (0.6.x then falls back to its default ports). */
  httpPorts: number[];
  httpsPorts: number[];
  isPrivileged: boolean | null;
  autoIntroduce: boolean | null;
  /** The decoded `pc_constraints`, `offer_constraints` and `media_constraints`. */
  constraints: { pc: unknown; offer: unknown; media: unknown };
}

/** What an API body turned out to be before validation. */
export type ApiBody =
  | { kind: 'json'; value: Record<string, unknown> }
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string };

/** Reads an API body as JSON; an empty body is its own case (0.6.x reads it as `{}`). */
export function parseApiBody(text: string): ApiBody {
  if (text.trim() === '') return { kind: 'empty' };

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return { kind: 'invalid', message: `Expected the API body to be JSON, got text (${reason})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      kind: 'invalid',
      message: `Expected the API body to be a JSON object, got ${describeValue(value)}`,
    };
  }

  return { kind: 'json', value: value as Record<string, unknown> };
}

const REQUIRED_STRINGS = [
  'cid',
  'apiOwner',
  'username',
  'userCred',
  'timeStamp',
  'room_key',
  'roomCred',
  'start',
  'ipSigserver',
] as const;

const JSON_STRING_FIELDS = ['pc_constraints', 'offer_constraints', 'media_constraints'] as const;

/**
 * Validates a success body strictly: each missing or mistyped field is named, with what
 * came. The SDK itself is more lenient in places (a mistyped port list silently becomes the
 * default), which is exactly what a diagnosis must not hide.
 */
export function validateApiResponse(body: Record<string, unknown>): Result<ApiResponse> {
  const problems: string[] = [];
  const text = (field: string): string => {
    const value = body[field];
    if (typeof value === 'string' && value !== '') return value;
    problems.push(`Expected \`${field}\` to be a non-empty string, got ${describeValue(value)}`);

    return '';
  };

  const strings = Object.fromEntries(REQUIRED_STRINGS.map((field) => [field, text(field)]));
  const len = body.len;
  if (typeof len !== 'number' || !Number.isFinite(len)) {
    problems.push(`Expected \`len\` to be a number of hours, got ${describeValue(len)}`);
  }
  const path = optionalString(body, 'ipSigserverPath', problems);
  const httpPorts = portList(body, 'httpPortList', problems);
  const httpsPorts = portList(body, 'httpsPortList', problems);
  const isPrivileged = optionalBoolean(body, 'isPrivileged', problems);
  const autoIntroduce = optionalBoolean(body, 'autoIntroduce', problems);
  const [pc, offer, media] = JSON_STRING_FIELDS.map((field) => jsonString(body, field, problems));

  if (problems.length > 0) {
    return fail('http.malformed', problems.join('; '), { problems });
  }

  return ok({
    cid: strings.cid ?? '',
    apiOwner: strings.apiOwner ?? '',
    username: strings.username ?? '',
    userCred: strings.userCred ?? '',
    timeStamp: strings.timeStamp ?? '',
    roomKey: strings.room_key ?? '',
    roomCred: strings.roomCred ?? '',
    start: strings.start ?? '',
    len: len as number,
    ipSigserver: strings.ipSigserver ?? '',
    ipSigserverPath: path,
    httpPorts,
    httpsPorts,
    isPrivileged,
    autoIntroduce,
    constraints: { pc, offer, media },
  });
}

function optionalString(
  body: Record<string, unknown>,
  field: string,
  problems: string[],
): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  problems.push(`Expected \`${field}\` to be a string, got ${describeValue(value)}`);

  return null;
}

function optionalBoolean(
  body: Record<string, unknown>,
  field: string,
  problems: string[],
): boolean | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  problems.push(`Expected \`${field}\` to be a boolean, got ${describeValue(value)}`);

  return null;
}

function portList(body: Record<string, unknown>, field: string, problems: string[]): number[] {
  const value = body[field];
  if (value === undefined || value === null) return [];
  const isPorts =
    Array.isArray(value) &&
    value.every(
      (port) => typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536,
    );
  if (isPorts) return value as number[];
  problems.push(`Expected \`${field}\` to be an array of numbers, got ${describeValue(value)}`);

  return [];
}

function jsonString(body: Record<string, unknown>, field: string, problems: string[]): unknown {
  const value = body[field];
  if (typeof value !== 'string') {
    problems.push(`Expected \`${field}\` to be a JSON-encoded string, got ${describeValue(value)}`);

    return null;
  }
  try {
    return JSON.parse(value) as unknown;
  } catch {
    problems.push(`Expected \`${field}\` to hold JSON, got ${describeValue(value)}`);

    return null;
  }
}

/** Describes a value for an error message: its JSON, cut short, or `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);

  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
