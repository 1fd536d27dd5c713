import { EMBEDDED_SANDBOX_SERVER, type Profile } from '../../contract';
import type { PlanInput } from '../plan-resolver';

/**
 * A profile as the plan resolver's input, once its host has found the secret (or the given
 * credentials string) and, for a `sandbox` profile, the embedded sandbox's URL. The app, the
 * web host and the CLI all go through here, so a profile runs the same everywhere.
 */
export function planInputOfProfile(
  profile: Profile,
  sources: { secret: string | null; givenCredentials: string | null; sandboxUrl: string | null },
): PlanInput {
  const embeddedSandbox = profile.server === EMBEDDED_SANDBOX_SERVER;

  return {
    profileId: profile.id,
    profileName: profile.name,
    server: embeddedSandbox ? (sources.sandboxUrl ?? '') : profile.server,
    embeddedSandbox,
    appKey: profile.appKey,
    room: profile.room,
    authMode: profile.authMode,
    origin: profile.origin,
    startDateTime: profile.startDateTime,
    duration: profile.duration,
    secret: sources.secret,
    givenCredentials: sources.givenCredentials,
    sdk: profile.sdk,
    network: profile.network,
  };
}
