import { z } from 'zod';

/** The SDK flavours the engine can imitate: 0.6.27+ (the default) and 2.x. */
export const SDK_FLAVOURS = ['0.6', '2.x'] as const;

/** An SDK flavour. */
export type SdkFlavour = (typeof SDK_FLAVOURS)[number];

/** How an app key is authenticated. */
export type AuthMode = 'cors' | 'credentials';

/** The `server` value that means "the sandbox embedded in this app". */
export const EMBEDDED_SANDBOX_SERVER = 'sandbox';

/** The schema version of a stored profile; migrations lift older files to it. */
export const PROFILE_SCHEMA_VERSION = 2;

/**
 * A start time as typed in a profile: an ISO 8601 string used verbatim, or a relative token
 * resolved when a run starts: `now`, `now-3h`, `now+90m`, `today` (00:00 UTC of today),
 * `half-day` (00:00 or 12:00 UTC, whichever came last: a 24-hour window from it always has
 * at least 12 hours left).
 */
export const RELATIVE_START_PATTERN = /^(now([+-]\d+(\.\d+)?[hm])?|today|half-day)$/;

const serverSchema = z
  .string()
  .trim()
  .min(1, 'Expected a server URL or `sandbox`')
  .refine(
    (value) => value === EMBEDDED_SANDBOX_SERVER || /^https?:\/\/[^\s/]+/.test(value),
    'Expected `sandbox` or an http(s) URL such as https://api.temasys.io',
  );

/** Network options of a run; every field has the SDK's default. */
export const NetworkOptionsSchema = z.object({
  /** Per API attempt, as SkylinkJS 0.6.27+ (`apiTimeout`). */
  apiTimeoutMs: z.number().int().min(100).max(120_000).default(4000),
  apiRetries: z.number().int().min(0).max(10).default(2),
  /** socket.io `timeout` per signalling attempt. */
  socketTimeoutMs: z.number().int().min(100).max(120_000).default(7000),
  /** How long to wait for `inRoom` or `redirect` after `joinRoom` is sent. */
  joinTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /** The whole run's deadline; the run ends with `run.deadline` when it passes. */
  deadlineMs: z.number().int().min(500).max(600_000).default(60_000),
  caFile: z.string().min(1).nullable().default(null),
  insecure: z.boolean().default(false),
  /** An HTTP proxy URL (`http://host:port`); HTTPS targets are tunnelled with CONNECT. */
  proxy: z
    .string()
    .regex(/^https?:\/\/[^\s/]+/, 'Expected a proxy URL such as http://proxy.local:3128')
    .nullable()
    .default(null),
});

/** Network options of a run. */
export type NetworkOptions = z.infer<typeof NetworkOptionsSchema>;

const profileFields = {
  name: z.string().trim().min(1, 'Expected a name').max(120),
  description: z.string().max(2000).default(''),
  server: serverSchema,
  appKey: z.string().trim().min(1, 'Expected an app key').max(200),
  room: z.string().min(1, 'Expected a room name').max(500),
  authMode: z.enum(['cors', 'credentials']).default('cors'),
  /** The `Origin` header to send; `null` sends none (the platform answers 4004 in CORS mode). */
  origin: z.string().trim().min(1).max(500).nullable().default(null),
  /** Credentials mode: ISO 8601 start, used verbatim, or a relative token. */
  startDateTime: z.string().trim().min(1).max(100).nullable().default(null),
  /** Credentials mode: hours, as the SDK sends them (`String(n)`). */
  duration: z.number().positive().max(10_000).nullable().default(null),
  /**
   * Credentials mode: `secret` computes the credentials from the app secret; `given` tests a
   * credentials string a customer sent, as it is. Both values live in the vault, not here.
   */
  credentialsSource: z.enum(['secret', 'given']).default('secret'),
  sdk: z.enum(SDK_FLAVOURS).default('0.6'),
  network: NetworkOptionsSchema.default(NetworkOptionsSchema.parse({})),
};

/** A saved profile; it never holds a secret or a credentials string. */
export const ProfileSchema = z
  .object({
    id: z.string().min(1).max(100),
    ...profileFields,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .superRefine(checkCredentialsFields);

/** What the editor sends to be saved: a profile without its bookkeeping fields. */
export const ProfileDraftSchema = z
  .object({ id: z.string().min(1).max(100).optional(), ...profileFields })
  .superRefine(checkCredentialsFields);

/** A saved profile. */
export type Profile = z.infer<typeof ProfileSchema>;

/** A profile as edited, before it is saved. */
export type ProfileDraft = z.input<typeof ProfileDraftSchema>;

/** A profile with where it comes from, as listed. */
export interface ProfileEntry {
  profile: Profile;
  /** Built-in recipes for the embedded sandbox are read-only templates. */
  builtIn: boolean;
  /** Whether the vault holds a secret (or a given credentials string) for it. */
  hasSecret: boolean;
  /** For a built-in recipe: the outcome it reproduces, e.g. `ERROR 4005`. */
  expect?: string;
}

function checkCredentialsFields(
  value: { authMode: AuthMode; startDateTime: string | null; duration: number | null },
  ctx: z.RefinementCtx,
): void {
  if (value.authMode !== 'credentials') return;

  if (value.startDateTime === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['startDateTime'],
      message:
        'Expected a start time (ISO 8601, `now`, `now-3h`, `today`, `half-day`) ' +
        'in credentials mode',
    });
  } else if (!RELATIVE_START_PATTERN.test(value.startDateTime)) {
    if (Number.isNaN(Date.parse(value.startDateTime))) {
      ctx.addIssue({
        code: 'custom',
        path: ['startDateTime'],
        message:
          `Expected an ISO 8601 start such as ` +
          `2026-12-03T09:00:00.000Z, got \`${value.startDateTime}\``,
      });
    }
  }

  if (value.duration === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['duration'],
      message: 'Expected a duration in hours in credentials mode',
    });
  }
}
