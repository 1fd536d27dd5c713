import { computeCredentials, credentialsMessage, type CredentialsSteps } from '../credentials';

import { decodeOnce, secretlessChecks } from './credential-lint-checks';
import type {
  LintInput,
  LintProblem,
  LintResult,
  LintStep,
  StepComparison,
} from './credential-lint-types';

export type {
  LintField,
  LintInput,
  LintProblem,
  LintResult,
  LintStep,
  StepComparison,
} from './credential-lint-types';

const STEP_LABELS: Record<LintStep, string> = {
  message: 'string signed (room_duration_start)',
  hmac: 'raw HMAC-SHA1 (hex)',
  base64: 'base64 of the digest',
  encoding: 'percent-encoded (cred=)',
};

/**
 * Lints a credentials string (protocol spec §5). Without the secret it checks the form of
 * every input: ISO start with a zone, a duration in hours, the URL room, the encoding and the
 * length. With the secret it recomputes each step as the server does (over the URL room) and
 * names the first one that differs; when the digest differs it tries the usual mistakes (other
 * room, `2.0`, minutes, a reformatted start) to say what string was signed instead. The secret
 * itself never appears in the result.
 */
export function lintCredentials(input: LintInput): LintResult {
  const problems = secretlessChecks(input);
  const secret = input.secret ?? null;
  if (secret === null || secret === '') {
    return {
      ok: !hasError(problems),
      secretChecked: false,
      steps: [],
      firstDifference: null,
      problems,
    };
  }

  const serverRoom = input.urlRoom ?? input.room;
  const expected = computeCredentials({
    room: serverRoom,
    duration: input.duration,
    startDateTime: input.startDateTime,
    secret,
  });
  const steps = compareSteps(input, expected, secret);
  const firstDifference = steps.find((step) => step.matches === false)?.step ?? null;
  if (firstDifference !== null) problems.push(explain(firstDifference, steps, serverRoom));

  return {
    ok: firstDifference === null && !hasError(problems),
    secretChecked: true,
    steps,
    firstDifference,
    problems,
  };
}

function hasError(problems: readonly LintProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** The 20 digest bytes a credentials string carries, however it was (mis)encoded. */
function readDigest(credentials: string): Buffer | null {
  const core = decodeOnce(decodeOnce(credentials.trim()))
    .replace(/ /g, '+')
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(core)) return null;
  const digest = Buffer.from(core, 'base64');

  return digest.length === 20 ? digest : null;
}

function compareSteps(
  input: LintInput,
  expected: CredentialsSteps,
  secret: string,
): StepComparison[] {
  const digest = readDigest(input.credentials);
  const actualHex = digest === null ? null : digest.toString('hex');
  const signed =
    actualHex === expected.hmacHex
      ? expected.message
      : guessSignedMessage(input, secret, actualHex);
  const sentBase64 = decodeOnce(input.credentials);

  const step = (
    name: LintStep,
    want: string,
    got: string | null,
    judged: boolean,
  ): StepComparison => ({
    step: name,
    label: STEP_LABELS[name],
    expected: want,
    actual: got,
    matches: judged ? got === want : null,
  });

  return [
    // A digest cannot be reversed: the signed string is known only when a guess reproduces it.
    step('message', expected.message, signed, signed !== null),
    step('hmac', expected.hmacHex, actualHex, true),
    step('base64', expected.base64, sentBase64, true),
    step('encoding', expected.credentials, input.credentials, true),
  ];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function startVariants(start: string): string[] {
  const variants = [start, start.trim()];
  const parsed = Date.parse(start);
  if (!Number.isNaN(parsed)) {
    const iso = new Date(parsed).toISOString();
    variants.push(
      iso,
      iso.replace(/\.\d{3}Z$/, 'Z'),
      iso.replace(/Z$/, ''),
      iso.replace(/Z$/, '+00:00'),
    );
    variants.push(iso.replace(/\.\d{3}Z$/, ''), iso.replace(/Z$/, '+0000'));
  }

  return unique(variants);
}

function durationVariants(duration: string): string[] {
  const hours = Number(duration);
  if (!Number.isFinite(hours)) return [duration];

  return unique([
    duration,
    String(hours),
    hours.toFixed(1),
    String(hours * 60),
    String(hours / 60),
  ]);
}

/** Tries the usual mistakes and returns the signed string that reproduces the digest. */
function guessSignedMessage(
  input: LintInput,
  secret: string,
  actualHex: string | null,
): string | null {
  if (actualHex === null) return null;

  for (const room of unique([input.urlRoom ?? input.room, input.room, input.room.trim()])) {
    for (const duration of durationVariants(input.duration)) {
      for (const startDateTime of startVariants(input.startDateTime)) {
        const steps = computeCredentials({ room, duration, startDateTime, secret });
        if (steps.hmacHex === actualHex)
          return credentialsMessage({ room, duration, startDateTime });
      }
    }
  }

  return null;
}

function explain(
  first: LintStep,
  steps: readonly StepComparison[],
  serverRoom: string,
): LintProblem {
  const [message, hmac] = steps;
  if (first === 'message' && message?.actual != null) {
    return {
      id: 'credentials.message-mismatch',
      field: message.actual.startsWith(`${serverRoom}_`) ? 'startDateTime' : 'room',
      severity: 'error',
      message:
        `The credentials sign \`${message.actual}\`, but the server ` +
        `signs \`${message.expected}\`: the string signed differs`,
    };
  }
  if (first === 'hmac' && hmac?.actual != null) {
    return {
      id: 'credentials.hmac-mismatch',
      field: 'secret',
      severity: 'error',
      message:
        'The HMAC differs and no usual mistake in room, duration or ' +
        'start reproduces it: the credentials were most likely made ' +
        'with another secret (another key, a rotated or test secret)',
    };
  }
  if (first === 'base64') {
    return {
      id: 'credentials.base64-mismatch',
      field: 'credentials',
      severity: 'error',
      message:
        'The digest is right but its base64 text differs (base64url, ' +
        'missing padding, or a `+` turned into a space): use standard base64',
    };
  }
  if (first === 'encoding') {
    return {
      id: 'credentials.encoding-mismatch',
      field: 'credentials',
      severity: 'error',
      message:
        'The digest and its base64 are right but the percent-encoding ' +
        'differs: send `encodeURIComponent(base64)` exactly once',
    };
  }

  return {
    id: 'credentials.unreadable',
    field: 'credentials',
    severity: 'error',
    message:
      'The credentials do not decode to a 20-byte HMAC-SHA1 digest, so no step can be compared',
  };
}
