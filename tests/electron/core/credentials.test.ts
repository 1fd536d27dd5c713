import { describe, expect, it } from 'vitest';

import {
  computeCredentials,
  credentialsMessage,
  renderDuration,
} from '../../../electron/core/credentials';

// Expected values computed outside the code with
// `printf '<message>' | openssl dgst -sha1 -hmac '<secret>' -binary | base64` (and `-hex`).
describe('computeCredentials', () => {
  it('signs `<room>_<duration>_<start>` with HMAC-SHA1 and base64 when the input is ASCII', () => {
    const steps = computeCredentials({
      room: 'room',
      duration: '2',
      startDateTime: '2026-12-03T09:00:00.000Z',
      secret: 'demo-credentials-secret',
    });

    expect(steps.message).toBe('room_2_2026-12-03T09:00:00.000Z');
    expect(steps.base64).toBe('ZMhFOe3III4+ZqzfBpMF6d1OT+g=');
    expect(steps.credentials).toBe('ZMhFOe3III4%2BZqzfBpMF6d1OT%2Bg%3D');
  });

  it('uses UTF-8 for a non-ASCII room and secret and keeps a fractional duration', () => {
    const steps = computeCredentials({
      room: 'sala-ü',
      duration: renderDuration(0.5),
      startDateTime: '2026-01-01T00:00:00.000Z',
      secret: 's3cr€t',
    });

    expect(steps.message).toBe('sala-ü_0.5_2026-01-01T00:00:00.000Z');
    expect(steps.base64).toBe('JLmKs7vMquoIf++Xa1r/xteS9yU=');
    expect(steps.credentials).toBe('JLmKs7vMquoIf%2B%2BXa1r%2FxteS9yU%3D');
  });

  it('reports the digest in hex as openssl prints it', () => {
    const steps = computeCredentials({
      room: 'lobby',
      duration: '24',
      startDateTime: '2026-12-03T00:00:00.000Z',
      secret: 'demo-cors-secret',
    });

    expect(steps.hmacHex).toBe('c40e6140fa20692d2b555d69bf635e17bbcabeb4');
    expect(steps.base64).toBe('xA5hQPogaS0rVV1pv2NeF7vKvrQ=');
  });

  it('matches a small fractional duration as the SDK docs write it', () => {
    const steps = computeCredentials({
      room: 'r1',
      duration: renderDuration(0.005),
      startDateTime: '2016-02-07T09:12:41.630Z',
      secret: 'abc',
    });

    expect(steps.base64).toBe('FsW4b9RTLN+xqA1FcNO8vXe/utQ=');
  });
});

describe('renderDuration', () => {
  it('renders hours as JavaScript String(n) does', () => {
    expect(renderDuration(2)).toBe('2');
    expect(renderDuration(2.0)).toBe('2');
    expect(renderDuration(0.5)).toBe('0.5');
    expect(renderDuration(1.4)).toBe('1.4');
  });
});

describe('credentialsMessage', () => {
  it('joins room, duration and start with underscores, verbatim', () => {
    expect(
      credentialsMessage({ room: 'a b', duration: '1', startDateTime: '2026-12-03T09:00:00+0000' }),
    ).toBe('a b_1_2026-12-03T09:00:00+0000');
  });
});
