import { parseArgs, type ParseArgsConfig } from 'node:util';

import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses flags strictly: an unknown flag, a missing value or a stray argument is a
 * {@link UsageError} that names it, never a stack trace.
 */
export function parseFlags<O extends Options>(
  argv: string[],
  options: O,
  config: { positionals?: number } = {},
): {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'];
  positionals: string[];
} {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional.*$/s, ''));
  }

  const allowed = config.positionals ?? 0;
  if (parsed.positionals.length > allowed) {
    throw new UsageError(`Unexpected argument \`${parsed.positionals[allowed] ?? ''}\``);
  }

  return { values: parsed.values, positionals: parsed.positionals };
}

/** Reads a numeric flag, naming it in the error. */
export function numberFlag(
  name: string,
  raw: string | undefined,
  limits: { min?: number; max?: number; integer?: boolean } = {},
): number | undefined {
  if (raw === undefined) return undefined;

  const value = Number(raw);
  const { min = -Infinity, max = Infinity, integer = false } = limits;
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new UsageError(
      `Expected \`--${name}\` to be ${integer ? 'a whole number' : 'a number'}, got \`${raw}\``,
    );
  }
  if (value < min || value > max) {
    throw new UsageError(`Expected \`--${name}\` between ${min} and ${max}, got ${value}`);
  }

  return value;
}
