import { randomBytes } from 'node:crypto';

import type { ApprovedRequest } from './api-checks';
import type { SandboxState } from './sandbox-state';

/** Where the answer tells the client to dial for signalling. */
export interface SignallingTarget {
  host: string;
  ports: number[];
  protocol: 'http:' | 'https:';
  /** True for 2.x-style requests (an `X-Server-Select` header) under `ipSigserverStyle: auto`. */
  withPort: boolean;
}

/** A user id in the platform's style: opaque and unique per API call. */
function newUsername(): string {
  return `user_${randomBytes(6).toString('hex')}`;
}

/**
 * Builds the success body with every field of spec §6.1, mints the tokens and records the
 * room key so the join can find its app again.
 */
export function buildSuccessBody(
  state: SandboxState,
  approved: ApprovedRequest,
  target: SignallingTarget,
): Record<string, unknown> {
  const { scenario, minter } = state;
  const rid = minter.roomKey(approved.app.appKey, approved.room);
  state.rooms.set(rid, { appKey: approved.app.appKey, room: approved.room });
  const username = newUsername();
  const timeStamp = new Date(state.clock.now()).toISOString();
  const tokens = minter.mint({
    rid,
    start: approved.start,
    len: approved.len,
    uid: username,
    timeStamp,
  });
  const firstPort = target.ports[0] ?? 0;

  return {
    success: true,
    cid: `cid_${approved.app.appKey}`,
    apiOwner: `owner_${approved.app.appKey}@sandbox.invalid`,
    username,
    userCred: tokens.userCred,
    timeStamp,
    room_key: rid,
    roomCred: tokens.roomCred,
    start: approved.start,
    len: approved.len,
    ipSigserver: target.withPort ? `${target.host}:${firstPort}` : target.host,
    ipSigserverPath: '/socket.io',
    httpPortList: target.ports,
    httpsPortList: target.ports,
    portSigserver: firstPort,
    protocol: target.protocol,
    pc_constraints: scenario.constraints.pc,
    offer_constraints: scenario.constraints.offer,
    media_constraints: scenario.constraints.media,
    isPrivileged: false,
    autoIntroduce: true,
    hasMCU: false,
    enable_stats_config: false,
    hasPersistentMessage: false,
    roomName: approved.room,
    roomSessionId: `session_${rid}`,
    peerSessionId: `peer_${username}`,
    displayName: username,
  };
}

/** The same body with the wrong JSON types everywhere a client could trip (`wrong-types`). */
export function wrongTypesBody(body: Record<string, unknown>): Record<string, unknown> {
  return {
    ...body,
    success: 'true',
    len: String(body.len),
    httpPortList: (body.httpPortList as number[]).join(','),
    httpsPortList: { first: (body.httpsPortList as number[])[0] },
    pc_constraints: JSON.parse(body.pc_constraints as string) as unknown,
    offer_constraints: 42,
    timeStamp: Date.parse(body.timeStamp as string),
    ipSigserver: ['127.0.0.1'],
    isPrivileged: 'no',
  };
}
