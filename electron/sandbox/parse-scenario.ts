import { fail, ok, RELATIVE_START_PATTERN, type Result } from '../contract';
import { DiagnosticError } from '../core/diagnostic-error';

import {
  asObject,
  fieldPath,
  readArray,
  readBoolean,
  readChoice,
  readNullableString,
  readNumber,
  readObject,
  readString,
  rejectUnknownKeys,
  stringItem,
  type JsonObject,
} from './field-reader';
import { readFault } from './parse-faults';
import type {
  ConstraintStrings,
  RoomRef,
  Scenario,
  ScenarioApp,
  ScenarioMeeting,
  SignallingOptions,
} from './scenario-types';

/** Defaults of the scenario-wide options (docs/sandbox.md explains each choice). */
export const SCENARIO_DEFAULTS = {
  seatLimit: 10,
  corsMatch: 'host',
  emptyCorsUrlsCode: 4004,
  windowCheck: 'join',
  notStartApplies: 'all',
  windowApiCode: 4005,
  ipSigserverStyle: 'auto',
  allowQueryFaults: true,
  signalling: {
    deadPorts: 0,
    deadPortMode: 'closed',
    extraLivePorts: 0,
    tokenMaxAgeSeconds: 600,
    fastMessageIntervalMs: 100,
    toCloseLeadSeconds: 300,
    iceServers: [{ url: 'stun:127.0.0.1:3478', urls: 'stun:127.0.0.1:3478' }],
  } satisfies SignallingOptions,
  constraints: {
    pc: JSON.stringify({ optional: [{ DtlsSrtpKeyAgreement: true }] }),
    offer: JSON.stringify({
      mandatory: { OfferToReceiveAudio: true, OfferToReceiveVideo: true },
      optional: [],
    }),
    media: JSON.stringify({ audio: true, video: true }),
  } satisfies ConstraintStrings,
} as const;

const TOP_KEYS = [
  'apps',
  'lockedRooms',
  'duplicateLoginRooms',
  'clockOffsetMs',
  'faults',
  'allowQueryFaults',
  'httpStatusByCode',
  'corsMatch',
  'emptyCorsUrlsCode',
  'windowCheck',
  'notStartApplies',
  'windowApiCode',
  'maxDurationHours',
  'ipSigserverStyle',
  'signalling',
  'constraints',
  'description',
] as const;

const APP_KEYS = [
  'appKey',
  'secret',
  'corsUrls',
  'persistent',
  'meetings',
  'seatLimit',
  'parentApp',
  'enabled',
  'authHost',
  'domainName',
  'mintingFails',
  'faults',
  'describeMode',
  'description',
] as const;

/** Free text; empty is allowed so a parsed scenario parses again unchanged. */
function readOptionalText(object: JsonObject, key: string, path: string): string {
  const value = object[key];
  if (value === undefined || value === '') return '';

  return readString(object, key, path);
}

function readMeeting(item: unknown, path: string): ScenarioMeeting {
  const object = asObject(item, path);
  rejectUnknownKeys(object, ['room', 'startDateTime', 'duration'], path);
  const startDateTime = readString(object, 'startDateTime', path);
  const isToken = RELATIVE_START_PATTERN.test(startDateTime);
  if (!isToken && Number.isNaN(Date.parse(startDateTime))) {
    throw DiagnosticError.invalidInput(
      fieldPath(path, 'startDateTime'),
      'to be an ISO 8601 date or one of `today`, `half-day`, `now`, `now-3h`, `now+90m`',
      startDateTime,
    );
  }

  return {
    room: readString(object, 'room', path),
    startDateTime,
    duration: readNumber(object, 'duration', path, { min: Number.MIN_VALUE }),
  };
}

function readApp(item: unknown, path: string): ScenarioApp {
  const object = asObject(item, path);
  rejectUnknownKeys(object, APP_KEYS, path);
  const appKey = readString(object, 'appKey', path);
  const corsUrls = readArray(object, 'corsUrls', path, stringItem);
  const persistent = readBoolean(object, 'persistent', path, false);
  const defaultMode = corsUrls.length === 0 || persistent ? 'credentials' : 'cors';

  return {
    appKey,
    secret: readString(object, 'secret', path),
    corsUrls,
    persistent,
    meetings: readArray(object, 'meetings', path, readMeeting),
    seatLimit: readNumber(object, 'seatLimit', path, {
      fallback: SCENARIO_DEFAULTS.seatLimit,
      min: 0,
      integer: true,
    }),
    parentApp: readBoolean(object, 'parentApp', path, true),
    enabled: readBoolean(object, 'enabled', path, true),
    authHost: readNullableString(object, 'authHost', path),
    domainName: readNullableString(object, 'domainName', path),
    mintingFails: readBoolean(object, 'mintingFails', path, false),
    faults: readArray(object, 'faults', path, (fault, faultPath) =>
      readFault(fault, faultPath, appKey),
    ),
    describeMode: readChoice(object, 'describeMode', path, ['cors', 'credentials'], defaultMode),
    description: readOptionalText(object, 'description', path),
  };
}

/** A room entry: `"room"` (every key) or `{ appKey, room }`. */
function readRoomRef(item: unknown, path: string): RoomRef {
  if (typeof item === 'string' && item !== '') return { appKey: '*', room: item };
  const object = asObject(item, path);
  rejectUnknownKeys(object, ['appKey', 'room'], path);

  return {
    appKey: readString(object, 'appKey', path, '*'),
    room: readString(object, 'room', path),
  };
}

