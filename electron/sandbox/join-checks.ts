import type { SandboxState } from './sandbox-state';
import type { ScenarioApp } from './scenario-types';

/** The `joinRoom` fields the sandbox reads (spec §8.3). */
export interface JoinMessage {
  rid: string;
  uid: string;
  userCred: string;
  roomCred: string;
  timeStamp: string;
  start: string;
  len: number;
  key: string | null;
}

/** A join's outcome: admitted (with its app and room) or a reject reason. */
export type JoinVerdict =
  { ok: true; app: ScenarioApp; room: string } | { ok: false; reason: string; info: string };

const HOUR_MS = 3_600_000;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reads the fields out of an untrusted message; missing ones become empty strings. */
export function readJoinMessage(message: Record<string, unknown>): JoinMessage {
  const len = typeof message.len === 'number' ? message.len : Number(message.len);

  return {
    rid: text(message.rid),
    uid: text(message.uid),
    userCred: text(message.userCred),
    roomCred: text(message.roomCred),
    timeStamp: text(message.timeStamp),
    start: text(message.start),
    len,
    key: typeof message.key === 'string' ? message.key : null,
  };
}

function no(reason: string, info: string): JoinVerdict {
  return { ok: false, reason, info };
}

/**
 * The join checks in the order of spec §10.2, up to the lock. The `serverError` fault is the
 * caller's, as it is a fault rather than a rule.
 */
export function checkJoin(state: SandboxState, join: JoinMessage): JoinVerdict {
  const { scenario, clock } = state;
  const issued = state.rooms.get(join.rid);
  const appKey = issued?.appKey ?? join.key;
  const app = appKey === null ? undefined : state.findApp(appKey);
  if (app === undefined) return no('keyFailed', 'App settings could not be retrieved');
  if (!app.enabled) return no('keyFailed', `App Key \`${app.appKey}\` is disabled`);

  const tokensHold =
    issued !== undefined &&
    issued.appKey === app.appKey &&
    state.minter.verify(
      { rid: join.rid, start: join.start, len: join.len, uid: join.uid, timeStamp: join.timeStamp },
      { roomCred: join.roomCred, userCred: join.userCred },
    );
  if (!tokensHold) {
    return no('credentialError', 'roomCred/userCred do not match rid, start, len, uid, timeStamp');
  }

  const now = clock.now();
  const ageMs = now - Date.parse(join.timeStamp);
  const maxAgeMs = scenario.signalling.tokenMaxAgeSeconds * 1000;
  // 0 means every token is too old, even one used within the millisecond it was minted.
  if (ageMs > maxAgeMs || maxAgeMs === 0) {
    return no('oldTimeStamp', `The room token is ${Math.round(ageMs / 1000)} s old`);
  }
  const inUse = [...state.sessions.values()].some((s) => s.userCred === join.userCred);
  if (inUse || state.isListed(scenario.duplicateLoginRooms, app.appKey, issued.room)) {
    return no('duplicatedLogin', 'This token is already in use by another session');
  }
  const startMs = Date.parse(join.start);
  const appliesNotStart = scenario.notStartApplies === 'all' || app.persistent;
  if (appliesNotStart && now < startMs) {
    return no('notStart', `The session starts at ${join.start}`);
  }
  if (now > startMs + join.len * HOUR_MS) {
    return no(
      'expired',
      `The session ended at ${new Date(startMs + join.len * HOUR_MS).toISOString()}`,
    );
  }
  if (
    state.isListed(scenario.lockedRooms, app.appKey, issued.room) ||
    state.dynamicLocks.has(join.rid)
  ) {
    return no('locked', 'The room is locked');
  }

  return { ok: true, app, room: issued.room };
}
