import type { Profile, RepeatOptions } from '../contract';
import { formatFromPath } from '../core/export';

import type { RunFlagValues } from './commands/run';
import { numberFlag } from './parse-flags';
import type { ExportRequest } from './run-once';
import { UsageError } from './usage-error';

/** The `--export` request, checked; `null` without the flag. */
export function exportRequestOf(
  values: RunFlagValues,
  profile: Profile | null,
): ExportRequest | null {
  if (values.export === undefined) return null;
  if (formatFromPath(values.export) === null) {
    throw new UsageError(
      `Expected \`--export\` to end in .json, .har or .md, got \`${values.export}\``,
    );
  }
  const redaction = values.redaction ?? 'redact';
  if (redaction !== 'redact' && redaction !== 'hash') {
    throw new UsageError(
      `Expected \`--redaction\` to be redact or hash, got \`${redaction}\` (the CLI never ` +
        'writes sensitive values)',
    );
  }

  return { path: values.export, redaction, profile };
}

/** The `--repeat` options, checked; `null` without the flag. */
export function repeatOptionsOf(values: RunFlagValues): RepeatOptions | null {
  const count = numberFlag('repeat', values.repeat, { min: 1, max: 100_000, integer: true });
  if (count === undefined) {
    if (values.concurrency !== undefined || values.interval !== undefined) {
      throw new UsageError('Expected `--repeat N` with `--concurrency` or `--interval`');
    }

    return null;
  }
  if (values.export !== undefined) {
    throw new UsageError('Expected either `--repeat` or `--export`, got both');
  }
  const concurrency = numberFlag('concurrency', values.concurrency, {
    min: 1,
    max: 500,
    integer: true,
  });
  const intervalMs = numberFlag('interval', values.interval, {
    min: 0,
    max: 600_000,
    integer: true,
  });

  return { count, concurrency: concurrency ?? 1, intervalMs: intervalMs ?? 0 };
}

/** Flags that describe the target; a profile already says all of them. */
const PROFILE_FIELD_FLAGS = [
  'server',
  'sandbox',
  'app-key',
  'room',
  'origin',
  'no-origin',
  'start',
  'duration',
  'sdk',
  'timeout',
  'socket-timeout',
  'deadline',
  'ca-file',
  'insecure',
  'proxy',
] as const;

/** Refuses target flags next to `--profile`, which already says them all. */
export function checkProfileFlags(argv: string[]): void {
  const clash = PROFILE_FIELD_FLAGS.find(
    (flag) => argv.includes(`--${flag}`) || argv.some((arg) => arg.startsWith(`--${flag}=`)),
  );
  if (clash !== undefined) {
    throw new UsageError(
      `Expected either \`--profile\` or \`--${clash}\`, got both (duplicate the profile to ` +
        'change it)',
    );
  }
}
