import { createServer, type AddressInfo, type Socket } from 'node:net';

import { describe, expect, it } from 'vitest';

import { DEMO_SECRETS } from '../../../electron/core/demo-apps';
import {
  jsonLines,
  runCli as runCliIn,
  type CliRun,
  type CliRunOptions,
} from '../../support/cli-io';

/** Runs `skylink-diag run <argv…>`. */
function runCli(argv: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return runCliIn(['run', ...argv], options);
}

describe('skylink-diag run', () => {
  it('joins the sandbox with --json: one parseable event per line, result last', async () => {
    const { code, stdout } = await runCli(['--sandbox', '--json']);
    const events = jsonLines(stdout);

    expect(code).toBe(0);
    for (const event of events) {
      expect(event).toMatchObject({
        seq: expect.any(Number),
        t: expect.any(Number),
        type: expect.any(String),
      });
      expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    }
    expect(events.at(-1)).toMatchObject({ type: 'result', outcome: 'joined' });
    expect(events.filter((e) => e.type === 'result')).toHaveLength(1);
  });

  it('prints a readable timeline and a summary without --json', async () => {
    const { code, stdout } = await runCli(['--sandbox', '--sdk', '2.x']);

    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\d{2}:\d{2}:\d{2}\.\d{3} \+\s+\d+\.\dms {2}readyStateChange {2}COMPLETED \(2\)/,
    );
    expect(stdout).toContain('peerJoined');
    expect(stdout).toContain('Outcome: joined');
    expect(stdout).not.toContain('\u001b[');
  });

  it(
    'joins in credentials mode with the demo ' + 'secret from an env var and never prints it',
    async () => {
      const secret = DEMO_SECRETS['demo-credentials-key'] ?? '';
      const { code, stdout } = await runCli(
        [
          '--sandbox',
          '--app-key',
          'demo-credentials-key',
          '--start',
          'now',
          '--duration',
          '0.5',
        ].concat(['--secret-env', 'SKYLINK_SECRET', '--json']),
        { env: { SKYLINK_SECRET: secret } },
      );

      expect(code).toBe(0);
      expect(stdout).not.toContain(secret);
      expect(jsonLines(stdout)[0]).toMatchObject({
        plan: { authMode: 'credentials', duration: '0.5' },
      });
    },
  );

  it('reads the secret from stdin', async () => {
    const { code, stdout } = await runCli(
      [
        '--sandbox',
        '--app-key',
        'demo-credentials-key',
        '--start',
        'now',
        '--duration',
        '1',
      ].concat(['--secret-stdin', '--json']),
      { stdin: ['wrong-secret\n'] },
    );

    expect(code).toBe(1);
    expect(jsonLines(stdout).at(-1)).toMatchObject({ readyStateError: { errorCode: 4005 } });
  });

  it('exits 1 with the readyState error when the API refuses (no origin: 4004)', async () => {
    const { code, stdout } = await runCli(['--sandbox', '--no-origin']);

    expect(code).toBe(1);
    expect(stdout).toContain('ERROR 4004 API_CREDENTIALS_INVALID');
  });

  it('exits 1 when the join is rejected', async () => {
    const { code, stdout } = await runCli(['--sandbox', '--room', 'locked-room', '--json']);

    expect(code).toBe(1);
    expect(jsonLines(stdout).at(-1)).toMatchObject({
      outcome: 'rejected',
      systemAction: { reason: 'locked' },
    });
  });

  it('cancels on Ctrl-C with one result line and exit 1', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const { code, stdout } = await runCli(
        [
          '--server',
          `http://127.0.0.1:${port}`,
          '--app-key',
          'k',
          '--room',
          'r',
          '--sdk',
          '2.x',
          '--json',
        ],
        { interruptAfterMs: 300 },
      );
      const events = jsonLines(stdout);

      expect(code).toBe(1);
      expect(events.filter((e) => e.type === 'result')).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ type: 'result', outcome: 'cancelled' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  describe('bad usage (exit 2, the flag named)', () => {
    const cases: [string, string[], RegExp, NodeJS.ProcessEnv?][] = [
      [
        'a non-numeric duration',
        ['--sandbox', '--start', 'now', '--duration', 'abc'],
        /`--duration`.*`abc`/,
      ],
      ['an unknown SDK flavour', ['--sandbox', '--sdk', '3'], /`--sdk`.*`3`/],
      ['a missing room', ['--server', 'http://127.0.0.1:9', '--app-key', 'k'], /`--room NAME`/],
      ['a missing server', ['--app-key', 'k', '--room', 'r'], /`--server URL`/],
      ['both --server and --sandbox', ['--sandbox', '--server', 'http://127.0.0.1:9'], /both/],
      ['--start without --duration', ['--sandbox', '--start', 'now'], /`--start` and `--duration`/],
      [
        'an unreadable secret file',
        ['--sandbox', '--start', 'now', '--duration', '1', '--secret-file', '/nonexistent/secret'],
        /`--secret-file`.*ENOENT/,
      ],
      [
        'an unset secret env var',
        ['--sandbox', '--start', 'now', '--duration', '1', '--secret-env', 'NOPE'],
        /`NOPE`.*`--secret-env`/,
      ],
      [
        'credentials mode without a secret',
        [
          '--server',
          'http://127.0.0.1:9',
          '--app-key',
          'k',
          '--room',
          'r',
          '--start',
          'now',
          '--duration',
          '1',
        ],
        /secret/,
      ],
      [
        'a bad start',
        ['--sandbox', '--start', 'yesterday', '--duration', '1'],
        /--start.*`yesterday`/,
      ],
      [
        'a bad server URL',
        ['--server', 'ftp://x', '--app-key', 'k', '--room', 'r'],
        /--server.*`ftp:\/\/x`/,
      ],
      ['a timeout out of range', ['--sandbox', '--timeout', '5'], /`--timeout` between 100/],
      ['a bad proxy', ['--sandbox', '--proxy', 'proxy.local'], /`--proxy`/],
      ['an unknown flag', ['--sandbox', '--frobnicate'], /frobnicate/],
    ];

    for (const [what, argv, message, env] of cases) {
      it(`rejects ${what}`, async () => {
        const { code, stderr, stdout } = await runCli(argv, { env: env ?? {} });

        expect(code).toBe(2);
        expect(stderr).toMatch(message);
        expect(stderr).not.toMatch(/\n\s+at /);
        expect(stdout).toBe('');
      });
    }
  });
});
