import { request } from 'node:http';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startWebApp, upgradeStatus as upgradeStatusOf, type WebApp } from '../../support/web-app';

let app: WebApp;
let origin: string;

beforeAll(async () => {
  app = await startWebApp();
  origin = new URL(app.host.url).origin;
});
afterAll(async () => {
  await app.close();
});

/** The HTTP status an upgrade with exactly these headers gets: 101 when the socket opens. */
function upgradeStatus(query: string, headers: Record<string, string>): Promise<number> {
  return upgradeStatusOf(app.host.port, query, headers);
}

function statusFor(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: app.host.port, path, headers: { Host: host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

// The basic cases (no token, a wrong one, a foreign Origin, 127.0.0.1 only, 421 for another
// name) are in tests/e2e/web-host-security.test.ts; these are the near misses.
describe('the web host admission', () => {
  it(
    'refuses near-miss tokens: one digit off, ' + 'upper-cased, cut, padded, or second in line',
    async () => {
      const { token } = app.host;
      const last = token.at(-1) === '0' ? '1' : '0';
      const nearMisses = [
        `${token.slice(0, -1)}${last}`,
        token.toUpperCase(),
        token.slice(0, 32),
        `${token}0`,
        ` ${token}`,
        encodeURIComponent(`${token}\u0000`),
      ];
      for (const candidate of nearMisses) {
        expect(await upgradeStatus(`?token=${candidate}`, { Origin: origin }), candidate).toBe(401);
      }
      expect(await upgradeStatus(`?token=wrong&token=${token}`, { Origin: origin })).toBe(401);
      expect(await upgradeStatus(`?Token=${token}`, { Origin: origin })).toBe(401);
    },
  );

  it('refuses any generated 64-hex token that is not this start’s', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9a-f]{64}$/), async (candidate) => {
        fc.pre(candidate !== app.host.token);

        expect(await upgradeStatus(`?token=${candidate}`, { Origin: origin })).toBe(401);
      }),
      { numRuns: 40 },
    );
  });

  it(
    'refuses the right token without our Origin: ' + 'none, null, localhost or another port',
    async () => {
      const query = `?token=${app.host.token}`;
      const port = app.host.port;

      expect(await upgradeStatus(query, {})).toBe(401);
      for (const other of ['null', `http://localhost:${port}`, `http://127.0.0.1:${port + 1}`]) {
        expect(await upgradeStatus(query, { Origin: other }), other).toBe(401);
      }
      expect(await upgradeStatus(query, { Origin: origin })).toBe(101);
    },
  );

  it('serves the page only under its own Host, not under another name for loopback', async () => {
    const port = app.host.port;

    expect(await statusFor('/', `127.0.0.1:${port}`)).toBe(200);
    for (const host of [`localhost:${port}`, `127.0.0.1.evil.example:${port}`, '127.0.0.1']) {
      expect(await statusFor('/', host), host).toBe(421);
    }
  });
});
