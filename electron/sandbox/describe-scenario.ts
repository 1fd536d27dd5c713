import { DEMO_ORIGIN } from '../core/demo-apps';

import { SCENARIO_DEFAULTS } from './parse-scenario';
import type { RoomRef, Scenario, ScenarioApp } from './scenario-types';

/** The env var the printed commands read the secret from. */
const SECRET_ENV = 'SKYLINK_SECRET';

/** What an app reproduces with a plain request, in check order (spec §10.1). */
export function appOutcome(app: ScenarioApp, scenario: Scenario): string {
  if (!app.parentApp) return 'API 4006 (key without a parent app)';
  if (app.authHost !== null) return `API 5005 (key belongs to auth host ${app.authHost})`;
  if (app.domainName !== null) return `API 4002 (key bound to server IP ${app.domainName})`;
  if (app.persistent) return 'API 4010 unless the credentials match a scheduled meeting';
  if (app.seatLimit === 0) return 'API 4020 (seat limit reached)';
  if (app.mintingFails) return 'API 4021 (token minting fails)';
  if (!app.enabled) return 'join rejected with `keyFailed` (key disabled)';
  if (app.corsUrls.length === 0) {
    return `CORS mode: API ${scenario.emptyCorsUrlsCode}; credentials mode joins`;
  }

  return 'joins (CORS and credentials mode)';
}

function roomsOf(list: RoomRef[], appKey: string): string[] {
  return list.filter((e) => e.appKey === '*' || e.appKey === appKey).map((e) => e.room);
}

function server(serverUrl: string | undefined): string {
  return serverUrl === undefined ? '--sandbox' : `--server ${serverUrl}`;
}

function corsCommand(app: ScenarioApp, room: string, serverUrl?: string): string {
  const origin = app.corsUrls[0] === undefined ? DEMO_ORIGIN : `https://${app.corsUrls[0]}`;

  return (
    `skylink-diag run ${server(serverUrl)} --app-key ${app.appKey} --room ${room} ` +
    `--origin ${origin}`
  );
}

function credentialsCommand(
  app: ScenarioApp,
  meeting: { room: string; start: string; duration: number },
  serverUrl?: string,
): string {
  return (
    `${SECRET_ENV}=${app.secret} skylink-diag run ${server(serverUrl)} --app-key ${app.appKey} ` +
    `--room ${meeting.room} --secret-env ${SECRET_ENV} --start ${meeting.start} ` +
    `--duration ${meeting.duration}`
  );
}

/** Lines for one app: its key, secret, rooms, outcome and one command. */
function describeApp(app: ScenarioApp, scenario: Scenario, serverUrl?: string): string[] {
  const ownRooms = (list: RoomRef[]) =>
    list.filter((e) => e.appKey === app.appKey).map((e) => e.room);
  const locked = ownRooms(scenario.lockedRooms);
  const twins = ownRooms(scenario.duplicateLoginRooms);
  const cors = app.corsUrls.length === 0 ? '(none: credentials only)' : app.corsUrls.join(', ');
  const lines = [app.appKey];
  if (app.description !== '') lines.push(`  about:    ${app.description}`);
  lines.push(
    `  secret:   ${app.secret}`,
    `  cors:     ${cors}`,
    `  outcome:  ${appOutcome(app, scenario)}`,
  );
  if (locked.length > 0) lines.push(`  locked:   ${locked.join(', ')}`);
  if (twins.length > 0) lines.push(`  twins:    ${twins.join(', ')}`);
  for (const meeting of app.meetings) {
    lines.push(
      `  meeting:  ${meeting.room} from ${meeting.startDateTime} for ${meeting.duration} h`,
    );
  }

  const meeting = app.meetings[0];
  const credentials = {
    room: meeting?.room ?? 'lobby',
    start: meeting === undefined ? 'now' : meeting.startDateTime,
    duration: meeting?.duration ?? 2,
  };
  lines.push(
    app.describeMode === 'cors'
      ? `  run:      ${corsCommand(app, 'lobby', serverUrl)}`
      : `  run:      ${credentialsCommand(app, credentials, serverUrl)}`,
  );

  return lines;
}

