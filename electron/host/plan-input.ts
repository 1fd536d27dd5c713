import { EMBEDDED_SANDBOX_SERVER, fail, ok, type Profile, type Result } from '../contract';
import type { PlanInput } from '../core/plan-resolver';
import { resolveRunSecret } from '../core/profiles/builtin-profiles';
import { planInputOfProfile } from '../core/profiles/profile-plan-input';

import type { SecretVault } from './backend-types';
import type { EmbeddedSandbox } from './embedded-sandbox';

/** Where a run's secret and server come from. */
export interface PlanSources {
  vault: SecretVault;
  sandbox: EmbeddedSandbox;
  /** A sandbox to use instead of the embedded one (tests). */
  sandboxUrl?: string;
}

/**
 * A profile turned into the plan resolver's input: the secret from the vault (or a sandbox
 * recipe's demo secret), a given credentials string from the vault, and for `server: sandbox`
 * the embedded sandbox's URL, started on demand. A missing secret is a `secret.missing` error.
 */
export async function planInputOf(
  profile: Profile,
  sources: PlanSources,
): Promise<Result<PlanInput>> {
  const { vault } = sources;
  const { secret } = resolveRunSecret(profile, await vault.get(profile.id, 'secret'));
  const isGiven = profile.authMode === 'credentials' && profile.credentialsSource === 'given';
  const givenCredentials = isGiven ? await vault.get(profile.id, 'credentials') : null;
  if (isGiven && givenCredentials === null) {
    return fail(
      'secret.missing',
      `Profile \`${profile.name}\` has no credentials string in the vault`,
      {
        profileId: profile.id,
      },
    );
  }
  if (profile.authMode === 'credentials' && !isGiven && secret === null) {
    return fail(
      'secret.missing',
      `Profile \`${profile.name}\` needs an app secret: set one first`,
      {
        profileId: profile.id,
      },
    );
  }

  let sandboxUrl: string | null = null;
  if (profile.server === EMBEDDED_SANDBOX_SERVER) {
    try {
      sandboxUrl = sources.sandboxUrl ?? (await sources.sandbox.url());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);

      return fail('internal', `The embedded sandbox did not start: ${reason}`);
    }
  }

  return ok(planInputOfProfile(profile, { secret, givenCredentials, sandboxUrl }));
}
