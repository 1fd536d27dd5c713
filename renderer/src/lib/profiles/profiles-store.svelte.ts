import type { DesktopApi, Profile, ProfileDraft, ProfileEntry, Result } from '../contract';
import type { NoticesStore } from '../notices/notices-store.svelte';

/** What the editor hands over on save: the draft, and a secret typed into it, if any. */
export interface SaveRequest {
  draft: ProfileDraft;
  secret: { kind: 'secret' | 'credentials'; value: string } | null;
}

/** The profile list: built-in recipes and saved profiles, with search and selection. */
export class ProfilesStore {
  entries = $state<ProfileEntry[]>([]);
  query = $state('');
  selectedId = $state<string | null>(null);
  /** `true` while the editor shows a new, unsaved profile. */
  isCreating = $state(false);
  isLoading = $state(false);

  readonly filtered = $derived.by(() => {
    const needle = this.query.trim().toLowerCase();
    if (needle === '') return this.entries;

    return this.entries.filter(({ profile, expect }) =>
      [profile.name, profile.appKey, profile.room, profile.description, expect ?? '']
        .join(' ')
        .toLowerCase()
        .includes(needle),
    );
  });
  readonly builtIns = $derived(this.filtered.filter((entry) => entry.builtIn));
  readonly saved = $derived(this.filtered.filter((entry) => !entry.builtIn));
  readonly selected = $derived(
    this.entries.find((entry) => entry.profile.id === this.selectedId) ?? null,
  );

  readonly #api: DesktopApi;
  readonly #notices: NoticesStore;

  constructor(api: DesktopApi, notices: NoticesStore) {
    this.#api = api;
    this.#notices = notices;
  }

  async load(): Promise<void> {
    this.isLoading = true;
    try {
      this.entries = await this.#api.profiles.list();
      if (this.selectedId === null && !this.isCreating) {
        this.selectedId = this.entries[0]?.profile.id ?? null;
      }
    } catch (error) {
      this.#notices.showError(error, 'Could not load profiles');
    } finally {
      this.isLoading = false;
    }
  }

  select(profileId: string): void {
    this.isCreating = false;
    this.selectedId = profileId;
  }

  startNew(): void {
    this.isCreating = true;
    this.selectedId = null;
  }

  /** Saves the profile, then its secret (which goes to the vault, never into the profile). */
  async save(request: SaveRequest): Promise<Profile | null> {
    const saved = await this.#call(this.#api.profiles.save(request.draft), 'Could not save');
    if (saved === undefined) return null;

    if (request.secret !== null && request.secret.value !== '') {
      const { kind, value } = request.secret;
      const title = 'Saved the profile, but not its secret';
      const stored = await this.#call(this.#api.secrets.set(saved.id, kind, value), title);
      if (stored === undefined) return saved;
    }
    this.isCreating = false;
    this.selectedId = saved.id;
    await this.load();
    this.#notices.showInfo(`Saved “${saved.name}”`);

    return saved;
  }

  async duplicate(profileId: string): Promise<void> {
    const copy = await this.#call(this.#api.profiles.duplicate(profileId), 'Could not duplicate');
    if (copy === undefined) return;
    await this.load();
    this.select(copy.id);
  }

  async remove(profileId: string): Promise<void> {
    const done = await this.#call(this.#api.profiles.remove(profileId), 'Could not delete');
    if (done === undefined) return;
    this.selectedId = null;
    await this.load();
  }

  async clearSecret(profileId: string): Promise<void> {
    await this.#call(this.#api.secrets.clear(profileId), 'Could not clear the secret');
    await this.load();
  }

  /** Awaits a Result; a failure is shown and comes back as `undefined`. */
  async #call<T>(pending: Promise<Result<T>>, title: string): Promise<T | undefined> {
    try {
      const result = await pending;
      if (result.ok) return result.value;
      this.#notices.showError(result.error, title);
    } catch (error) {
      this.#notices.showError(error, title);
    }

    return undefined;
  }
}
