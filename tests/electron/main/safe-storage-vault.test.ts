import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron'));

const { safeStorage } = await import('../../support/electron');
const { SafeStorageVault, SECRETS_FILE } =
  await import('../../../electron/main/safe-storage-vault');
const { createBackend } = await import('../../../electron/host/backend');
const { STORE_WITHOUT_KEYRING_SETTING } = await import('../../../electron/host/backend-types');

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

  it('moves what it holds when the opt-in is turned on and off, losing nothing', async () => {
    safeStorage.backend = 'basic_text';
    const file = join(dir, SECRETS_FILE);
    const vault = await open(false);
    await vault.set('p1', 'secret', 'my-app-secret-123');
    expect(vault.status().storeWithoutKeyring).toBe(false);
    expect(existsSync(file)).toBe(false);

    await vault.storeWithoutKeyring(true);
    expect(vault.status()).toMatchObject({ storeWithoutKeyring: true, encrypted: false });
    expect(readFileSync(file, 'utf8')).not.toContain('my-app-secret-123');
    expect(await (await open(true)).get('p1', 'secret')).toBe('my-app-secret-123');

    await vault.storeWithoutKeyring(false);
    expect(vault.status().storeWithoutKeyring).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ entries: {} });
    // Off the disk, still here for this session.
    expect(await vault.get('p1', 'secret')).toBe('my-app-secret-123');
    expect(await (await open(false)).get('p1', 'secret')).toBeNull();
  });

  it('is switched through the backend, which saves the choice in config.json', async () => {
    safeStorage.backend = 'basic_text';
    const vault = await open(false);
    const backend = await createBackend({ host: 'electron', dataDir: dir, vault });
    try {
      const on = await backend.handlers['secrets:store-without-keyring'](true);
      expect(on).toMatchObject({ ok: true, value: { storeWithoutKeyring: true } });
      const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
        settings: Record<string, unknown>;
      };
      expect(saved.settings[STORE_WITHOUT_KEYRING_SETTING]).toBe(true);

      const off = await backend.handlers['secrets:store-without-keyring'](false);
      expect(off).toMatchObject({ ok: true, value: { storeWithoutKeyring: false } });
    } finally {
      await backend.close();
    }
  });

  it('offers no opt-in where a keyring protects secrets', async () => {
    const vault = await open(false);

    expect(vault.status().storeWithoutKeyring).toBeNull();
  });

  it('clears both kinds of a profile', async () => {
    const vault = await open();
    await vault.set('p1', 'secret', 'my-app-secret-123');
    await vault.set('p1', 'credentials', 'credentials-abc');
    await vault.clear('p1');

    expect(await vault.has('p1')).toBe(false);
  });
});
