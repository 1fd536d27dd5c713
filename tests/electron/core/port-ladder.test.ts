import { describe, expect, it } from 'vitest';

import { buildPortLadder, portsFor } from '../../../electron/core/port-ladder';

const summary = (protocol: 'http:' | 'https:', ports: number[]) =>
  buildPortLadder(protocol, ports).map(
    (rung) => `${rung.port}/${rung.transport}/${rung.fallbackType}`,
  );

describe('buildPortLadder()', () => {
  it('follows the 0.6.39 order for the https defaults', () => {
    expect(summary('https:', [443, 3443])).toEqual([
      '443/websocket/nonfallback',
      '3443/websocket/fallbackPortSSL',
      '443/polling/fallbackLongPollingSSL',
      '3443/polling/fallbackLongPollingSSL',
      '3443/polling/fallbackLongPollingSSL',
      '3443/polling/fallbackLongPollingSSL',
    ]);
  });

  it('uses the non-SSL fallback types over http', () => {
    expect(summary('http:', [80, 3000])).toEqual([
      '80/websocket/nonfallback',
      '3000/websocket/fallbackPortNonSSL',
      '80/polling/fallbackLongPollingNonSSL',
      '3000/polling/fallbackLongPollingNonSSL',
      '3000/polling/fallbackLongPollingNonSSL',
      '3000/polling/fallbackLongPollingNonSSL',
    ]);
  });

  it('goes straight to polling after a single port', () => {
    expect(summary('http:', [9000])).toEqual([
      '9000/websocket/nonfallback',
      '9000/polling/fallbackLongPollingNonSSL',
      '9000/polling/fallbackLongPollingNonSSL',
      '9000/polling/fallbackLongPollingNonSSL',
    ]);
  });

  it('numbers rungs from 1 and uses the SDK reconnection settings per transport', () => {
    const ladder = buildPortLadder('https:', [443, 3443]);

    expect(ladder.map((rung) => rung.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ladder[0]).toMatchObject({ reconnectionAttempts: 2, reconnectionDelayMaxMs: 5000 });
    expect(ladder[2]).toMatchObject({ reconnectionAttempts: 4, reconnectionDelayMaxMs: 1000 });
  });

  it('is empty without ports', () => {
    expect(buildPortLadder('http:', [])).toEqual([]);
  });
});

describe('portsFor()', () => {
  it('falls back to the SDK defaults when the API list is empty', () => {
    expect(portsFor('http:', { httpPorts: [], httpsPorts: [1] })).toEqual([80, 3000]);
    expect(portsFor('https:', { httpPorts: [1], httpsPorts: [] })).toEqual([443, 3443]);
  });

  it('uses the list of the server protocol', () => {
    expect(portsFor('http:', { httpPorts: [8080, 8081], httpsPorts: [443] })).toEqual([8080, 8081]);
  });
});
