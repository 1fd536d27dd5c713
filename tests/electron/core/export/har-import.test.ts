import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ProfileDraftSchema } from '../../../../electron/contract';
import { profileFromHar } from '../../../../electron/core/export';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/har');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

describe('profileFromHar()', () => {
  it('turns a credentials-mode request of SDK 0.6 into a profile draft', () => {
    const result = profileFromHar(fixture('credentials-0.6.har'), false);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.draft).toMatchObject({
      server: 'https://api.temasys.io',
      appKey: '4f8b-demo-key',
      room: 'support room',
      authMode: 'credentials',
      origin: 'https://app.customer.example',
      startDateTime: '2026-11-30T08:00:00.000Z',
      duration: 2,
      credentialsSource: 'secret',
      sdk: '0.6',
    });
    expect(ProfileDraftSchema.safeParse(result.value.draft).success).toBe(true);
    expect(result.value.credentials).toBeNull();
    expect(result.value.sourceUrl).toContain('cred=[REDACTED:credentials]');
    expect(JSON.stringify(result.value)).not.toContain('Zm9vYmFy');
  });

  it('keeps the credentials string, still percent-encoded, only when asked', () => {
    const result = profileFromHar(fixture('credentials-0.6.har'), true);

    expect(result.ok && result.value.credentials).toBe('Zm9vYmFy%2BYmF6cXV4%2FcXV1eA%3D%3D');
    expect(result.ok && result.value.draft.credentialsSource).toBe('given');
    expect(result.ok && result.value.sourceUrl).not.toContain('Zm9vYmFy');
  });

  it('reads a CORS request of SDK 2.x, taking the origin from the Referer', () => {
    const result = profileFromHar(fixture('cors-2x.har'), true);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.draft).toMatchObject({
      server: 'https://api.temasys.io',
      appKey: 'key-2x',
      room: 'lobby',
      authMode: 'cors',
      origin: 'https://shop.customer.example',
      startDateTime: null,
      duration: null,
      sdk: '2.x',
    });
    expect(result.value.credentials).toBeNull();
  });

  it('says so when the HAR holds no Skylink request', () => {
    const result = profileFromHar(fixture('no-skylink.har'), false);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/Skylink API request.*among the 2 requests/);
  });

  it('rejects text that is not a HAR, naming what is missing', () => {
    const notJson = profileFromHar('<html>', false);
    const noEntries = profileFromHar('{"log": {}}', false);

    expect(!notJson.ok && notJson.error.message).toMatch(/not JSON/);
    expect(!noEntries.ok && noEntries.error.message).toMatch(/`log\.entries` to be an array/);
  });

  it('names the field when the request does not make a valid profile', () => {
    const har = fixture('credentials-0.6.har').replace(/\/2\?cred=/g, '/two?cred=');
    const result = profileFromHar(har, false);

    expect(!result.ok && result.error.message).toMatch(/`duration`/);
  });
});

describe('profileFromHar() with a preflight', () => {
  it('reads the GET, not the CORS preflight before it', () => {
    // The preflight comes first in the fixture and carries no SDK headers: reading it would
    // give the 0.6 flavour for a 2.x page.
    const har = JSON.parse(readFileSync(join(FIXTURES, 'cors-2x.har'), 'utf8')) as {
      log: { entries: { request: { method: string; headers: unknown[] } }[] };
    };
    const get = har.log.entries[1];
    if (get === undefined) throw new Error('fixture changed');
    har.log.entries.splice(
      1,
      0,
      structuredClone({ ...get, request: { ...get.request, method: 'OPTIONS', headers: [] } }),
    );
    const result = profileFromHar(JSON.stringify(har), false);

    expect(result.ok && result.value.draft.sdk).toBe('2.x');
  });
});
