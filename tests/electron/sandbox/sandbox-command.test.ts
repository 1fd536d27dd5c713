import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Readable } from 'node:stream';

import { afterAll, describe, expect, it } from 'vitest';

import { sandboxCommand } from '../../../electron/cli/commands/sandbox';
import { main } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/output';
import { DEMO_APP_KEYS } from '../../../electron/core/demo-apps';

import { corsRequest } from './sandbox-client';

interface FakeIo {
  io: CliIo;
  out: () => string;
  err: () => string;
  /** Resolves with the first stdout line. */
  firstLine: Promise<string>;
  interrupt(): void;
}

function fakeIo(cwd = process.cwd()): FakeIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const listeners = new Set<() => void>();
  const firstLine = new Promise<string>((resolve) => {
    stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
  });
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from([]),
    env: {},
    cwd,
    isTTY: false,
    isStderrTTY: false,
    onInterrupt(listener) {
      listeners.add(listener);

      return () => listeners.delete(listener);
    },
  };

  return {
    io,
    out: () => out,
    err: () => err,
    firstLine,
    interrupt: () => {
      for (const listener of [...listeners]) listener();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
afterAll(() => undefined);

describe('skylink-diag sandbox', () => {
  it('serves until interrupted and prints its url', async () => {
    const fake = fakeIo();
    const running = sandboxCommand.run(['--port', '0'], fake.io);
    const line = await fake.firstLine;
    const url = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];

    expect(url).toBeDefined();
    const answer = await corsRequest(url!, DEMO_APP_KEYS.cors, 'lobby');
    expect(answer.status).toBe(200);
    fake.interrupt();
    expect(await running).toBe(0);
    await expect(fetch(`${url!}/api/x/y`)).rejects.toThrow();
  });

  it('prints one JSON line with --json', async () => {
    const fake = fakeIo();
    const running = sandboxCommand.run(['--json'], fake.io);
    const parsed = JSON.parse(await fake.firstLine);

    expect(parsed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(parsed.signallingPorts).toHaveLength(1);
    fake.interrupt();
    expect(await running).toBe(0);
  });

  it('describes the scenario and exits with --describe', async () => {
    const fake = fakeIo();

    expect(await sandboxCommand.run(['--describe'], fake.io)).toBe(0);
    for (const key of Object.values(DEMO_APP_KEYS)) expect(fake.out()).toContain(key);
    expect(fake.out()).toContain('skylink-diag run --sandbox --app-key demo-cors-key');
  });

  it('names a missing scenario file', async () => {
    const fake = fakeIo(dir);
    const code = await main(['sandbox', '--scenario', 'nope.json'], fake.io);

    expect(code).toBe(2);
    expect(fake.err()).toContain('`nope.json`');
    expect(fake.err()).toContain('does not exist');
  });

  it('names a scenario file that is not JSON', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ apps: ');
    const fake = fakeIo(dir);

    expect(await main(['sandbox', '--scenario', 'broken.json'], fake.io)).toBe(2);
    expect(fake.err()).toContain('`broken.json` is not valid JSON');
  });

  it('names the file and the field of an invalid scenario', async () => {
    writeFileSync(
      join(dir, 'invalid.json'),
      JSON.stringify({ apps: [{ appKey: 'k', secret: 42 }] }),
    );
    const fake = fakeIo(dir);

    expect(await main(['sandbox', '--scenario', 'invalid.json'], fake.io)).toBe(2);
    expect(fake.err()).toContain('`invalid.json`');
    expect(fake.err()).toContain('Expected `apps[0].secret` to be a non-empty string, got `42`');
  });

  it('rejects a bad --port', async () => {
    const fake = fakeIo();

    expect(await main(['sandbox', '--port', '70000'], fake.io)).toBe(2);
    expect(fake.err()).toContain('`--port`');
  });

  it('runs as a real process and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['bin/skylink-diag.mjs', 'sandbox', '--port', '0', '--json'],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve) => lines.once('line', resolve));
    const { url } = JSON.parse(first);
    const answer = await corsRequest(url, DEMO_APP_KEYS.cors, 'lobby');

    expect(answer.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
