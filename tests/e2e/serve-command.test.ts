import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/output';
import { WEB_BUILD_DIR } from '../support/web-app';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'diag-serve-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** In-process streams; `interrupt()` plays the part of Ctrl-C. */
function testIo(env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const listeners = new Set<() => void>();
  const io: CliIo = {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env,
    cwd: process.cwd(),
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
    interrupt: () => {
      for (const listener of [...listeners]) listener();
    },
  };
}

describe('skylink-diag serve', () => {
  it(
    'prints one JSON line with the tokened ' + 'URL, serves the UI, and stops on interrupt',
    async () => {
      const t = testIo({ SKYLINK_DIAG_WEB_DIR: WEB_BUILD_DIR });
      const running = main(['serve', '--json', '--data-dir', dataDir], t.io);
      await expect.poll(() => t.out().includes('\n'), { timeout: 40_000 }).toBe(true);

      const { url } = JSON.parse(t.out().trim()) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Content-Security-Policy');

      t.interrupt();
      expect(await running).toBe(0);
      await expect(fetch(url)).rejects.toThrow();
    },
  );

  it('prints `open <url>` in text mode', async () => {
    const t = testIo({ SKYLINK_DIAG_WEB_DIR: WEB_BUILD_DIR });
    const running = main(['serve', '--data-dir', dataDir], t.io);
    await expect.poll(() => t.out(), { timeout: 40_000 }).toMatch(/^open http:\/\/127\.0\.0\.1:/);
    t.interrupt();
    expect(await running).toBe(0);
    expect(t.out()).toContain('web host closed');
  });

  it('says to run `npm run build:web` when the web build is missing', async () => {
    const t = testIo({ SKYLINK_DIAG_WEB_DIR: dataDir });
    expect(await main(['serve', '--data-dir', dataDir], t.io)).toBe(2);
    expect(t.err()).toContain('npm run build:web');
  });

  it('refuses a bad --port with a message naming the flag', async () => {
    const t = testIo({ SKYLINK_DIAG_WEB_DIR: WEB_BUILD_DIR });
    expect(await main(['serve', '--port', '70000'], t.io)).toBe(2);
    expect(t.err()).toContain('Expected `--port` between 0 and 65535, got 70000');
  });
});
