import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron'));

const { safeStorage } = await import('../../support/electron');
const { SafeStorageVault, SECRETS_FILE } =
  await import('../../../electron/main/safe-storage-vault');

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-vault-'));
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const open = (allowUnprotected = false) =>
  SafeStorageVault.open({ safeStorage, dir, allowUnprotected, platform: 'linux' });

describe('SafeStorageVault', () => {
  it('stores an encrypted blob in secrets.bin and reads it back in a new session', async () => {
    const vault = await open();
    await vault.set('p1', 'secret', 'my-app-secret-123');

    const bytes = readFileSync(join(dir, SECRETS_FILE), 'utf8');
    expect(bytes).not.toContain('my-app-secret-123');
    expect(vault.status()).toMatchObject({
      encrypted: true,
      backend: 'safeStorage',
      warning: null,
    });
    expect(await (await open()).get('p1', 'secret')).toBe('my-app-secret-123');
  });

  it('stores nothing when encryption is unavailable, and says so', async () => {
    safeStorage.available = false;
    const vault = await open();
    await vault.set('p1', 'secret', 'my-app-secret-123');

    expect(existsSync(join(dir, SECRETS_FILE))).toBe(false);
    expect(vault.status().encrypted).toBe(false);
    expect(vault.status().warning).toMatch(/not stored/);
    // Kept for this session only: usable now, gone in the next session.
    expect(await vault.get('p1', 'secret')).toBe('my-app-secret-123');
    expect(await (await open()).get('p1', 'secret')).toBeNull();
  });

  it('treats Linux basic_text as no keyring unless the user opted in', async () => {
    safeStorage.backend = 'basic_text';
    const refusing = await open();
    await refusing.set('p1', 'secret', 'my-app-secret-123');
    expect(existsSync(join(dir, SECRETS_FILE))).toBe(false);
    expect(refusing.status().warning).not.toBeNull();

    const optedIn = await open(true);
    await optedIn.set('p1', 'secret', 'my-app-secret-123');
    expect(readFileSync(join(dir, SECRETS_FILE), 'utf8')).not.toContain('my-app-secret-123');
    expect(optedIn.status()).toMatchObject({ encrypted: false });
    expect(optedIn.status().warning).toMatch(/fixed key/);
  });

  it('clears both kinds of a profile', async () => {
    const vault = await open();
    await vault.set('p1', 'secret', 'my-app-secret-123');
    await vault.set('p1', 'credentials', 'credentials-abc');
    await vault.clear('p1');

    expect(await vault.has('p1')).toBe(false);
  });
});
