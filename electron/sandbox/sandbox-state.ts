import type { Clock } from '../core/clock';

import type { RoomRef, Scenario, ScenarioApp } from './scenario-types';
import type { TokenMinter } from './token-minter';

/** One joined participant. */
export interface SessionRecord {
  sid: string;
  rid: string;
  appKey: string;
  room: string;
  userCred: string;
  /** Sends one message (already an object) to this participant. */
  send(message: Record<string, unknown>): void;
  /** Ends the participant's socket. */
  close(): void;
}

/**
 * Everything the HTTP API and the signalling servers share: the scenario, the clock, the
 * token key, issued rooms, joined sessions and dynamic locks.
 */
export interface SandboxState {
  scenario: Scenario;
  clock: Clock;
  minter: TokenMinter;
  /** `room_key` → the key and room it was issued for. */
  rooms: Map<string, { appKey: string; room: string }>;
  /** `sid` → session. */
  sessions: Map<string, SessionRecord>;
  /** `room_key`s locked by a participant's `roomLockEvent`. */
  dynamicLocks: Set<string>;
  findApp(appKey: string): ScenarioApp | undefined;
  /** Joined users of an app, for the seat limit. */
  seatsInUse(appKey: string): number;
  isListed(list: RoomRef[], appKey: string, room: string): boolean;
  sessionsIn(rid: string): SessionRecord[];
}

/** Builds the shared state. */
export function createSandboxState(scenario: Scenario, clock: Clock, minter: TokenMinter) {
  const sessions = new Map<string, SessionRecord>();
  const state: SandboxState = {
    scenario,
    clock,
    minter,
    rooms: new Map(),
    sessions,
    dynamicLocks: new Set(),
    findApp: (appKey) => scenario.apps.find((app) => app.appKey === appKey),
    seatsInUse: (appKey) => [...sessions.values()].filter((s) => s.appKey === appKey).length,
    isListed: (list, appKey, room) =>
      list.some(
        (entry) => entry.room === room && (entry.appKey === '*' || entry.appKey === appKey),
      ),
    sessionsIn: (rid) => [...sessions.values()].filter((s) => s.rid === rid),
  };

  return state;
}
