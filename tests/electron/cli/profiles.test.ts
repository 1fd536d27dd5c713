import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { findProfile } from '../../../electron/host/cli-profiles';
import { ProfileStore } from '../../../electron/host/profile-store';
import { openConfStore } from '../../../electron/host/store-file';
import { runCli } from '../../support/cli-io';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-cli-profiles-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv, {
    env: { SKYLINK_DIAG_HOME: dir },
    cwd: dir,
  });

  return { code, out: stdout, err: stderr };
}

function saveCustomer(): string {
  const saved = new ProfileStore(openConfStore(dir)).save({
    name: 'Customer A',
    server: 'https://api.example.test',
    appKey: 'customer-key',
    room: 'support',
  });
  if (!saved.ok) throw new Error(saved.error.message);

  return saved.value.id;
}

describe('skylink-diag profiles', () => {
  it('lists built-in recipes and saved profiles', async () => {
    saveCustomer();
    const { code, out } = await cli('profiles', 'list');

    expect(code).toBe(0);
    expect(out).toContain('Sandbox: wrong secret');
    expect(out).toContain('built-in, expects ERROR 4005');
    expect(out).toMatch(/Customer A\s+cors\s+saved/);
  });

  it('shows one profile as JSON, found by name', async () => {
    const id = saveCustomer();
    const { code, out } = await cli('profiles', 'show', 'customer a', '--json');

    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      builtIn: false,
      profile: { id, appKey: 'customer-key' },
    });
  });

  it('exports and re-imports without overwriting: the clash gets a new id and name', async () => {
    const id = saveCustomer();
    const file = join(dir, 'out.json');
    const exported = await cli('profiles', 'export', 'Customer A', '--out', file);
    const imported = await cli('profiles', 'import', file, '--json');

    expect(exported.code).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { profiles: object[] };
    expect(Object.keys(written.profiles[0] ?? {})).not.toContain('secret');
    expect(imported.code).toBe(0);
    const [copy] = JSON.parse(imported.out) as { id: string; name: string }[];
    expect(copy?.id).not.toBe(id);
    expect(copy?.name).toBe('Customer A (imported)');
    expect(new ProfileStore(openConfStore(dir)).list()).toHaveLength(2);
  });

  it('names the bad field of an invalid import and exits 2', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        schema: 'skylink-diagnostics/profiles',
        version: 2,
        profiles: [{ name: 'x', server: 'sandbox', appKey: 'k', room: 'r', authMode: 'carrier' }],
      }),
    );
    const { code, err } = await cli('profiles', 'import', file);

    expect(code).toBe(2);
    expect(err).toContain('`profiles[0].authMode`');
    expect(new ProfileStore(openConfStore(dir)).list()).toEqual([]);
  });

  it('warns where the copy of a corrupt profile file is', async () => {
    writeFileSync(join(dir, 'config.json'), 'not json at all');
    const { code, err } = await cli('profiles', 'list', '--data-dir', dir);

    expect(code).toBe(0);
    expect(err).toMatch(/warning: .*config\.corrupt-.*\.json/);
  });

  it('refuses an unknown action and an unknown profile with a clear line', async () => {
    expect((await cli('profiles', 'rename')).err).toContain('Unknown action `rename`');
    expect((await cli('profiles', 'show', 'nobody')).err).toContain('got `nobody`');
  });
});

describe('findProfile()', () => {
  it('finds a built-in recipe by id and a saved profile by name in a data folder', () => {
    const id = saveCustomer();

    expect(findProfile('builtin:locked-room', dir)).toMatchObject({
      ok: true,
      value: { builtIn: true },
    });
    expect(findProfile('Customer A', dir)).toMatchObject({ ok: true, value: { profile: { id } } });
    expect(findProfile('Nobody', dir).ok).toBe(false);
  });
});
