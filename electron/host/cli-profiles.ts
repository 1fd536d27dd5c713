import { fail, ok, type Profile, type ProfileEntry, type Result } from '../contract';
import { builtinEntries } from '../core/profiles/builtin-profiles';

import { resolveDataDir } from './data-dir';
import { ProfileStore } from './profile-store';
import { openConfStore } from './store-file';

/** The data folder the CLI uses when `--data-dir` is not given. */
export function defaultDataDir(): string {
  return resolveDataDir();
}

/** Opens the profile store of a data folder with `conf`, as the CLI and the web host do. */
export function openCliProfileStore(dataDir: string = defaultDataDir()): ProfileStore {
  return new ProfileStore(openConfStore(dataDir));
}

/** Built-in recipes, then saved profiles, as the CLI lists them. */
export function listCliProfiles(store: ProfileStore): ProfileEntry[] {
  return [
    ...builtinEntries(),
    ...store.list().map((profile) => ({ profile, builtIn: false, hasSecret: false })),
  ];
}

/** Finds a profile by id, then by exact name, then by name ignoring case. */
export function matchProfile(
  entries: ProfileEntry[],
  nameOrId: string,
): Result<{ profile: Profile; builtIn: boolean }> {
  const wanted = nameOrId.trim();
  const byId = entries.find((entry) => entry.profile.id === wanted);
  const exact = entries.filter((entry) => entry.profile.name === wanted);
  const loose = entries.filter(
    (entry) => entry.profile.name.toLowerCase() === wanted.toLowerCase(),
  );
  const found = byId ?? (exact.length === 1 ? exact[0] : undefined);
  if (found !== undefined) return ok({ profile: found.profile, builtIn: found.builtIn });

  const candidates = exact.length > 1 ? exact : loose;
  if (candidates.length === 1 && candidates[0] !== undefined) {
    return ok({ profile: candidates[0].profile, builtIn: candidates[0].builtIn });
  }
  if (candidates.length > 1) {
    const ids = candidates.map((entry) => `\`${entry.profile.id}\``).join(', ');

    return fail('profile.not-found', `Profile name \`${wanted}\` is ambiguous; use an id: ${ids}`);
  }

  return fail(
    'profile.not-found',
    `Expected the name or id of a saved or built-in profile, ` +
      `got \`${wanted}\` (see \`skylink-diag profiles list\`)`,
  );
}

/**
 * Finds a profile for the CLI's `run` command: built-in recipes and the profiles saved in
 * `dataDir` (the app's data folder by default).
 */
export function findProfile(
  nameOrId: string,
  dataDir?: string,
): Result<{ profile: Profile; builtIn: boolean }> {
  try {
    return matchProfile(listCliProfiles(openCliProfileStore(dataDir)), nameOrId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return fail(
      'store.corrupt',
      `Could not read the profiles of \`${dataDir ?? defaultDataDir()}\`: ${reason}`,
    );
  }
}
