import { randomUUID } from 'node:crypto';

import {
  fail,
  ok,
  ProfileDraftSchema,
  ProfileSchema,
  type Profile,
  type ProfileDraft,
  type Result,
} from '../contract';
import { createLogger } from '../core/logger';
import { isBuiltinId } from '../core/profiles/builtin-profiles';

import type { KeyValueFile } from './backend-types';
import { keepCorruptCopy } from './store-file';
import { describeZodError } from './zod-message';

const log = createLogger('diag:profile-store');

/** An entry that failed validation, kept in the file with the reason. */
export interface InvalidProfileEntry {
  entry: unknown;
  reason: string;
  keptAt: string;
}

/**
 * The saved profiles, on the key-value file. Every read validates each entry: an invalid one
 * is moved to `invalidProfiles` (never dropped) and the whole file is copied aside first, so
 * the user can recover by hand whatever the validation did not understand.
 */
export class ProfileStore {
  readonly #file: KeyValueFile;
  readonly #now: () => number;
  #recoveredCopy: string | null;

  constructor(file: KeyValueFile, now: () => number = Date.now) {
    this.#file = file;
    this.#now = now;
    this.#recoveredCopy = file.recoveredCopy ?? null;
    this.#sweepInvalid();
  }

  /** Where a corrupt file (or one with bad entries) was copied at start-up, if it was. */
  get recoveredCopy(): string | null {
    return this.#recoveredCopy;
  }

  /** The file's path, for messages. */
  get path(): string {
    return this.#file.path;
  }

  /** Entries kept aside because they failed validation. */
  invalidEntries(): InvalidProfileEntry[] {
    const kept = this.#file.get('invalidProfiles');

    return Array.isArray(kept) ? (kept as InvalidProfileEntry[]) : [];
  }

  /** Every saved profile, in the order they were saved. */
  list(): Profile[] {
    return this.#readValid();
  }

  /** One saved profile. */
  get(profileId: string): Profile | undefined {
    return this.#readValid().find((profile) => profile.id === profileId);
  }

  /** Saves a draft: a new id when it has none (or an unknown one), an update otherwise. */
  save(draft: ProfileDraft): Result<Profile> {
    if (draft.id !== undefined && isBuiltinId(draft.id)) {
      return fail('profile.invalid', `Profile \`${draft.id}\` is a built-in recipe and read-only`, {
        field: 'id',
      });
    }
    const parsed = ProfileDraftSchema.safeParse(draft);
    if (!parsed.success) {
      return fail('profile.invalid', describeZodError(parsed.error), {
        field: parsed.error.issues[0]?.path.join('.') ?? null,
      });
    }

    const profiles = this.#readValid();
    const at = new Date(this.#now()).toISOString();
    const index = profiles.findIndex((profile) => profile.id === parsed.data.id);
    const previous = index >= 0 ? profiles[index] : undefined;
    const profile = ProfileSchema.parse({
      ...parsed.data,
      id: parsed.data.id ?? randomUUID(),
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
    });
    if (index >= 0) profiles[index] = profile;
    else profiles.push(profile);
    this.#write(profiles);

    return ok(profile);
  }

  /** Adds profiles as they are (ids and names already made unique by the caller). */
  addAll(newProfiles: Profile[]): void {
    this.#write([...this.#readValid(), ...newProfiles]);
  }

  /** Removes a saved profile. */
  remove(profileId: string): Result<null> {
    const profiles = this.#readValid();
    const kept = profiles.filter((profile) => profile.id !== profileId);
    if (kept.length === profiles.length) {
      return fail('profile.not-found', `No saved profile has the id \`${profileId}\``);
    }
    this.#write(kept);

    return ok(null);
  }

  /** A setting of the `settings` key. */
  setting(name: string): unknown {
    const settings = this.#file.get('settings');

    return typeof settings === 'object' && settings !== null
      ? (settings as Record<string, unknown>)[name]
      : undefined;
  }

  /** Writes one setting of the `settings` key, keeping the others. */
  setSetting(name: string, value: unknown): void {
    const settings = this.#file.get('settings');
    const current =
      typeof settings === 'object' && settings !== null
        ? (settings as Record<string, unknown>)
        : {};
    this.#file.set('settings', { ...current, [name]: value });
  }

  #readValid(): Profile[] {
    const raw = this.#file.get('profiles');
    if (!Array.isArray(raw)) return [];

    const profiles: Profile[] = [];
    for (const entry of raw) {
      const parsed = ProfileSchema.safeParse(entry);
      if (parsed.success) profiles.push(parsed.data);
    }

    return profiles;
  }

  #write(profiles: Profile[]): void {
    this.#file.set('profiles', profiles);
  }

  /** Moves entries that fail validation to `invalidProfiles`, after copying the file aside. */
  #sweepInvalid(): void {
    const raw = this.#file.get('profiles');
    if (!Array.isArray(raw)) return;

    const valid: unknown[] = [];
    const invalid: InvalidProfileEntry[] = [];
    const keptAt = new Date(this.#now()).toISOString();
    for (const entry of raw) {
      const parsed = ProfileSchema.safeParse(entry);
      if (parsed.success) valid.push(entry);
      else invalid.push({ entry, reason: describeZodError(parsed.error), keptAt });
    }
    if (invalid.length === 0) return;

    this.#recoveredCopy = keepCorruptCopy(this.#file.path, this.#now());
    this.#file.set('invalidProfiles', [...this.invalidEntries(), ...invalid]);
    this.#file.set('profiles', valid);
    log.warn('invalid profiles kept aside', {
      count: invalid.length,
      copy: this.#recoveredCopy,
      reasons: invalid.map((item) => item.reason),
    });
  }
}
