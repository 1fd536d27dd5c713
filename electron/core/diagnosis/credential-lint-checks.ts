import type { LintInput, LintProblem } from './credential-lint-types';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
/** Values people type when they mean minutes: half hours to whole days. */
const MINUTE_LIKE = new Set([25, 30, 40, 45, 50, 60, 75, 90, 100, 120, 150, 180, 240, 300, 360]);
/** Base64 of a 20-byte SHA-1 digest: 27 characters of the alphabet and one `=`. */
const SHA1_BASE64 = /^[A-Za-z0-9+/]{27}=$/;

function problem(
  id: string,
  field: LintProblem['field'],
  severity: LintProblem['severity'],
  message: string,
): LintProblem {
  return { id, field, severity, message };
}

/** Checks the start: ISO 8601 with `Z` or an offset, as `toISOString()` gives. */
export function checkStart(start: string): LintProblem[] {
  if (start !== start.trim()) {
    return [
      problem(
        'start.whitespace',
        'startDateTime',
        'error',
        'The start has leading or trailing whitespace, which the HMAC signs too',
      ),
    ];
  }
  if (ISO_WITH_ZONE.test(start)) return [];
  if (ISO_WITHOUT_ZONE.test(start)) {
    return [
      problem(
        'start.no-zone',
        'startDateTime',
        'warn',
        `The start \`${start}\` has no \`Z\` or offset: it is a local time, which ` +
          `the server may read as UTC (hours off). Use \`new Date().toISOString()\``,
      ),
    ];
  }

  return [
    problem(
      'start.not-iso',
      'startDateTime',
      'error',
      Number.isNaN(Date.parse(start))
        ? `The start \`${start}\` is not a date; expected ISO 8601 such as 2026-12-03T09:00:00.000Z`
        : `The start \`${start}\` is a date but not ISO ` +
            `8601; expected the form 2026-12-03T09:00:00.000Z`,
    ),
  ];
}

/** Checks the duration: hours, as `String(n)` renders them, at most 24. */
export function checkDuration(duration: string): LintProblem[] {
  const hours = Number(duration);
  if (duration.trim() === '' || !Number.isFinite(hours)) {
    return [
      problem(
        'duration.not-number',
        'duration',
        'error',
        `The duration \`${duration}\` is not a number of hours`,
      ),
    ];
  }
  if (hours <= 0) {
    return [
      problem(
        'duration.not-positive',
        'duration',
        'error',
        `The duration must be more than 0 hours, got ${duration}`,
      ),
    ];
  }

  const problems: LintProblem[] = [];
  if (String(hours) !== duration) {
    problems.push(
      problem(
        'duration.text',
        'duration',
        'warn',
        `The duration text \`${duration}\` is not how JavaScript writes ${hours} ` +
          `(\`${String(hours)}\`): the HMAC must sign the exact text of the URL`,
      ),
    );
  }
  if (hours > 24 && (MINUTE_LIKE.has(hours) || hours % 15 === 0)) {
    problems.push(
      problem(
        'duration.minutes',
        'duration',
        'error',
        `The duration ${duration} looks like minutes: it is read ` +
          `as ${duration} hours. For ${hours} minutes send ${String(hours / 60)}`,
      ),
    );
  } else if (hours > 24) {
    problems.push(
      problem(
        'duration.too-long',
        'duration',
        'warn',
        `The duration ${duration} hours is more than the documented maximum of 24`,
      ),
    );
  }

  return problems;
}

/** Checks the room: the one signed must be the one in the URL path. */
export function checkRoom(room: string, urlRoom: string | undefined): LintProblem[] {
  const problems: LintProblem[] = [];
  if (room !== room.trim()) {
    problems.push(
      problem(
        'room.whitespace',
        'room',
        'warn',
        'The room has leading or trailing whitespace, which the HMAC signs too',
      ),
    );
  }
  if (urlRoom !== undefined && urlRoom !== room) {
    problems.push(
      problem(
        'room.url-mismatch',
        'room',
        'error',
        `The room signed (\`${room}\`) differs from the room in the URL ` +
          `(\`${urlRoom}\`); the HMAC covers the URL room, so this gives 4005`,
      ),
    );
  }

  return problems;
}

/** The base64 text inside a credentials string: percent-decoded once, or as given. */
export function decodeOnce(credentials: string): string {
  try {
    return decodeURIComponent(credentials);
  } catch {
    return credentials;
  }
}

/** Checks the credentials string's form: encoding, whitespace and length. */
export function checkCredentialsForm(credentials: string): LintProblem[] {
  if (credentials === '') {
    return [
      problem('credentials.empty', 'credentials', 'error', 'The credentials string is empty'),
    ];
  }
  const problems: LintProblem[] = [];
  if (/\s/.test(credentials)) {
    problems.push(
      problem(
        'credentials.whitespace',
        'credentials',
        'error',
        credentials.includes(' ')
          ? 'The credentials contain a space: usually a ' +
              'raw `+` that a query string turned into a space'
          : 'The credentials contain whitespace or a line break ' +
              '(Android `Base64.DEFAULT` adds a trailing newline)',
      ),
    );
  }
  if (/%25[0-9A-Fa-f]{2}/.test(credentials)) {
    problems.push(
      problem(
        'credentials.double-encoded',
        'credentials',
        'error',
        'The credentials are percent-encoded twice (`%252B`, `%253D`): encode the base64 once',
      ),
    );
  } else if (/[+/=]/.test(credentials)) {
    problems.push(
      problem(
        'credentials.not-encoded',
        'credentials',
        'error',
        'The credentials contain a raw `+`, `/` or `=`: they must be ' +
          'percent-encoded (`encodeURIComponent`), or a `+` arrives as a space',
      ),
    );
  }
  if (/[-_]/.test(credentials) && !/[+/]|%2B|%2F/i.test(credentials)) {
    problems.push(
      problem(
        'credentials.base64url',
        'credentials',
        'warn',
        'The credentials use `-` or `_`: that is base64url; ' +
          'Skylink expects standard base64 (`+`, `/`)',
      ),
    );
  }

  const core = decodeOnce(decodeOnce(credentials.trim()));
  const encodedLength = credentials.trim().length;
  if (!SHA1_BASE64.test(core.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/'))) {
    problems.push(
      problem(
        'credentials.length',
        'credentials',
        'error',
        `The credentials cannot be base64 of an HMAC-SHA1: that is ` +
          `28 characters ending in \`=\` (30–34 once percent-encoded), ` +
          `got ${core.length} decoded (${encodedLength} as given)`,
      ),
    );
  } else if (encodedLength > 34 && !problems.some((p) => p.id === 'credentials.double-encoded')) {
    problems.push(
      problem(
        'credentials.length',
        'credentials',
        'warn',
        `The credentials are ${encodedLength} characters; a percent-encoded HMAC-SHA1 is 30–34`,
      ),
    );
  }

  return problems;
}

/** Every check that needs no secret. */
export function secretlessChecks(input: LintInput): LintProblem[] {
  return [
    ...checkStart(input.startDateTime),
    ...checkDuration(input.duration),
    ...checkRoom(input.room, input.urlRoom),
    ...checkCredentialsForm(input.credentials),
  ];
}
