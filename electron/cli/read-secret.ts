import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import type { CliIo } from './output';
import { UsageError } from './usage-error';

/** The secret flags every command that takes an app secret accepts. */
export const SECRET_FLAGS = {
  'secret-env': { type: 'string' },
  'secret-file': { type: 'string' },
  'secret-stdin': { type: 'boolean', default: false },
} as const;

/** Parsed {@link SECRET_FLAGS}. */
export interface SecretFlagValues {
  'secret-env'?: string;
  'secret-file'?: string;
  'secret-stdin'?: boolean;
}

/**
 * Reads the app secret from the one source given: an environment variable, a file or
 * standard input. Secrets never come from a flag's value, which would land in shell history
 * and process listings. Returns `null` when no source was given.
 */
export async function readSecret(flags: SecretFlagValues, io: CliIo): Promise<string | null> {
  const sources = [
    flags['secret-env'] === undefined ? null : '--secret-env',
    flags['secret-file'] === undefined ? null : '--secret-file',
    flags['secret-stdin'] === true ? '--secret-stdin' : null,
  ].filter((source) => source !== null);
  if (sources.length > 1) {
    const named = sources.map((source) => `\`${source}\``).join(' and ');
    throw new UsageError(`Expected one secret source, got ${named}`);
  }

  const envName = flags['secret-env'];
  if (envName !== undefined) {
    const value = io.env[envName];
    if (value === undefined || value === '') {
      throw new UsageError(
        `Expected environment variable \`${envName}\` (from \`--secret-env\`) to hold the ` +
          'secret, got nothing',
      );
    }

    return value;
  }
  const file = flags['secret-file'];
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'an error';
      throw new UsageError(
        `Expected \`--secret-file\` to be a readable file, got ${code} for \`${file}\``,
      );
    }

    return nonEmptySecret(text, '--secret-file');
  }
  if (flags['secret-stdin'] === true) {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    }

    return nonEmptySecret(Buffer.concat(chunks).toString('utf8'), '--secret-stdin');
  }

  return null;
}

function nonEmptySecret(text: string, flag: string): string {
  // Editors and `echo` end files with a newline that is not part of the secret.
  const value = text.replace(/\r?\n$/, '');
  if (value === '') {
    throw new UsageError(`Expected \`${flag}\` to provide a secret, got an empty one`);
  }

  return value;
}
