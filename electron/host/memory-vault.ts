import type { SecretStoreStatus } from '../contract';

import type { SecretVault } from './backend-types';

/**
 * A vault that keeps secrets in memory for this session: the web host's and the tests'.
 * Nothing is written anywhere, so a restart forgets every secret.
 */
export class MemoryVault implements SecretVault {
  readonly #values = new Map<string, string>();

  status(): SecretStoreStatus {
    return {
      encrypted: false,
      backend: 'memory',
      warning: 'Secrets are kept in memory for this session only and are forgotten on restart',
      storeWithoutKeyring: null,
    };
  }

  get(profileId: string, kind: 'secret' | 'credentials'): Promise<string | null> {
    return Promise.resolve(this.#values.get(key(profileId, kind)) ?? null);
  }

  set(profileId: string, kind: 'secret' | 'credentials', value: string): Promise<void> {
    this.#values.set(key(profileId, kind), value);

    return Promise.resolve();
  }

  clear(profileId: string): Promise<void> {
    this.#values.delete(key(profileId, 'secret'));
    this.#values.delete(key(profileId, 'credentials'));

    return Promise.resolve();
  }

  has(profileId: string): Promise<boolean> {
    return Promise.resolve(
      this.#values.has(key(profileId, 'secret')) || this.#values.has(key(profileId, 'credentials')),
    );
  }
}

function key(profileId: string, kind: 'secret' | 'credentials'): string {
  return `${kind}:${profileId}`;
}