function readStatusTable(object: JsonObject, path: string): Record<string, number> {
  const table = readObject(object, 'httpStatusByCode', path);
  const out: Record<string, number> = {};
  for (const code of Object.keys(table)) {
    const codePath = fieldPath('httpStatusByCode', code);
    if (!/^\d{4}$/.test(code)) {
      throw DiagnosticError.invalidInput(codePath, 'to be keyed by a 4-digit API code', code);
    }
    // A 2xx would make 2.x SDKs treat the failure as success, which is allowed on purpose.
    out[code] = readNumber(table, code, 'httpStatusByCode', { min: 200, max: 599, integer: true });
  }

  return out;
}

function readSignalling(object: JsonObject): SignallingOptions {
  const path = 'signalling';
  const section = readObject(object, 'signalling', '');
  const d = SCENARIO_DEFAULTS.signalling;
  rejectUnknownKeys(section, Object.keys(d), path);
  const count = (key: string, fallback: number) =>
    readNumber(section, key, path, { fallback, min: 0, max: 16, integer: true });
  const seconds = (key: string, fallback: number) =>
    readNumber(section, key, path, { fallback, min: 0 });

  return {
    deadPorts: count('deadPorts', d.deadPorts),
    deadPortMode: readChoice(section, 'deadPortMode', path, ['closed', 'reset'], d.deadPortMode),
    extraLivePorts: count('extraLivePorts', d.extraLivePorts),
    tokenMaxAgeSeconds: seconds('tokenMaxAgeSeconds', d.tokenMaxAgeSeconds),
    fastMessageIntervalMs: seconds('fastMessageIntervalMs', d.fastMessageIntervalMs),
    toCloseLeadSeconds: seconds('toCloseLeadSeconds', d.toCloseLeadSeconds),
    iceServers: readArray(section, 'iceServers', path, asObject, [...d.iceServers]),
  };
}

function readConstraints(object: JsonObject): ConstraintStrings {
  const section = readObject(object, 'constraints', '');
  rejectUnknownKeys(section, ['pc', 'offer', 'media'], 'constraints');
  const d = SCENARIO_DEFAULTS.constraints;

  // Any string goes, valid JSON or not: a broken one is a legitimate hostile-server test.
  return {
    pc: readString(section, 'pc', 'constraints', d.pc),
    offer: readString(section, 'offer', 'constraints', d.offer),
    media: readString(section, 'media', 'constraints', d.media),
  };
}

function buildScenario(value: unknown): Scenario {
  const object = asObject(value, 'scenario');
  rejectUnknownKeys(object, TOP_KEYS, '');
  const apps = readArray(object, 'apps', '', readApp);
  const seen = new Set<string>();
  apps.forEach((app, index) => {
    if (seen.has(app.appKey)) {
      throw DiagnosticError.invalidInput(
        `apps[${index}].appKey`,
        'to be unique',
        `a second \`${app.appKey}\``,
      );
    }
    seen.add(app.appKey);
  });
  const d = SCENARIO_DEFAULTS;
  const maxDuration = object.maxDurationHours;

  return {
    apps,
    lockedRooms: readArray(object, 'lockedRooms', '', readRoomRef),
    duplicateLoginRooms: readArray(object, 'duplicateLoginRooms', '', readRoomRef),
    clockOffsetMs: readNumber(object, 'clockOffsetMs', '', { fallback: 0 }),
    faults: readArray(object, 'faults', '', (item, path) => readFault(item, path)),
    allowQueryFaults: readBoolean(object, 'allowQueryFaults', '', d.allowQueryFaults),
    httpStatusByCode: readStatusTable(object, ''),
    corsMatch: readChoice(object, 'corsMatch', '', ['host', 'host-port', 'origin'], d.corsMatch),
    emptyCorsUrlsCode: readChoice(object, 'emptyCorsUrlsCode', '', [4003, 4004], 4004),
    windowCheck: readChoice(object, 'windowCheck', '', ['join', 'api'], d.windowCheck),
    notStartApplies: readChoice(
      object,
      'notStartApplies',
      '',
      ['all', 'persistent'],
      d.notStartApplies,
    ),
    windowApiCode: readNumber(object, 'windowApiCode', '', {
      fallback: d.windowApiCode,
      min: 1000,
      max: 9999,
      integer: true,
    }),
    maxDurationHours:
      maxDuration === undefined || maxDuration === null
        ? null
        : readNumber(object, 'maxDurationHours', '', { min: Number.MIN_VALUE }),
    ipSigserverStyle: readChoice(
      object,
      'ipSigserverStyle',
      '',
      ['auto', 'host', 'host-port'],
      d.ipSigserverStyle,
    ),
    signalling: readSignalling(object),
    constraints: readConstraints(object),
    description: readOptionalText(object, 'description', ''),
  };
}

/** Validates a scenario, filling in every default; the error names the field path. */
export function parseScenario(value: unknown): Result<Scenario> {
  try {
    return ok(buildScenario(value));
  } catch (error) {
    const diagnostic = DiagnosticError.from(error);

    return fail(diagnostic.code, diagnostic.message, diagnostic.detail);
  }
}
