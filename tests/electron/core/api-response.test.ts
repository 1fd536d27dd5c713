import { describe, expect, it } from 'vitest';

import { parseApiBody, validateApiResponse } from '../../../electron/core/api-response';

const good = {
  success: true,
  cid: 'c',
  apiOwner: 'o',
  username: 'u',
  userCred: 'uc-token',
  timeStamp: '2026-12-03T09:00:00.000Z',
  room_key: 'rk',
  roomCred: 'rc-token',
  start: '2026-12-03T09:00:00.000Z',
  len: 24,
  ipSigserver: '127.0.0.1',
  ipSigserverPath: '/socket.io',
  httpPortList: [80, 3000],
  httpsPortList: [443],
  pc_constraints: '{"optional":[]}',
  offer_constraints: '{}',
  media_constraints: '{"audio":true}',
  isPrivileged: false,
};

describe('parseApiBody()', () => {
  it('tells JSON, empty and unparseable bodies apart', () => {
    expect(parseApiBody('{"a":1}')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(parseApiBody('  ')).toEqual({ kind: 'empty' });
    expect(parseApiBody('<html>')).toMatchObject({ kind: 'invalid' });
  });

  it('rejects JSON that is not an object, naming what came', () => {
    expect(parseApiBody('[1]')).toEqual({
      kind: 'invalid',
      message: 'Expected the API body to be a JSON object, got [1]',
    });
  });
});

describe('validateApiResponse()', () => {
  it('maps a complete body and decodes the constraint strings', () => {
    const result = validateApiResponse(good);

    expect(result).toMatchObject({
      ok: true,
      value: {
        roomKey: 'rk',
        len: 24,
        httpPorts: [80, 3000],
        httpsPorts: [443],
        autoIntroduce: null,
        constraints: { pc: { optional: [] }, offer: {}, media: { audio: true } },
      },
    });
  });

  it('names a port list sent as a string', () => {
    const result = validateApiResponse({ ...good, httpPortList: '80' });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      code: 'http.malformed',
      message: 'Expected `httpPortList` to be an array of numbers, got "80"',
    });
  });

  it('names each missing or mistyped field', () => {
    const result = validateApiResponse({
      ...good,
      roomCred: undefined,
      len: '24',
      media_constraints: 5,
    });

    expect(!result.ok && result.error.message).toBe(
      [
        'Expected `roomCred` to be a non-empty string, got nothing',
        'Expected `len` to be a number of hours, got "24"',
        'Expected `media_constraints` to be a JSON-encoded string, got 5',
      ].join('; '),
    );
  });

  it('names a constraint string that is not JSON', () => {
    const result = validateApiResponse({ ...good, offer_constraints: '{oops' });

    expect(!result.ok && result.error.message).toBe(
      'Expected `offer_constraints` to hold JSON, got "{oops"',
    );
  });

  it('accepts missing optional fields: no path, no port lists', () => {
    const result = validateApiResponse({
      ...good,
      ipSigserverPath: undefined,
      httpPortList: undefined,
      httpsPortList: undefined,
    });

    expect(result).toMatchObject({
      ok: true,
      value: { ipSigserverPath: null, httpPorts: [], httpsPorts: [] },
    });
  });
});
