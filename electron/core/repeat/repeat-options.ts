import { fail, ok, type RepeatOptions, type Result } from '../../contract';

/** The bounds a repeat batch accepts; the same as the `repeat:start` request schema. */
export const REPEAT_LIMITS = {
  count: { min: 1, max: 100_000 },
  concurrency: { min: 1, max: 500 },
  intervalMs: { min: 0, max: 600_000 },
} as const;

/**
 * Checks repeat options from any source (CLI flags, a request, a test), naming the first bad
 * field, what was expected and what came.
 */
export function checkRepeatOptions(options: RepeatOptions): Result<RepeatOptions> {
  for (const field of ['count', 'concurrency', 'intervalMs'] as const) {
    const value: unknown = options[field];
    const { min, max } = REPEAT_LIMITS[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return fail(
        'input.invalid',
        `Expected \`${field}\` to be a whole number from ${min} to ${max}, got ${describe(value)}`,
        { field },
      );
    }
  }

  return ok({ ...options });
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? 'an empty string' : `\`${value}\``;
  if (value === undefined) return 'nothing';

  return `\`${JSON.stringify(value)}\``;
}
