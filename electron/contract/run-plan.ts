import type { AuthMode, NetworkOptions, SdkFlavour } from './profile';

/** The inputs of a run as the timeline shows them: resolved, and with credentials redacted. */
export interface PlanSummary {
  profileId: string | null;
  profileName: string;
  /** The auth server's base URL, e.g. `http://127.0.0.1:52100`. */
  server: string;
  /** `true` when the run used the sandbox embedded in the app or CLI. */
  embeddedSandbox: boolean;
  appKey: string;
  room: string;
  authMode: AuthMode;
  origin: string | null;
  /** Credentials mode: the start as it goes into the URL and the HMAC. */
  startDateTime: string | null;
  /** Credentials mode: the duration as it goes into the URL and the HMAC (`String(n)`). */
  duration: string | null;
  /** A redaction marker, never the value. */
  credentials: string | null;
  credentialsSource: 'computed' | 'given' | null;
  sdk: SdkFlavour;
  network: NetworkOptions;
}
