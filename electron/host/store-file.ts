import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import Conf from 'conf';

import { createLogger } from '../core/logger';
import {
  CURRENT_MIGRATION_KEY,
  migrateProfilesV1ToV2,
  migrationKey,
} from '../core/profiles/profile-migrations';

import type { KeyValueFile } from './backend-types';

const log = createLogger('diag:store-file');

/** The profile file's base name; `conf` calls it `configName`, electron-store `name`. */
export const STORE_NAME = 'config';

/** The keys of the profile file. */
export interface StoreData extends Record<string, unknown> {
  profiles: unknown[];
  /** Entries that failed validation, kept with the reason instead of being dropped. */
  invalidProfiles: unknown[];
  settings: Record<string, unknown>;
}

/** The minimal store surface the migrations touch; both `conf` and electron-store offer it. */
interface MigratableStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * Options shared by `conf` (CLI, web host) and electron-store (app), so both read and write
 * the same `config.json` with the same schema and migrations. The schema checks only the
 * file's outline: entries are validated one by one, so one bad entry is kept aside instead of
 * making the whole file unreadable.
 */
export function storeOptions(dataDir: string) {
  return {
    cwd: dataDir,
    projectVersion: CURRENT_MIGRATION_KEY,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    defaults: { profiles: [], invalidProfiles: [], settings: {} } satisfies StoreData,
    schema: {
      // No item type: a single non-object entry (a `null`, a number) failing the schema would
      // make conf refuse the whole file, and every good profile would be set aside with it.
      profiles: { type: 'array' },
      invalidProfiles: { type: 'array' },
      settings: { type: 'object' },
    },
    migrations: {
      [migrationKey(2)]: (store: MigratableStore) => {
        store.set('profiles', migrateProfilesV1ToV2(store.get('profiles') ?? []));
      },
    },
  } as const;
}

/** Where a corrupt copy goes: next to the file, stamped so copies never overwrite each other. */
export function corruptCopyPath(filePath: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');

  return filePath.replace(/\.json$/, `.corrupt-${stamp}.json`);
}

/** Copies a file aside under a `corrupt-<timestamp>` name and returns the copy's path. */
export function keepCorruptCopy(filePath: string, nowMs = Date.now()): string {
  let copy = corruptCopyPath(filePath, nowMs);
  for (let n = 1; existsSync(copy); n += 1) copy = copy.replace(/(-\d+)?\.json$/, `-${n}.json`);
  copyFileSync(filePath, copy);

  return copy;
}

/** Why the file cannot be opened as a store, or `null` when it looks sound (or is absent). */
export function inspectStoreFile(filePath: string): string | null {
  if (!existsSync(filePath)) return null;

  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return 'Expected a JSON object at the top level';
  }
  const profiles = (parsed as Record<string, unknown>).profiles;
  if (profiles !== undefined && !Array.isArray(profiles))
    return 'Expected `profiles` to be an array';

  return null;
}

/**
 * Opens the profile file with the given constructor (conf or electron-store). A file that
 * does not parse, or that the store refuses, is copied aside and replaced by defaults, so
 * the app starts and the user is told where their old file is.
 */
export function openStoreFile(
  dataDir: string,
  construct: (options: ReturnType<typeof storeOptions>) => KeyValueFile,
): KeyValueFile {
  const filePath = join(dataDir, `${STORE_NAME}.json`);
  let recoveredCopy: string | null = null;

  const problem = inspectStoreFile(filePath);
  if (problem !== null) recoveredCopy = setAside(filePath, problem);

  try {
    return withCopy(construct(storeOptions(dataDir)), recoveredCopy);
  } catch (error) {
    // The outline looked sound but the store refused it (schema or migration failure).
    if (!existsSync(filePath)) throw error;
    recoveredCopy = setAside(filePath, error instanceof Error ? error.message : String(error));

    return withCopy(construct(storeOptions(dataDir)), recoveredCopy);
  }
}

function withCopy(file: KeyValueFile, recoveredCopy: string | null): KeyValueFile {
  return {
    get: (key) => file.get(key),
    set: (key, value) => {
      file.set(key, value);
    },
    path: file.path,
    recoveredCopy,
  };
}

function setAside(filePath: string, reason: string): string {
  const copy = keepCorruptCopy(filePath);
  rmSync(filePath, { force: true });
  log.warn('profile file unreadable, copied aside and starting from defaults', { copy, reason });

  return copy;
}

// Known limit: conf (and electron-store) write through a temporary file and a rename, except
// when the `SNAP` environment variable is set or the rename fails with EXDEV; there a crash
// mid-write can leave a truncated config.json, which the next start copies aside as corrupt.
// Known limit: a file written by a newer schema is re-marked as the current version by conf;
// its entries that fail today's validation are kept aside in `invalidProfiles`, not used.
/** Opens `config.json` in `dataDir` with `conf`, as the CLI and the web host do. */
export function openConfStore(dataDir: string): KeyValueFile {
  return openStoreFile(dataDir, (options) => {
    const conf = new Conf<StoreData>(options);

    return {
      get: (key) => conf.get(key),
      set: (key, value) => {
        conf.set(key, value);
      },
      path: conf.path,
    };
  });
}
