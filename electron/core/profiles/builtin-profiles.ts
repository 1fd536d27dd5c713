import {
  EMBEDDED_SANDBOX_SERVER,
  NetworkOptionsSchema,
  ProfileSchema,
  type Profile,
  type ProfileDraft,
  type ProfileEntry,
} from '../../contract';
import { DEMO_APP_KEYS, DEMO_MEETING, DEMO_ORIGIN, DEMO_ROOMS, DEMO_SECRETS } from '../demo-apps';

/** Every built-in recipe's id starts with this, so saved profiles can never collide. */
export const BUILTIN_ID_PREFIX = 'builtin:';

/** A key the default scenario does not know: the API answers 4001. */
export const UNKNOWN_DEMO_KEY = 'demo-unknown-key';

/** The deliberately wrong secret of the wrong-secret recipe. */
export const WRONG_DEMO_SECRET = 'not-the-demo-secret';

/** A built-in recipe: a read-only profile for the embedded sandbox and the outcome it shows. */
export interface BuiltinRecipe {
  profile: Profile;
  /** The outcome it reproduces, as the run headline starts: `COMPLETED`, `ERROR 4005`. */
  expect: string;
  /** A secret other than the demo app's own, for the recipe that shows a wrong one. */
  secretOverride: string | null;
}

// A fixed timestamp: recipes are the same in every build, so exports of them compare equal.
const RECIPE_TIME = '2026-01-01T00:00:00.000Z';

interface RecipeSpec {
  slug: string;
  expect: string;
  draft: Omit<ProfileDraft, 'server'>;
  secretOverride?: string;
}

const cors = (room: string, origin: string | null = DEMO_ORIGIN) => ({
  appKey: DEMO_APP_KEYS.cors,
  room,
  authMode: 'cors' as const,
  origin,
});

const credentials = (appKey: string, room: string, startDateTime = 'now', duration = 2) => ({
  appKey,
  room,
  authMode: 'credentials' as const,
  startDateTime,
  duration,
});

const SPECS: RecipeSpec[] = [
  {
    slug: 'cors-success',
    expect: 'COMPLETED',
    draft: { name: 'Sandbox: CORS success', ...cors(DEMO_ROOMS.lobby) },
  },
  {
    slug: 'credentials-success',
    expect: 'COMPLETED',
    draft: {
      name: 'Sandbox: credentials success',
      ...credentials(DEMO_APP_KEYS.credentials, DEMO_ROOMS.lobby),
    },
  },
  {
    slug: 'persistent-success',
    expect: 'COMPLETED',
    draft: {
      name: 'Sandbox: persistent room success',
      ...credentials(
        DEMO_APP_KEYS.persistent,
        DEMO_MEETING.room,
        DEMO_MEETING.startDateTime,
        DEMO_MEETING.duration,
      ),
    },
  },
  {
    slug: 'sdk-2x-success',
    expect: 'COMPLETED',
    draft: { name: 'Sandbox: SDK 2.x success', ...cors(DEMO_ROOMS.lobby), sdk: '2.x' },
  },
  {
    slug: 'wrong-origin',
    expect: 'ERROR 4003',
    draft: { name: 'Sandbox: wrong origin', ...cors(DEMO_ROOMS.lobby, 'https://evil.example.net') },
  },
  {
    slug: 'no-origin',
    expect: 'ERROR 4004',
    draft: { name: 'Sandbox: no origin', ...cors(DEMO_ROOMS.lobby, null) },
  },
  {
    slug: 'wrong-secret',
    expect: 'ERROR 4005',
    draft: {
      name: 'Sandbox: wrong secret',
      ...credentials(DEMO_APP_KEYS.credentials, DEMO_ROOMS.lobby),
    },
    secretOverride: WRONG_DEMO_SECRET,
  },
  {
    slug: 'expired-window',
    expect: 'reject expired',
    draft: {
      name: 'Sandbox: expired window',
      ...credentials(DEMO_APP_KEYS.credentials, DEMO_ROOMS.lobby, 'now-3h', 1),
    },
  },
  {
    slug: 'future-window',
    expect: 'reject notStart',
    draft: {
      name: 'Sandbox: window not started',
      ...credentials(DEMO_APP_KEYS.credentials, DEMO_ROOMS.lobby, 'now+2h', 1),
    },
  },
  {
    slug: 'no-meeting-record',
    expect: 'ERROR 4010',
    draft: {
      name: 'Sandbox: no meeting record',
      ...credentials(DEMO_APP_KEYS.persistent, DEMO_ROOMS.lobby),
    },
  },
  {
    slug: 'seat-limit',
    expect: 'ERROR 4020',
    draft: {
      name: 'Sandbox: seat limit reached',
      ...cors(DEMO_ROOMS.lobby),
      appKey: DEMO_APP_KEYS.seats,
    },
  },
  {
    slug: 'locked-room',
    expect: 'reject locked',
    draft: { name: 'Sandbox: locked room', ...cors(DEMO_ROOMS.locked) },
  },
  {
    slug: 'duplicated-login',
    expect: 'reject duplicatedLogin',
    draft: { name: 'Sandbox: duplicated login', ...cors(DEMO_ROOMS.duplicateLogin) },
  },
  {
    slug: 'unknown-key',
    expect: 'ERROR 4001',
    draft: {
      name: 'Sandbox: unknown app key',
      ...cors(DEMO_ROOMS.lobby),
      appKey: UNKNOWN_DEMO_KEY,
    },
  },
  {
    slug: 'parent-app-gone',
    expect: 'ERROR 4006',
    draft: {
      name: 'Sandbox: parent app deleted',
      ...cors(DEMO_ROOMS.lobby),
      appKey: DEMO_APP_KEYS.orphan,
    },
  },
  {
    slug: 'wrong-auth-server',
    expect: 'ERROR 5005',
    draft: {
      name: 'Sandbox: key of another auth server',
      ...cors(DEMO_ROOMS.lobby),
      appKey: DEMO_APP_KEYS.otherServer,
    },
  },
];

