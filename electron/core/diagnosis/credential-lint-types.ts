/** What the credential lint looks at: the four values of a credentials-mode request. */
export interface LintInput {
  room: string;
  /** The duration exactly as it appears in the URL (`2`, `0.5`). */
  duration: string;
  /** The start exactly as it appears in the URL. */
  startDateTime: string;
  /** The credentials string as sent in `?cred=` (percent-encoded if done right). */
  credentials: string;
  /** With the secret the lint recomputes every step; it never appears in the result. */
  secret?: string | null;
  /** The room of the URL path, when it may differ from the room that was signed. */
  urlRoom?: string;
}

/** The steps of the credentials recipe, in order (protocol spec §5). */
export type LintStep = 'message' | 'hmac' | 'base64' | 'encoding';

/** One step of the recipe: what it should give and what the given credentials show. */
export interface StepComparison {
  step: LintStep;
  /** What the step is, for a reader: `string signed`, `raw HMAC-SHA1 (hex)`, … */
  label: string;
  expected: string;
  /** What the given credentials reveal at this step; `null` when it cannot be read back. */
  actual: string | null;
  /** `null` when the step cannot be judged (the signed string is not recoverable from a digest). */
  matches: boolean | null;
}

/** The input a problem concerns. */
export type LintField = 'startDateTime' | 'duration' | 'room' | 'credentials' | 'secret';

/** One thing wrong (`error`) or suspicious (`warn`) in the inputs. */
export interface LintProblem {
  /** A stable id such as `duration.minutes`. */
  id: string;
  field: LintField;
  severity: 'error' | 'warn';
  message: string;
}

/** The lint's verdict. */
export interface LintResult {
  /** No `error` problem and, with a secret, every step matches. */
  ok: boolean;
  /** Whether a secret was given, so the steps could be recomputed. */
  secretChecked: boolean;
  /** With a secret: every step, expected against actual. Empty without one. */
  steps: StepComparison[];
  /** With a secret: the first step that differs, or `null` when all match. */
  firstDifference: LintStep | null;
  problems: LintProblem[];
}
