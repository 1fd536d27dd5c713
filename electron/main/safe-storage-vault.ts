import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { SafeStorage } from 'electron';

import type { SecretStoreStatus } from '../contract';
import { createLogger } from '../core/logger';
import type { SecretVault } from '../host/backend-types';

const log = createLogger('diag:safe-storage-vault');

/** The vault's own file under userData; the profile file never holds a secret. */
export const SECRETS_FILE = 'secrets.bin';

type Kind = 'secret' | 'credentials';
type SafeStorageApi = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

/** What the vault needs. */
export interface SafeStorageVaultOptions {
  safeStorage: SafeStorageApi;
  /** Folder of `secrets.bin` (the app's userData). */
  dir: string;
  /** The user's opt-in, as saved, to store secrets where no OS keyring protects them. */
  allowUnprotected: boolean;
  platform?: NodeJS.Platform;
}

/**
 * Secrets encrypted with Electron's `safeStorage` into `secrets.bin` (JSON of base64 blobs).
 * Where no OS keyring protects them (`basic_text` on Linux, or no encryption at all), nothing
 * is written unless the user opted in: values are kept in memory for this session instead,
 * and the status says so.
 */
export class SafeStorageVault implements SecretVault {
  readonly #options: SafeStorageVaultOptions;
  readonly #file: string;
  readonly #session = new Map<string, string>();
  readonly #available: boolean;
  #allowUnprotected: boolean;

  private constructor(options: SafeStorageVaultOptions, available: boolean) {
    this.#options = options;
    this.#allowUnprotected = options.allowUnprotected;
    this.#file = join(options.dir, SECRETS_FILE);
    this.#available = available;
  }

  /** Opens the vault once the app is ready, when `safeStorage` can say what it offers. */
  static async open(options: SafeStorageVaultOptions): Promise<SafeStorageVault> {
    let available = false;
    try {
      available = await options.safeStorage.isAsyncEncryptionAvailable();
    } catch (error) {
      log.warn('safeStorage availability unknown, treated as unavailable', { error });
    }

    return new SafeStorageVault(options, available);
  }

  /** Whether values go to disk, and whether encrypted. */
  #mode(): 'keyring' | 'obfuscated' | 'plaintext' | 'session' {
    if (this.#hasKeyring()) return 'keyring';
    if (!this.#allowUnprotected) return 'session';

    return this.#available ? 'obfuscated' : 'plaintext';
  }

  /** Encryption is available and, on Linux, backed by a keyring rather than `basic_text`. */
  #hasKeyring(): boolean {
    if (!this.#available) return false;
    const { safeStorage, platform = process.platform } = this.#options;

    return !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  }

  status(): SecretStoreStatus {
    switch (this.#mode()) {
      case 'keyring':
        return {
          encrypted: true,
          backend: 'safeStorage',
          warning: null,
          storeWithoutKeyring: null,
        };
      case 'obfuscated':
        return {
          encrypted: false,
          storeWithoutKeyring: true,
          backend: 'safeStorage basic_text (opted in)',
          warning:
            'No OS keyring is available: secrets are stored with a fixed key anyone on this ' +
            'machine can undo',
        };
      case 'plaintext':
        return {
          encrypted: false,
          storeWithoutKeyring: true,
          backend: 'plaintext (opted in)',
          warning: 'No encryption is available: secrets are stored unencrypted in secrets.bin',
        };
      case 'session':
        return {
          encrypted: false,
          storeWithoutKeyring: false,
          backend: 'memory',
          warning:
            'No OS keyring is available, so secrets are not stored: they are kept for this ' +
            'session only (choose "Store without keyring" to store them anyway)',
        };
    }
  }

  async get(profileId: string, kind: Kind): Promise<string | null> {
    const key = keyOf(profileId, kind);
    const inSession = this.#session.get(key);
    if (inSession !== undefined) return inSession;

    const blob = this.#read().get(key);
    if (blob === undefined) return null;
    try {
      return await this.#decode(blob);
    } catch (error) {
      log.warn('stored secret unreadable', { profileId, kind, error });

      return null;
    }
  }

  async set(profileId: string, kind: Kind, value: string): Promise<void> {
    const key = keyOf(profileId, kind);
    if (this.#mode() === 'session') {
      this.#session.set(key, value);

      return;
    }
    const entries = this.#read();
    entries.set(key, await this.#encode(value));
    this.#write(entries);
  }

  clear(profileId: string): Promise<void> {
    const entries = this.#read();
    let changed = false;
    for (const kind of ['secret', 'credentials'] as const) {
      this.#session.delete(keyOf(profileId, kind));
      changed = entries.delete(keyOf(profileId, kind)) || changed;
    }
    if (changed) this.#write(entries);

    return Promise.resolve();
  }

  /**
   * Turns the opt-in on (what this session holds goes to `secrets.bin`) or off (what the file
   * holds is taken off the disk and kept for this session, so nothing is lost until the app
   * quits). With a keyring nothing moves: the choice only matters where there is none.
   */
  async storeWithoutKeyring(enabled: boolean): Promise<void> {
    if (enabled === this.#allowUnprotected) return;
    if (this.#hasKeyring()) {
      this.#allowUnprotected = enabled;

      return;
    }
    const entries = this.#read();
    if (enabled) {
      this.#allowUnprotected = true;
      for (const [key, value] of this.#session) entries.set(key, await this.#encode(value));
      this.#write(entries);
      this.#session.clear();

      return;
    }
    for (const [key, blob] of entries) {
      try {
        this.#session.set(key, await this.#decode(blob));
      } catch (error) {
        log.warn('stored secret unreadable, dropped with the opt-in', { key, error });
      }
    }
    this.#allowUnprotected = false;
    this.#write(new Map());
  }

  async has(profileId: string): Promise<boolean> {
    return (
      (await this.get(profileId, 'secret')) !== null ||
      (await this.get(profileId, 'credentials')) !== null
    );
  }

  async #encode(value: string): Promise<string> {
    if (this.#mode() === 'plaintext') {
      return `plain:${Buffer.from(value, 'utf8').toString('base64')}`;
    }
    const encrypted = await this.#options.safeStorage.encryptStringAsync(value);

    return `enc:${encrypted.toString('base64')}`;
  }

  async #decode(blob: string): Promise<string> {
    if (blob.startsWith('plain:')) return Buffer.from(blob.slice(6), 'base64').toString('utf8');
    const decrypted = await this.#options.safeStorage.decryptStringAsync(
      Buffer.from(blob.slice(4), 'base64'),
    );

    return decrypted.result;
  }

  #read(): Map<string, string> {
    if (!existsSync(this.#file)) return new Map();
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.#file, 'utf8'));
      const entries = (parsed as { entries?: unknown }).entries;
      if (entries === null || typeof entries !== 'object') return new Map();

      return new Map(
        Object.entries(entries).filter(
          (pair): pair is [string, string] => typeof pair[1] === 'string',
        ),
      );
    } catch (error) {
      log.warn('secrets file unreadable, treated as empty', { file: this.#file, error });

      return new Map();
    }
  }

  #write(entries: Map<string, string>): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    const temp = `${this.#file}.${process.pid}.tmp`;
    const body = { version: 1, entries: Object.fromEntries(entries) };
    writeFileSync(temp, JSON.stringify(body), { mode: 0o600 });
    renameSync(temp, this.#file);
  }
}

function keyOf(profileId: string, kind: Kind): string {
  return `${kind}:${profileId}`;
}
