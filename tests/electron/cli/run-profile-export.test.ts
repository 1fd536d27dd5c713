import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_SECRETS } from '../../../electron/core/demo-apps';
import { parseBundle } from '../../../electron/core/export';
import { jsonLines as eventsOf, runCli } from '../../support/cli-io';

describe('skylink-diag run', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'diag-run-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  describe('--profile', () => {
    it('runs a built-in recipe against the embedded sandbox and gets its outcome', async () => {
      const run = await runCli(['run', '--profile', 'builtin:wrong-secret', '--json'], {
        env: { SKYLINK_DIAG_HOME: folder },
      });

      const events = eventsOf(run.stdout);
      const result = events.at(-1);
      expect(run.code).toBe(1);
      expect(result?.type === 'result' && result.readyStateError?.errorCode).toBe(4005);
      expect(events.some((event) => event.type === 'diagnosis')).toBe(true);
    });

    it('finds a recipe by its name and joins', async () => {
      const run = await runCli(['run', '--profile', 'Sandbox: CORS success', '--json'], {
        env: { SKYLINK_DIAG_HOME: folder },
      });

      expect(run.code).toBe(0);
      expect(eventsOf(run.stdout).at(-1)).toMatchObject({ type: 'result', outcome: 'joined' });
    });

    it('refuses a target flag next to a profile, naming it', async () => {
      const run = await runCli(['run', '--profile', 'builtin:cors-success', '--room', 'x'], {
        env: { SKYLINK_DIAG_HOME: folder },
      });

      expect(run.code).toBe(2);
      expect(run.stderr).toContain('`--room`');
    });

    it('names an unknown profile', async () => {
      const run = await runCli(['run', '--profile', 'No such profile'], {
        env: { SKYLINK_DIAG_HOME: folder },
      });

      expect(run.code).toBe(2);
      expect(run.stderr).toContain('No such profile');
    });
  });

  describe('--export', () => {
    it(
      'writes a hash-mode bundle that imports ' + 'back with the same events and no secret',
      async () => {
        const path = join(folder, 'credentials-run.json');
        const secret = DEMO_SECRETS['demo-credentials-key'] ?? '';
        const run = await runCli(
          [
            'run',
            '--sandbox',
            '--app-key',
            'demo-credentials-key',
            '--start',
            'now',
            '--duration',
            '2',
            '--secret-env',
            'SECRET',
            '--json',
            '--export',
            path,
            '--redaction',
            'hash',
          ],
          { env: { SECRET: secret } },
        );

        const text = await readFile(path, 'utf8');
        const parsed = parseBundle(text);
        expect(run.code).toBe(0);
        expect(run.stderr).toContain('exported json');
        expect(text).not.toContain(secret);
        expect(parsed.ok && parsed.value.log.events).toEqual(eventsOf(run.stdout));
      },
    );

    it('refuses an unknown extension and the include mode', async () => {
      const wrongExt = await runCli(['run', '--sandbox', '--export', join(folder, 'x.txt')]);
      const include = await runCli([
        'run',
        '--sandbox',
        '--export',
        join(folder, 'x.md'),
        '--redaction',
        'include',
      ]);

      expect(wrongExt.code).toBe(2);
      expect(wrongExt.stderr).toContain('.json, .har or .md');
      expect(include.code).toBe(2);
      expect(include.stderr).toContain('`--redaction`');
    });
  });

  describe('--repeat', () => {
    it('runs N handshakes and prints their summary', async () => {
      const run = await runCli([
        'run',
        '--sandbox',
        '--repeat',
        '12',
        '--concurrency',
        '4',
        '--json',
      ]);

      const summary = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
      expect(run.code).toBe(0);
      expect(summary).toMatchObject({ type: 'repeat.summary', total: 12, done: 12 });
      expect(summary.successRate).toBe(1);
    });

    it('counts failures by code and exits 1', async () => {
      const run = await runCli(['run', '--sandbox', '--app-key', 'no-such-key', '--repeat', '3']);

      expect(run.code).toBe(1);
      expect(run.stdout).toContain('ERROR 4001');
      expect(run.stdout).toContain('Failed runs kept in full');
    });

    it('refuses --concurrency without --repeat', async () => {
      const run = await runCli(['run', '--sandbox', '--concurrency', '3']);

      expect(run.code).toBe(2);
      expect(run.stderr).toContain('`--repeat N`');
    });
  });
});