function buildRecipe(spec: RecipeSpec): BuiltinRecipe {
  const profile = ProfileSchema.parse({
    description: `Reproduces \`${spec.expect}\` against the embedded sandbox`,
    network: NetworkOptionsSchema.parse({}),
    ...spec.draft,
    id: `${BUILTIN_ID_PREFIX}${spec.slug}`,
    server: EMBEDDED_SANDBOX_SERVER,
    createdAt: RECIPE_TIME,
    updatedAt: RECIPE_TIME,
  });

  return { profile, expect: spec.expect, secretOverride: spec.secretOverride ?? null };
}

/** The built-in recipes, successes first, then one per failure. */
export const BUILTIN_RECIPES: readonly BuiltinRecipe[] = SPECS.map(buildRecipe);

/** Whether an id belongs to a built-in recipe. */
export function isBuiltinId(profileId: string): boolean {
  return profileId.startsWith(BUILTIN_ID_PREFIX);
}

/** The built-in recipe with this id, if any. */
export function findBuiltin(profileId: string): BuiltinRecipe | undefined {
  return BUILTIN_RECIPES.find((recipe) => recipe.profile.id === profileId);
}

/** The recipes as list entries; a recipe needs no vault secret, so `hasSecret` is true. */
export function builtinEntries(): ProfileEntry[] {
  return BUILTIN_RECIPES.map((recipe) => ({
    profile: recipe.profile,
    builtIn: true,
    hasSecret: true,
    expect: recipe.expect,
  }));
}

/**
 * The secret a run of a profile uses: a recipe's override or its demo secret; the vault's
 * value for a saved profile; and for a saved copy of a sandbox profile with nothing in the
 * vault, the demo app's secret, so a duplicated recipe runs as it did.
 */
export function resolveRunSecret(
  profile: Profile,
  vaultSecret: string | null,
): { secret: string | null; source: 'vault' | 'demo' | 'override' | 'none' } {
  const recipe = findBuiltin(profile.id);
  if (recipe?.secretOverride != null) return { secret: recipe.secretOverride, source: 'override' };
  if (recipe === undefined && vaultSecret !== null) return { secret: vaultSecret, source: 'vault' };

  const demo =
    profile.server === EMBEDDED_SANDBOX_SERVER ? DEMO_SECRETS[profile.appKey] : undefined;
  if (demo !== undefined) return { secret: demo, source: 'demo' };

  return { secret: null, source: 'none' };
}
