import type { AuthMode, NetworkOptions, PlanSummary, SdkFlavour } from '../contract';

import type { Redactor } from './redactor';

/**
 * A run's inputs, resolved: relative start times turned into the exact string that goes
 * into the URL and the HMAC, credentials computed. Lives only in memory; the timeline gets
 * {@link summarizePlan}'s redacted copy.
 */
export interface RunPlan {
  profileId: string | null;
  profileName: string;
  /** The auth server's base URL, `http(s)://host[:port]`, without a trailing slash. */
  server: string;
  embeddedSandbox: boolean;
  appKey: string;
  room: string;
  authMode: AuthMode;
  origin: string | null;
  startDateTime: string | null;
  /** The duration exactly as it appears in the URL and the HMAC. */
  duration: string | null;
  /** Percent-encoded, ready for `?cred=`. */
  credentials: string | null;
  credentialsSource: 'computed' | 'given' | null;
  /** Kept for the credential lint only; it never enters an event. */
  secret: string | null;
  sdk: SdkFlavour;
  network: NetworkOptions;
}

/** The plan as the timeline shows it: credentials replaced by their marker. */
export function summarizePlan(plan: RunPlan, redactor: Redactor): PlanSummary {
  return {
    profileId: plan.profileId,
    profileName: plan.profileName,
    server: plan.server,
    embeddedSandbox: plan.embeddedSandbox,
    appKey: plan.appKey,
    room: plan.room,
    authMode: plan.authMode,
    origin: plan.origin,
    startDateTime: plan.startDateTime,
    duration: plan.duration,
    credentials:
      plan.credentials === null ? null : redactor.markerFor('credentials', plan.credentials),
    credentialsSource: plan.credentialsSource,
    sdk: plan.sdk,
    network: plan.network,
  };
}
