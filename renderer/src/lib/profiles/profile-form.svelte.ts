import {
  EMBEDDED_SANDBOX_SERVER,
  NetworkOptionsSchema,
  ProfileDraftSchema,
  type AuthMode,
  type NetworkOptions,
  type Profile,
  type ProfileDraft,
  type SdkFlavour,
} from '../contract';

import type { SaveRequest } from './profiles-store.svelte';

/** The fields as the inputs hold them: text stays text until the draft is built. */
interface FormFields {
  name: string;
  description: string;
  server: string;
  appKey: string;
  room: string;
  authMode: AuthMode;
  origin: string;
  startDateTime: string;
  duration: string;
  credentialsSource: 'secret' | 'given';
  sdk: SdkFlavour;
  network: NetworkOptions;
  proxy: string;
}

function fieldsOf(profile: Profile | null): FormFields {
  const network = profile?.network ?? NetworkOptionsSchema.parse({});

  return {
    name: profile?.name ?? '',
    description: profile?.description ?? '',
    server: profile?.server ?? EMBEDDED_SANDBOX_SERVER,
    appKey: profile?.appKey ?? '',
    room: profile?.room ?? '',
    authMode: profile?.authMode ?? 'cors',
    origin: profile?.origin ?? '',
    startDateTime: profile?.startDateTime ?? 'now',
    duration: profile?.duration === null || profile === null ? '24' : String(profile.duration),
    credentialsSource: profile?.credentialsSource ?? 'secret',
    sdk: profile?.sdk ?? '0.6',
    network: { ...network },
    proxy: network.proxy ?? '',
  };
}

function orNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}

/**
 * The editor's state: the fields, the secret typed alongside them, and the validation of
 * the draft against the contract's own schema, so the editor and the backend agree.
 */
export class ProfileForm {
  fields = $state<FormFields>(fieldsOf(null));
  /** Typed here, sent to `secrets.set` on save, never put into the profile. */
  secret = $state('');
  /** Fields the user has changed; errors show for these, and for all after a save attempt. */
  touched = $state<Record<string, boolean>>({});
  hasTriedSave = $state(false);
  readonly profileId: string | undefined;

  readonly draft: ProfileDraft = $derived.by(() => this.#buildDraft());
  readonly errors: Record<string, string> = $derived.by(() => {
    const parsed = ProfileDraftSchema.safeParse(this.draft);
    const out: Record<string, string> = {};
    if (parsed.success) return out;
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      // zod's own wording for a non-number ("received NaN") means little to a user.
      out[key] ??=
        issue.code === 'invalid_type' && issue.expected === 'number'
          ? `Expected a number, got ${this.#rawText(key)}`
          : issue.message;
    }

    return out;
  });
  readonly isValid = $derived(Object.keys(this.errors).length === 0);

  constructor(profile: Profile | null) {
    this.fields = fieldsOf(profile);
    this.profileId = profile?.id;
  }

  /** The message to show next to a field, once the user has touched it or tried to save. */
  errorFor(field: string): string | null {
    if (!this.hasTriedSave && this.touched[field] !== true) return null;

    return this.errors[field] ?? null;
  }

  touch(field: string): void {
    this.touched = { ...this.touched, [field]: true };
  }

  /** The save request, or `null` (and every error shown) when the draft is invalid. */
  toSaveRequest(): SaveRequest | null {
    this.hasTriedSave = true;
    if (!this.isValid) return null;

    const kind = this.fields.credentialsSource === 'given' ? 'credentials' : 'secret';
    const hasSecret = this.fields.authMode === 'credentials' && this.secret !== '';

    return { draft: this.draft, secret: hasSecret ? { kind, value: this.secret } : null };
  }

  #rawText(key: string): string {
    const raw =
      key === 'duration'
        ? this.fields.duration
        : (this.fields.network as Record<string, unknown>)[key.replace('network.', '')];
    if (typeof raw !== 'string' && typeof raw !== 'number') return 'nothing';

    return raw === '' ? 'nothing' : `\`${String(raw)}\``;
  }

  #buildDraft(): ProfileDraft {
    const f = this.fields;
    const isCredentials = f.authMode === 'credentials';
    const duration = f.duration.trim() === '' ? null : Number(f.duration);

    return {
      ...(this.profileId === undefined ? {} : { id: this.profileId }),
      name: f.name,
      description: f.description,
      server: f.server,
      appKey: f.appKey,
      room: f.room,
      authMode: f.authMode,
      origin: orNull(f.origin),
      // Fields of the other mode are dropped so a CORS profile carries no stale HMAC inputs.
      startDateTime: isCredentials ? orNull(f.startDateTime) : null,
      duration: isCredentials ? duration : null,
      credentialsSource: f.credentialsSource,
      sdk: f.sdk,
      network: { ...f.network, proxy: orNull(f.proxy) },
    };
  }
}
