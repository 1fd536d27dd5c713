import { NetworkOptionsSchema, PROFILE_SCHEMA_VERSION, type SdkFlavour } from '../../contract';

/**
 * How the profile file changed between schema versions. The store keys its migrations by
 * `<version>.0.0`, as `conf` and electron-store expect semver keys.
 *
 * Version 1 kept the SDK as a version string and one API timeout at the top level:
 * `{ sdkVersion: '0.6.37', timeout: 4000, … }`. Version 2 names the SDK flavour
 * (`sdk: '0.6' | '2.x'`) and groups every network option under `network`.
 */
export const PROFILE_MIGRATION_VERSIONS = [2] as const;

/** The semver key of a schema version, as the store's `migrations` option wants it. */
export function migrationKey(version: number): string {
  return `${version}.0.0`;
}

/** The semver key of the current schema, given to the store as its `projectVersion`. */
export const CURRENT_MIGRATION_KEY = migrationKey(PROFILE_SCHEMA_VERSION);

/** Maps a version 1 `sdkVersion` string onto a flavour: any 2.x release is `2.x`. */
export function flavourOfSdkVersion(sdkVersion: unknown): SdkFlavour {
  return typeof sdkVersion === 'string' && /^\s*2\./.test(sdkVersion) ? '2.x' : '0.6';
}

/**
 * Lifts one stored profile from version 1 to version 2. Anything that is not a v1 entry
 * (already migrated, or not an object) comes back unchanged, so running it twice is harmless
 * and a malformed entry reaches validation as it was, to be kept aside there.
 */
export function migrateProfileV1ToV2(entry: unknown): unknown {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;

  const record = entry as Record<string, unknown>;
  if (!('sdkVersion' in record) && !('timeout' in record)) return entry;

  const { sdkVersion, timeout, ...rest } = record;
  const network: Record<string, unknown> = NetworkOptionsSchema.parse({});
  if (typeof rest.network === 'object' && rest.network !== null) {
    Object.assign(network, rest.network);
  }
  // v1's single `timeout` was the per-attempt API timeout; v2 calls it `apiTimeoutMs`.
  if (timeout !== undefined) network.apiTimeoutMs = timeout;

  return {
    ...rest,
    sdk: rest.sdk ?? flavourOfSdkVersion(sdkVersion),
    network,
  };
}

/** Lifts a whole `profiles` array from version 1 to version 2; a non-array is left as is. */
export function migrateProfilesV1ToV2(profiles: unknown): unknown {
  return Array.isArray(profiles) ? profiles.map(migrateProfileV1ToV2) : profiles;
}

/**
 * Lifts profiles of an export file written at `fromVersion` to the current schema. An
 * unknown older version is treated as version 1.
 */
export function migrateProfilesFrom(fromVersion: number, profiles: unknown[]): unknown[] {
  return fromVersion < 2 ? profiles.map(migrateProfileV1ToV2) : profiles;
}
