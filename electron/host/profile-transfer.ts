import { randomUUID } from 'node:crypto';

import {
  fail,
  ok,
  PROFILE_SCHEMA_VERSION,
  ProfileSchema,
  type ExportedFile,
  type Profile,
  type Result,
} from '../contract';
import { isBuiltinId } from '../core/profiles/builtin-profiles';
import { migrateProfilesFrom } from '../core/profiles/profile-migrations';

import { describeZodError } from './zod-message';

/** The schema name of a profile export file. */
export const PROFILES_FILE_SCHEMA = 'skylink-diagnostics/profiles';

/** A profile export file. It holds profiles only: secrets never leave the vault. */
export interface ProfilesFile {
  schema: typeof PROFILES_FILE_SCHEMA;
  version: number;
  exportedAt: string;
  profiles: Profile[];
}

/** Renders profiles as an export file; the schema has no secret field, so none can leak. */
export function renderProfilesFile(profiles: Profile[], nowMs = Date.now()): ExportedFile {
  const file: ProfilesFile = {
    schema: PROFILES_FILE_SCHEMA,
    version: PROFILE_SCHEMA_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    profiles: profiles.map((profile) => ProfileSchema.parse(profile)),
  };
  const stem =
    profiles.length === 1 && profiles[0] !== undefined ? slug(profiles[0].name) : 'profiles';

  return {
    fileName: `${stem}.skylink-profiles.json`,
    mimeType: 'application/json',
    text: `${JSON.stringify(file, null, 2)}\n`,
  };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'profile'
  );
}

/**
 * Reads a profile export file (or a bare profile, or an array of them). Every entry is
 * validated; the first bad one fails the whole import, naming its field, so nothing is half
 * imported.
 */
export function parseProfilesFile(text: string): Result<Profile[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return fail('import.invalid', `Expected a JSON profile file, got unparsable text (${reason})`);
  }

  let entries: unknown[];
  let version = PROFILE_SCHEMA_VERSION;
  let prefix = 'profiles';
  if (Array.isArray(parsed)) {
    entries = parsed;
  } else if (isRecord(parsed) && Array.isArray(parsed.profiles)) {
    if (parsed.schema !== undefined && parsed.schema !== PROFILES_FILE_SCHEMA) {
      return fail(
        'import.invalid',
        `Expected \`schema\` \`${PROFILES_FILE_SCHEMA}\`, got ${JSON.stringify(parsed.schema)}`,
        { field: 'schema' },
      );
    }
    version = typeof parsed.version === 'number' ? parsed.version : 1;
    entries = parsed.profiles;
  } else if (isRecord(parsed)) {
    entries = [parsed];
    prefix = '';
  } else {
    return fail('import.invalid', 'Expected a profile file: an object with `profiles`');
  }
  if (version > PROFILE_SCHEMA_VERSION) {
    return fail(
      'import.newer-version',
      `Expected profile file version ${PROFILE_SCHEMA_VERSION} or older, got ${version}`,
      { field: 'version' },
    );
  }

  const profiles: Profile[] = [];
  const migrated = migrateProfilesFrom(version, entries);
  for (const [index, entry] of migrated.entries()) {
    const at = new Date().toISOString();
    const withBookkeeping = isRecord(entry)
      ? { createdAt: at, updatedAt: at, id: randomUUID(), ...entry }
      : entry;
    const result = ProfileSchema.safeParse(withBookkeeping);
    if (!result.success) {
      const where = prefix === '' ? '' : `${prefix}[${index}]`;

      return fail('import.invalid', describeZodError(result.error, where), {
        index,
        field: result.error.issues[0]?.path.join('.') ?? null,
      });
    }
    profiles.push(result.data);
  }

  return ok(profiles);
}

/**
 * Makes imported profiles unique against the saved ones: a clashing id gets a fresh one, a
 * clashing name gets ` (imported)` (then a number), so an import never overwrites anything.
 */
export function makeImportUnique(existing: Profile[], incoming: Profile[]): Profile[] {
  const ids = new Set(existing.map((profile) => profile.id));
  const names = new Set(existing.map((profile) => profile.name));
  const out: Profile[] = [];
  for (const profile of incoming) {
    const id = ids.has(profile.id) || isBuiltinId(profile.id) ? randomUUID() : profile.id;
    let name = profile.name;
    if (names.has(name)) {
      name = `${profile.name} (imported)`;
      for (let n = 2; names.has(name); n += 1) name = `${profile.name} (imported ${n})`;
    }
    ids.add(id);
    names.add(name);
    out.push({ ...profile, id, name });
  }

  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
