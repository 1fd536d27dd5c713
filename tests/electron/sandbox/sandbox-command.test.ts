import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { afterAll, describe, expect, it } from 'vitest';

import { sandboxCommand } from '../../../electron/cli/commands/sandbox';
import { main } from '../../../electron/cli/main';
import { DEMO_APP_KEYS } from '../../../electron/core/demo-apps';
import { memoryIo, type MemoryIo } from '../../support/cli-io';

import { corsRequest } from './sandbox-client';

function fakeIo(cwd = process.cwd()): MemoryIo {
  return memoryIo({ cwd });
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
    for (const key of Object.values(DEMO_APP_KEYS)) expect(fake.output().stdout).toContain(key);
    expect(fake.output().stdout).toContain('skylink-diag run --sandbox --app-key demo-cors-key');
  });

  it('names a missing scenario file', async () => {
    const fake = fakeIo(dir);
    const code = await main(['sandbox', '--scenario', 'nope.json'], fake.io);

    expect(code).toBe(2);
    expect(fake.output().stderr).toContain('`nope.json`');
    expect(fake.output().stderr).toContain('does not exist');
  });

  it('names a scenario file that is not JSON', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ apps: ');
    const fake = fakeIo(dir);

    expect(await main(['sandbox', '--scenario', 'broken.json'], fake.io)).toBe(2);
    expect(fake.output().stderr).toContain('`broken.json` is not valid JSON');
  });

  it('names the file and the field of an invalid scenario', async () => {
    writeFileSync(
      join(dir, 'invalid.json'),
      JSON.stringify({ apps: [{ appKey: 'k', secret: 42 }] }),
    );
    const fake = fakeIo(dir);

    expect(await main(['sandbox', '--scenario', 'invalid.json'], fake.io)).toBe(2);
    expect(fake.output().stderr).toContain('`invalid.json`');
    expect(fake.output().stderr).toContain(
      'Expected `apps[0].secret` to be a non-empty string, got `42`',
    );
  });

  it('rejects a bad --port', async () => {
    const fake = fakeIo();

    expect(await main(['sandbox', '--port', '70000'], fake.io)).toBe(2);
    expect(fake.output().stderr).toContain('`--port`');
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
