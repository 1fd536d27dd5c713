import { createHmac } from 'node:crypto';

/** The inputs of a credentials string, exactly as they appear in the API URL. */
export interface CredentialsInput {
  room: string;
  /** Hours, rendered as the URL renders them: `String(2)` is `2`, `String(0.5)` is `0.5`. */
  duration: string;
  /** ISO 8601, used verbatim: the server HMACs the literal string from the path. */
  startDateTime: string;
  secret: string;
}

/** Every intermediate step, so the credential lint can compare them one by one. */
export interface CredentialsSteps {
  /** `<room>_<duration>_<startDateTime>`: the string that is signed. */
  message: string;
  /** The 20-byte HMAC-SHA1 digest, hex. */
  hmacHex: string;
  /** Standard base64 of the digest: 28 characters ending in `=`. */
  base64: string;
  /** `encodeURIComponent(base64)`: what goes into `?cred=`. */
  credentials: string;
}

/** Renders a duration in hours as JavaScript's `String(n)` does, as the SDK does. */
export function renderDuration(hours: number): string {
  return String(hours);
}

/** The string the HMAC signs (protocol spec §5). */
export function credentialsMessage(input: Omit<CredentialsInput, 'secret'>): string {
  return `${input.room}_${input.duration}_${input.startDateTime}`;
}

/**
 * Computes Skylink credentials: HMAC-SHA1 keyed with the app secret over
 * `<room>_<duration>_<startDateTime>` (both UTF-8), standard base64, percent-encoded.
 */
export function computeCredentials(input: CredentialsInput): CredentialsSteps {
  const message = credentialsMessage(input);
  const digest = createHmac('sha1', Buffer.from(input.secret, 'utf8'))
    .update(Buffer.from(message, 'utf8'))
    .digest();
  const base64 = digest.toString('base64');

  return {
    message,
    hmacHex: digest.toString('hex'),
    base64,
    credentials: encodeURIComponent(base64),
  };
}
