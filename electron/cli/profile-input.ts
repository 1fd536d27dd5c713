import type { Profile } from '../contract';
import type { PlanInput } from '../core/plan-resolver';
import { resolveRunSecret } from '../core/profiles/builtin-profiles';
import { planInputOfProfile } from '../core/profiles/profile-plan-input';
import { findProfile } from '../host/cli-profiles';

import type { CliIo } from './output';
import { readSecret, type SecretFlagValues } from './read-secret';
import { UsageError } from './usage-error';

/** What `run --profile` reads besides the profile itself. */
export interface ProfileFlagValues extends SecretFlagValues {
  profile?: string;
  'data-dir'?: string;
  credentials?: string;
}

/**
 * Turns a saved or built-in profile into the plan resolver's input. The secret comes from
 * the secret flags (the CLI never stores one); a sandbox recipe falls back to its demo secret.
 * `server` is the URL to use for a `sandbox` profile, started by the caller when needed.
 */
export async function planInputFromProfile(
  profile: Profile,
  flags: ProfileFlagValues,
  io: CliIo,
  sandboxUrl: string | null,
): Promise<PlanInput> {
  const { secret } = resolveRunSecret(profile, await readSecret(flags, io));
  const isGiven = profile.authMode === 'credentials' && profile.credentialsSource === 'given';
  const givenCredentials = isGiven ? (flags.credentials ?? null) : null;
  if (isGiven && givenCredentials === null) {
    throw new UsageError(
      `Expected \`--credentials STRING\`: profile \`${profile.name}\` tests a given credentials ` +
        'string, and profiles never store one',
    );
  }
  if (profile.authMode === 'credentials' && !isGiven && secret === null) {
    throw new UsageError(
      `Expected a secret (\`--secret-env\`, \`--secret-file\` or \`--secret-stdin\`): profile ` +
        `\`${profile.name}\` computes credentials, and profiles never store a secret`,
    );
  }
  return planInputOfProfile(profile, { secret, givenCredentials, sandboxUrl });
}

/** Finds the profile `--profile` names, or says why it cannot. */
export function lookUpProfile(flags: ProfileFlagValues): Profile {
  const found = findProfile(flags.profile ?? '', flags['data-dir']);
  if (!found.ok) throw new UsageError(`--profile: ${found.error.message}`);

  return found.value.profile;
}
