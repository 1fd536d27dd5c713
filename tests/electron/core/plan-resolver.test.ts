import { describe, expect, it } from 'vitest';

import { NetworkOptionsSchema } from '../../../electron/contract';
import { resolvePlan, type PlanInput } from '../../../electron/core/plan-resolver';

const NOW = Date.parse('2026-12-03T09:30:15.250Z');

const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  profileId: null,
  profileName: 'test',
  server: 'https://api.temasys.io',
  embeddedSandbox: false,
  appKey: 'key',
  room: 'room',
  authMode: 'credentials',
  origin: null,
  startDateTime: '2026-12-03T09:00:00.000Z',
  duration: 2,
  secret: 'demo-credentials-secret',
  givenCredentials: null,
  sdk: '0.6',
  network: NetworkOptionsSchema.parse({}),
  ...overrides,
});

describe('resolvePlan()', () => {
  it('computes the credentials in credentials mode', () => {
    const result = resolvePlan(input(), NOW);

    expect(result).toMatchObject({
      ok: true,
      value: {
        duration: '2',
        startDateTime: '2026-12-03T09:00:00.000Z',
        credentials: 'ZMhFOe3III4%2BZqzfBpMF6d1OT%2Bg%3D',
        credentialsSource: 'computed',
      },
    });
  });

  it('uses given credentials verbatim, even unencoded', () => {
    const result = resolvePlan(input({ givenCredentials: 'ZMhFOe3III4+ZqzfBpMF6d1OT+g=' }), NOW);

    expect(result).toMatchObject({
      ok: true,
      value: { credentials: 'ZMhFOe3III4+ZqzfBpMF6d1OT+g=', credentialsSource: 'given' },
    });
  });

  it('resolves relative start tokens against the clock', () => {
    const now = resolvePlan(input({ startDateTime: 'now-3h' }), NOW);
    const today = resolvePlan(input({ startDateTime: 'today' }), NOW);

    expect(now.ok && now.value.startDateTime).toBe('2026-12-03T06:30:15.250Z');
    expect(today.ok && today.value.startDateTime).toBe('2026-12-03T00:00:00.000Z');
  });

  it('starts `half-day` at the last 00:00 or 12:00 UTC, so 24 hours from it never end soon', () => {
    const at = (iso: string): string | false => {
      const plan = resolvePlan(input({ startDateTime: 'half-day' }), Date.parse(iso));

      return plan.ok && (plan.value.startDateTime ?? false);
    };

    expect(at('2026-12-03T09:30:15.250Z')).toBe('2026-12-03T00:00:00.000Z');
    expect(at('2026-12-03T12:00:00.000Z')).toBe('2026-12-03T12:00:00.000Z');
    expect(at('2026-12-03T23:57:00.000Z')).toBe('2026-12-03T12:00:00.000Z');
    expect(at('2026-12-04T00:00:30.000Z')).toBe('2026-12-04T00:00:00.000Z');
  });

  it('keeps an ISO start with an offset exactly as typed', () => {
    const result = resolvePlan(input({ startDateTime: '2026-12-03T09:00:00.000+0000' }), NOW);

    expect(result.ok && result.value.startDateTime).toBe('2026-12-03T09:00:00.000+0000');
  });

  it('drops start, duration and credentials in CORS mode', () => {
    const result = resolvePlan(input({ authMode: 'cors', server: 'http://127.0.0.1:9/' }), NOW);

    expect(result).toMatchObject({
      ok: true,
      value: {
        server: 'http://127.0.0.1:9',
        startDateTime: null,
        duration: null,
        credentials: null,
      },
    });
  });

  it('names `startDateTime` when credentials mode has no start', () => {
    const result = resolvePlan(input({ startDateTime: null }), NOW);

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'input.invalid', detail: { field: 'startDateTime' } },
    });
  });

  it('names `startDateTime` when the start is not a date', () => {
    const result = resolvePlan(input({ startDateTime: 'yesterday' }), NOW);

    expect(!result.ok && result.error.message).toContain('`startDateTime`');
    expect(!result.ok && result.error.message).toContain('`yesterday`');
  });

  it('names `duration` when it is missing or not positive', () => {
    for (const duration of [null, 0, -1, Number.NaN]) {
      const result = resolvePlan(input({ duration }), NOW);

      expect(!result.ok && result.error.detail).toEqual({ field: 'duration' });
    }
  });

  it('answers secret.missing without a secret and without given credentials', () => {
    const result = resolvePlan(input({ secret: null, givenCredentials: null }), NOW);

    expect(result).toMatchObject({ ok: false, error: { code: 'secret.missing' } });
  });

  it('names the server, app key and room when they are unusable', () => {
    expect(resolvePlan(input({ server: 'ftp://x' }), NOW)).toMatchObject({
      ok: false,
      error: { detail: { field: 'server' } },
    });
    expect(resolvePlan(input({ appKey: ' ' }), NOW)).toMatchObject({
      ok: false,
      error: { detail: { field: 'appKey' } },
    });
    expect(resolvePlan(input({ room: '' }), NOW)).toMatchObject({
      ok: false,
      error: { detail: { field: 'room' } },
    });
  });
});
