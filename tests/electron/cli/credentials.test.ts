import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { computeCredentials } from '../../../electron/core/credentials';
import { runCli } from '../../support/cli-io';

const start = '2026-12-03T09:00:00.000Z';
const inputs = ['--room', 'lobby', '--duration', '2', '--start', start];
const expected = computeCredentials({
  room: 'lobby',
  duration: '2',
  startDateTime: start,
  secret: 's3cret-value',
});

describe('skylink-diag credentials', () => {
  it('prints only the credentials string, from an env var', async () => {
    const { code, stdout } = await runCli(['credentials', ...inputs, '--secret-env', 'SECRET'], {
      env: { SECRET: 's3cret-value' },
    });

    expect(code).toBe(0);
    expect(stdout).toBe(`${expected.credentials}\n`);
  });

  it('reads the secret from a file (dropping the newline) and from stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-cred-'));
    try {
      writeFileSync(join(dir, 'secret.txt'), 's3cret-value\n');
      const fromFile = await runCli(['credentials', ...inputs, '--secret-file', 'secret.txt'], {
        cwd: dir,
      });
      const fromStdin = await runCli(['credentials', ...inputs, '--secret-stdin'], {
        stdin: ['s3cret-value\n'],
      });

      expect(fromFile.stdout).toBe(`${expected.credentials}\n`);
      expect(fromStdin.stdout).toBe(`${expected.credentials}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 naming the flag when an input or the secret is missing', async () => {
    const noRoom = await runCli(['credentials', '--duration', '2', '--start', start]);
    const noSecret = await runCli(['credentials', ...inputs]);
    const emptyEnv = await runCli(['credentials', ...inputs, '--secret-env', 'NOPE']);
    const badStart = await runCli(
      ['credentials', '--room', 'r', '--duration', '2', '--start', 'soon', '--secret-env', 'S'],
      { env: { S: 'x' } },
    );

    expect([noRoom.code, noSecret.code, emptyEnv.code, badStart.code]).toEqual([2, 2, 2, 2]);
    expect(noRoom.stderr).toContain('`--room`');
    expect(noSecret.stderr).toContain('Expected a secret');
    expect(emptyEnv.stderr).toContain('`NOPE`');
    expect(badStart.stderr).toContain('`--start`');
  });

  it('--check exits 0 for a clean string and prints every step with the secret', async () => {
    const { code, stdout } = await runCli(
      ['credentials', '--check', expected.credentials, ...inputs, '--secret-env', 'SECRET'],
      { env: { SECRET: 's3cret-value' } },
    );

    expect(code).toBe(0);
    expect(stdout).toContain('ok  raw HMAC-SHA1 (hex)');
    expect(stdout).toContain('No problems found');
  });

  it('--check exits 1 and names the first step that differs', async () => {
    const { code, stdout } = await runCli(
      ['credentials', '--check', expected.base64, ...inputs, '--secret-env', 'SECRET', '--json'],
      { env: { SECRET: 's3cret-value' } },
    );
    const result = JSON.parse(stdout);

    expect(code).toBe(1);
    expect(result.firstDifference).toBe('encoding');
    expect(result.problems.map((p: { id: string }) => p.id)).toContain('credentials.not-encoded');
    expect(stdout).not.toContain('s3cret-value');
  });

  it('--check without a secret lints the form only', async () => {
    const { code, stdout } = await runCli([
      'credentials',
      '--check',
      encodeURIComponent(expected.credentials),
      '--room',
      'lobby',
      '--duration',
      '120',
      '--start',
      '2026-12-03 09:00',
      '--url-room',
      'Lobby',
    ]);

    expect(code).toBe(1);
    for (const id of [
      'credentials.double-encoded',
      'duration.minutes',
      'start.no-zone',
      'room.url-mismatch',
    ]) {
      expect(stdout).toContain(`[${id}]`);
    }
  });
});
