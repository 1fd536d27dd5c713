import { describe, expect, it } from 'vitest';

import { computeCredentials } from '../../../../electron/core/credentials';
import { lintCredentials, type LintInput } from '../../../../electron/core/diagnosis';

const secret = 'lint-secret';
const base = { room: 'lobby', duration: '2', startDateTime: '2026-12-03T09:00:00.000Z' };
const good = computeCredentials({ ...base, secret });

function lint(input: Partial<LintInput>) {
  return lintCredentials({ ...base, credentials: good.credentials, ...input });
}

function ids(input: Partial<LintInput>): string[] {
  return lint(input).problems.map((problem) => problem.id);
}

describe('lintCredentials()', () => {
  it('passes correct credentials with and without the secret', () => {
    expect(lint({}).ok).toBe(true);
    const checked = lint({ secret });

    expect(checked.ok).toBe(true);
    expect(checked.firstDifference).toBeNull();
    expect(checked.steps.map((step) => [step.step, step.matches])).toEqual([
      ['message', true],
      ['hmac', true],
      ['base64', true],
      ['encoding', true],
    ]);
  });

  it('never puts the secret in the result', () => {
    expect(JSON.stringify(lint({ secret, credentials: 'x' }))).not.toContain(secret);
  });

  it('flags a start without a zone, a non-ISO start and a date that is not one', () => {
    expect(ids({ startDateTime: '2026-12-03T09:00:00' })).toContain('start.no-zone');
    expect(ids({ startDateTime: 'Thu Dec 03 2026 09:00:00 GMT+0000' })).toContain('start.not-iso');
    expect(lint({ startDateTime: 'yesterday' }).problems[0]?.message).toContain('is not a date');
    expect(ids({ startDateTime: '2026-12-03T09:00:00+08:00' })).toEqual([]);
  });

  it('flags a duration that looks like minutes, or is not as String(n) writes it', () => {
    expect(ids({ duration: '90' })).toContain('duration.minutes');
    expect(lint({ duration: '60' }).problems[0]?.message).toContain('send 1');
    expect(ids({ duration: '2.0' })).toContain('duration.text');
    expect(ids({ duration: '37' })).toContain('duration.too-long');
    expect(ids({ duration: 'two' })).toEqual(['duration.not-number']);
    expect(ids({ duration: '0' })).toEqual(['duration.not-positive']);
  });

  it('flags a room that differs from the URL room', () => {
    expect(ids({ urlRoom: 'other' })).toContain('room.url-mismatch');
  });

  it('flags missing, double and broken percent-encoding, whitespace and length', () => {
    expect(ids({ credentials: good.base64 })).toContain('credentials.not-encoded');
    expect(ids({ credentials: encodeURIComponent(good.credentials) })).toContain(
      'credentials.double-encoded',
    );
    expect(ids({ credentials: `${good.credentials}\n` })).toContain('credentials.whitespace');
    expect(ids({ credentials: good.base64.replace(/\+/g, ' ') })).toContain(
      'credentials.whitespace',
    );
    expect(ids({ credentials: 'abc%3D' })).toContain('credentials.length');
    expect(ids({ credentials: '' })).toEqual(['credentials.empty']);
  });

  it('says the string signed differs when a usual mistake reproduces the digest', () => {
    const signed2dot0 = computeCredentials({ ...base, duration: '2.0', secret }).credentials;
    const result = lint({ secret, credentials: signed2dot0 });

    expect(result.firstDifference).toBe('message');
    expect(result.steps[0]?.actual).toBe(`lobby_2.0_${base.startDateTime}`);
    expect(result.problems.at(-1)?.id).toBe('credentials.message-mismatch');
  });

  it('finds the signed room when the URL room differs', () => {
    const result = lint({ secret, urlRoom: 'other-room' });

    expect(result.firstDifference).toBe('message');
    expect(result.steps[0]?.expected).toBe(`other-room_2_${base.startDateTime}`);
    expect(result.steps[0]?.actual).toBe(`lobby_2_${base.startDateTime}`);
    expect(result.problems.map((problem) => problem.id)).toContain('room.url-mismatch');
  });

  it('says the HMAC differs when another secret made the credentials', () => {
    const other = computeCredentials({ ...base, secret: 'another-secret' }).credentials;
    const result = lint({ secret, credentials: other });

    expect(result.firstDifference).toBe('hmac');
    expect(result.steps[0]?.matches).toBeNull();
    expect(result.problems.at(-1)?.id).toBe('credentials.hmac-mismatch');
  });

  it('says the base64 step differs for base64url text', () => {
    const url = good.base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, '');
    const result = lint({ secret, credentials: url });

    expect(result.steps[1]?.matches).toBe(true);
    expect(result.firstDifference).toBe('base64');
  });

  it('places double encoding at the base64 step (decoded once) and raw base64 at encoding', () => {
    const result = lint({ secret, credentials: encodeURIComponent(good.credentials) });

    expect(result.steps.slice(0, 2).map((step) => step.matches)).toEqual([true, true]);
    expect(result.firstDifference).toBe('base64');
    const raw = lint({ secret, credentials: good.base64 });
    expect(raw.firstDifference).toBe('encoding');
  });

  it('reports an unreadable string when nothing decodes to a digest', () => {
    const result = lint({ secret, credentials: 'not-a-digest' });

    expect(result.firstDifference).toBe('hmac');
    expect(result.problems.at(-1)?.id).toBe('credentials.unreadable');
  });
});