/** Failures that any joinable key reproduces through its inputs, with a command each. */
function describeRoomOutcomes(scenario: Scenario, serverUrl?: string): string[] {
  const app = scenario.apps.find(
    (candidate) =>
      candidate.parentApp &&
      candidate.enabled &&
      !candidate.persistent &&
      candidate.authHost === null &&
      candidate.domainName === null &&
      candidate.seatLimit > 0 &&
      !candidate.mintingFails &&
      candidate.corsUrls.length > 0,
  );
  if (app === undefined) return [];
  const cors = (room: string) => corsCommand(app, room, serverUrl);
  const creds = (start: string, duration: number) =>
    credentialsCommand(app, { room: 'lobby', start, duration }, serverUrl);
  const locked = roomsOf(scenario.lockedRooms, app.appKey)[0];
  const twin = roomsOf(scenario.duplicateLoginRooms, app.appKey)[0];
  const evilOrigin = cors('lobby').replace(/--origin \S+/, '--origin https://evil.example');
  const lines = [
    'Failures reproduced by the inputs (any joinable key):',
    `  4001 unknown key:          skylink-diag run ${server(serverUrl)} --app-key ` +
      `no-such-key --room lobby --origin ${DEMO_ORIGIN}`,
    `  4003 origin not listed:    ${evilOrigin}`,
    `  4004 no origin:            skylink-diag run ${server(serverUrl)} ` +
      `--app-key ${app.appKey} --room lobby`,
    `  4005 wrong secret:         ${creds('now', 2).replace(`=${app.secret}`, '=wrong-secret')}`,
    `  expired window:            ${creds('now-3h', 2)}`,
    `  notStart (future window):  ${creds('now+2h', 2)}`,
  ];
  if (locked !== undefined) lines.push(`  locked:                    ${cors(locked)}`);
  if (twin !== undefined) lines.push(`  duplicatedLogin:           ${cors(twin)}`);

  return lines;
}

/** Human text for `skylink-diag sandbox --describe`: every key and how to reproduce it. */
export function describeScenario(scenario: Scenario, options: { serverUrl?: string } = {}): string {
  const { serverUrl } = options;
  const s = scenario.signalling;
  const faults =
    scenario.faults.length === 0 ? 'none' : scenario.faults.map((f) => f.fault).join(', ');
  const header = [
    `Sandbox scenario: ${scenario.apps.length} app key(s)`,
    `  clock offset ${scenario.clockOffsetMs} ms; CORS match \`${scenario.corsMatch}\`; ` +
      `window checked at ${scenario.windowCheck}; token max age ${s.tokenMaxAgeSeconds} s`,
    `  signalling: ${s.deadPorts} dead port(s) (${s.deadPortMode}) first, ` +
      `${s.extraLivePorts} extra live port(s)` +
      (s.fastMessageIntervalMs === SCENARIO_DEFAULTS.signalling.fastMessageIntervalMs
        ? ''
        : `; flood interval ${s.fastMessageIntervalMs} ms`),
    `  faults: ${faults}`,
  ];
  if (scenario.description !== '') header.splice(1, 0, `  ${scenario.description}`);
  const everyKey = (list: RoomRef[]) => list.filter((e) => e.appKey === '*').map((e) => e.room);
  const locked = everyKey(scenario.lockedRooms);
  const twins = everyKey(scenario.duplicateLoginRooms);
  if (locked.length > 0)
    header.push(`  locked for every key (join: \`locked\`): ${locked.join(', ')}`);
  if (twins.length > 0) {
    header.push(`  duplicate-login rooms (join: \`duplicatedLogin\`): ${twins.join(', ')}`);
  }
  header.push('');
  const apps = scenario.apps.flatMap((app) => [...describeApp(app, scenario, serverUrl), '']);

  return [...header, ...apps, ...describeRoomOutcomes(scenario, serverUrl)].join('\n');
}
