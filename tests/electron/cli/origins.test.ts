import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createSandbox, defaultScenario, type Sandbox } from '../../../electron/sandbox';
import { runCli } from '../../support/cli-io';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox(defaultScenario());
});
afterAll(async () => {
  await sandbox.close();
});

describe('skylink-diag origins', () => {
  const target = () => ['--server', sandbox.url, '--app-key', 'demo-cors-key', '--room', 'lobby'];

  it('exits 1 and concludes "registered elsewhere" for the www. origin', async () => {
    const { code, stdout } = await runCli([
      'origins',
      ...target(),
      '--origin',
      'https://www.app.example.com',
    ]);

    expect(code).toBe(1);
    expect(stdout).toMatch(/refused 4003\s+https:\/\/www\.app\.example\.com\s+customer's origin/);
    expect(stdout).toMatch(/accepted\s+https:\/\/app\.example\.com/);
    expect(stdout).toContain('Registered, but the page runs on another origin');
  });

  it('exits 0 when the customer origin is accepted, with --json', async () => {
    const { code, stdout } = await runCli([
      'origins',
      ...target(),
      '--origin',
      'https://app.example.com',
      '--json',
    ]);
    const result = JSON.parse(stdout);

    expect(code).toBe(0);
    expect(result.conclusion).toBe('registered');
    expect(result.rows[0]).toMatchObject({ origin: 'https://app.example.com', accepted: true });
    expect(result.rows[0].events).toBeUndefined();
  });

  it('concludes "not registered" for an unknown domain', async () => {
    const { code, stdout } = await runCli([
      'origins',
      ...target(),
      '--origin',
      'https://unregistered.example.org',
      '--sdk',
      '2.x',
    ]);

    expect(code).toBe(1);
    expect(stdout).toContain('Domain not registered');
  });

  it('runs against its own sandbox with --sandbox', async () => {
    const { code, stdout } = await runCli(['origins', '--sandbox']);

    expect(code).toBe(0);
    expect(stdout).toContain('The key accepts `https://app.example.com`');
  });

  it('exits 2 with a clear message on bad usage', async () => {
    const noOrigin = await runCli(['origins', ...target()]);
    const badOrigin = await runCli(['origins', ...target(), '--origin', 'app.example.com']);
    const badSdk = await runCli(['origins', '--sandbox', '--sdk', '3']);

    expect([noOrigin.code, badOrigin.code, badSdk.code]).toEqual([2, 2, 2]);
    expect(noOrigin.stderr).toContain('Expected `--origin URL`');
    expect(badOrigin.stderr).toContain('--origin: Expected `origin`');
    expect(badSdk.stderr).toContain('`--sdk`');
  });
});
