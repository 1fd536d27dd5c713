import { describe, expect, it } from 'vitest';

import { buildApiUrl, requestTarget } from '../../../electron/core/api-url';

const base = {
  server: 'https://api.temasys.io',
  appKey: 'key-1',
  room: 'room',
  startDateTime: null,
  duration: null,
  credentials: null,
};

describe('buildApiUrl()', () => {
  it('builds the CORS URL with a rand cache-buster', () => {
    expect(buildApiUrl({ ...base, authMode: 'cors' }, 1_796_000_000_000)).toBe(
      'https://api.temasys.io/api/key-1/room?rand=1796000000000',
    );
  });

  it(
    'puts start and duration verbatim in the ' + 'path and cred before rand in credentials mode',
    () => {
      const url = buildApiUrl(
        {
          ...base,
          authMode: 'credentials',
          startDateTime: '2026-12-03T09:00:00.000Z',
          duration: '0.5',
          credentials: 'ZMhFOe3III4%2BZqzfBpMF6d1OT%2Bg%3D',
        },
        42,
      );

      expect(url).toBe(
        'https://api.temasys.io/api/key-1/room/2026-12-03T09:00:00.000Z/0.5' +
          '?cred=ZMhFOe3III4%2BZqzfBpMF6d1OT%2Bg%3D&rand=42',
      );
    },
  );

  it('drops a trailing slash of the server', () => {
    expect(buildApiUrl({ ...base, server: 'http://127.0.0.1:8080/', authMode: 'cors' }, 1)).toBe(
      'http://127.0.0.1:8080/api/key-1/room?rand=1',
    );
  });

  it('leaves an unencoded `+` in a given credentials string as it is', () => {
    const url = buildApiUrl(
      {
        ...base,
        authMode: 'credentials',
        startDateTime: 'now',
        duration: '2',
        credentials: 'ab+c=',
      },
      1,
    );

    expect(url).toContain('?cred=ab+c=&rand=1');
  });
});

describe('requestTarget()', () => {
  it('encodes spaces and non-ASCII as a browser does but keeps colons and percent escapes', () => {
    expect(
      requestTarget('http://h/api/k/sala ü/2026-01-01T00:00:00.000Z/2?cred=a%2Bb&rand=1'),
    ).toBe('/api/k/sala%20%C3%BC/2026-01-01T00:00:00.000Z/2?cred=a%2Bb&rand=1');
  });
});
