import type { SdkFlavour } from '../contract';

import type { ApiResponse } from './api-response';
import { ENGINE_VERSION } from './version';

/** The `joinRoom` message of protocol spec §8.3, every value copied from the API response. */
export interface JoinRoomMessage {
  type: 'joinRoom';
  uid: string;
  cid: string;
  rid: string;
  userCred: string;
  timeStamp: string;
  apiOwner: string;
  roomCred: string;
  start: string;
  len: number;
  isPrivileged: boolean;
  autoIntroduce: boolean;
  key: string;
}

/**
 * Builds `joinRoom` as 0.6.39 `room-connection.js` and 2.x `joinRoomMessage.js` do:
 * `isPrivileged` defaults to false (`=== true`), `autoIntroduce` to true (`!== false`).
 */
export function buildJoinRoomMessage(api: ApiResponse, appKey: string): JoinRoomMessage {
  return {
    type: 'joinRoom',
    uid: api.username,
    cid: api.cid,
    rid: api.roomKey,
    userCred: api.userCred,
    timeStamp: api.timeStamp,
    apiOwner: api.apiOwner,
    roomCred: api.roomCred,
    start: api.start,
    len: api.len,
    isPrivileged: api.isPrivileged === true,
    autoIntroduce: api.autoIntroduce !== false,
    key: appKey,
  };
}

/** The `enter` message a client sends once `inRoom` arrived (protocol spec §8.4). */
export interface EnterMessage {
  type: 'enter';
  mid: string;
  rid: string;
  agent: string;
  version: string;
  os: string;
  userInfo: Record<string, unknown>;
  weight: number;
  receiveOnly: boolean;
  enableDataChannel: boolean;
  enableIceRestart: boolean;
  SMProtocolVersion: string;
  DTProtocolVersion: string;
}

/** The signalling protocol versions each flavour announces in `enter`. */
export const SM_PROTOCOL_VERSION = { '0.6': '0.1.2.4', '2.x': '2.1.0' } as const;

/** The data-transfer protocol version both flavours announce. */
export const DT_PROTOCOL_VERSION = '0.1.3';

/**
 * Builds `enter`. The engine sends no media and opens no data channel; it names itself as
 * the agent so a server log shows that a diagnostic client, not a browser, joined.
 */
export function buildEnterMessage(input: {
  sdk: SdkFlavour;
  sid: string;
  rid: string;
  tieBreaker: number;
  os: string;
}): EnterMessage {
  return {
    type: 'enter',
    mid: input.sid,
    rid: input.rid,
    agent: 'skylink-diag',
    version: ENGINE_VERSION,
    os: input.os,
    userInfo: {},
    weight: input.tieBreaker,
    receiveOnly: false,
    enableDataChannel: false,
    enableIceRestart: false,
    SMProtocolVersion: SM_PROTOCOL_VERSION[input.sdk],
    DTProtocolVersion: DT_PROTOCOL_VERSION,
  };
}
