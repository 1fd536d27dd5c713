import ElectronStore from 'electron-store';

import type { KeyValueFile } from '../host/backend-types';
import { openStoreFile, STORE_NAME, type StoreData } from '../host/store-file';

/**
 * Opens `config.json` with electron-store, the app's own store, using the options the CLI's
 * `conf` uses (same folder, schema and migrations), with the same corrupt-file recovery.
 */
export function openElectronStore(dataDir: string): KeyValueFile {
  return openStoreFile(dataDir, (options) => {
    // electron-store takes `name` where conf takes `configName`; `projectVersion` is honoured
    // at runtime (it overrides the app version) although its typings leave it out.
    const store = new ElectronStore<StoreData>({
      ...(options as unknown as ConstructorParameters<typeof ElectronStore<StoreData>>[0]),
      name: STORE_NAME,
    });

    return {
      get: (key) => store.get(key),
      set: (key, value) => {
        store.set(key, value);
      },
      path: store.path,
    };
  });
}
