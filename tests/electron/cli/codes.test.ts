import { describe, expect, it } from 'vitest';

import type { CatalogEntry } from '../../../electron/contract';
import { CATALOG } from '../../../electron/core/catalog';
import { runCli } from '../../support/cli-io';

describe('skylink-diag codes', () => {
  it('lists every entry when no code is given', async () => {
    const { code, stdout } = await runCli(['codes']);

    expect(code).toBe(0);
    for (const entry of CATALOG) expect(stdout).toContain(entry.key);
  });

  it('explains one code with its causes, checks and fixes', async () => {
    const { code, stdout } = await runCli(['codes', '4005']);

    expect(code).toBe(0);
    expect(stdout).toContain('readyState:4005  API_CREDENTIALS_NOT_MATCH (4005)');
    expect(stdout).toContain('Causes, most likely first:');
    expect(stdout).toContain('Fixes:');
    expect(stdout).not.toContain('readyState:4004');
  });

  it('prints JSON entries with --json', async () => {
    const { code, stdout } = await runCli(['codes', 'dns.failed', '--json']);
    const entries = JSON.parse(stdout) as CatalogEntry[];

    expect(code).toBe(0);
    expect(entries.map((entry) => entry.key)).toEqual(['engine:dns.failed']);
  });

  it('exits 2 with a clear message for an unknown code', async () => {
    const { code, stdout, stderr } = await runCli(['codes', 'nonsense-code']);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown code `nonsense-code`');
  });

  it('exits 2 for a stray second argument', async () => {
    const { code, stderr } = await runCli(['codes', '4005', '4004']);

    expect(code).toBe(2);
    expect(stderr).toContain('Unexpected argument `4004`');
  });
});
