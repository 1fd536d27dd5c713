import { spawn } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Sandbox } from '../../../electron/sandbox';
import { fault, startSandbox } from '../core/engine/harness';

const FAULTS: { fault: string; code: string }[] = [
  { fault: 'oversized', code: 'http.too-large' },
  { fault: 'reset', code: 'tcp.reset' },
  { fault: 'hang', code: 'http.timeout' },
  { fault: 'socket-garbage', code: 'socket.garbage' },
];

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    apps: FAULTS.map((item) => ({
      appKey: `cli-${item.fault}`,
      secret: 'cli-secret',
      corsUrls: ['app.example.com'],
    })),
    faults: FAULTS.map((item) => fault(item.fault, `cli-${item.fault}`)),
  });
});
afterAll(async () => {
  await sandbox.close();
});

/** Runs the real CLI as a child process and collects what it wrote. */
function runCli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/skylink-diag.mjs', ...args], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('skylink-diag run as a process against a hostile server', () => {
  for (const item of FAULTS) {
    it(`exits 1 with one ${item.code} result on ${item.fault}, without crashing`, async () => {
      const started = performance.now();
      const { code, out, err } = await runCli([
        'run',
        '--server',
        sandbox.url,
        '--app-key',
        `cli-${item.fault}`,
        '--room',
        'lobby',
        '--origin',
        'https://app.example.com',
        '--timeout',
        '300',
        '--deadline',
        '3000',
        '--json',
      ]);
      const events = out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; error?: { code: string } });

      expect(code).toBe(1);
      expect(err).not.toMatch(/\n\s+at |Segmentation|FATAL|internal error/);
      expect(events.filter((event) => event.type === 'result')).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ type: 'result', error: { code: item.code } });
      // Start-up of the TypeScript CLI included; the run itself is bounded by --deadline.
      expect(performance.now() - started).toBeLessThan(15_000);
    }, 20_000);
  }
});
