import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The join fields a room token is bound to, as the API handed them out. */
export interface TokenFields {
  rid: string;
  start: string;
  len: number | string;
  uid: string;
  timeStamp: string;
}

/** The two tokens of an API answer. */
export interface TokenPair {
  roomCred: string;
  userCred: string;
}

/**
 * Mints and checks `roomCred`/`userCred`. The real derivation is unknown (spec §11.5), so the
 * sandbox signs the join fields with a key that lives only in this process: a token survives
 * no restart and cannot be forged from outside.
 */
export interface TokenMinter {
  mint(fields: TokenFields): TokenPair;
  verify(fields: TokenFields, tokens: TokenPair): boolean;
  /** A stable opaque id for a room of a key (`room_key`). */
  roomKey(appKey: string, room: string): string;
}

/** Creates a minter with a fresh random key. */
export function createTokenMinter(): TokenMinter {
  const key = randomBytes(32);
  const sign = (...parts: string[]) =>
    createHmac('sha256', key).update(parts.join('\n'), 'utf8').digest('base64url');
  const roomPart = (f: TokenFields) => [f.rid, f.start, String(f.len), f.timeStamp];
  const same = (a: string, b: string) => {
    const left = Buffer.from(a);
    const right = Buffer.from(b);

    return left.length === right.length && timingSafeEqual(left, right);
  };

  return {
    mint(fields) {
      return {
        roomCred: sign('room', ...roomPart(fields)),
        userCred: sign('user', ...roomPart(fields), fields.uid),
      };
    },
    verify(fields, tokens) {
      const expected = this.mint(fields);

      return same(expected.roomCred, tokens.roomCred) && same(expected.userCred, tokens.userCred);
    },
    roomKey(appKey, room) {
      return `r_${sign('rid', appKey, room).slice(0, 22)}`;
    },
  };
}
