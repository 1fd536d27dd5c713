import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { fail, ok, type ExportFormat, type RedactionMode, type Result } from '../../contract';
import { createLogger } from '../logger';

import type { ExportInput } from './export-input';
import { formatFromPath, renderExport } from './render-export';

const log = createLogger('diag:export');

/**
 * Renders a run in the format its file name asks for and writes it atomically: a temporary
 * file in the same folder, then a rename, so a reader never sees half a file.
 */
export async function writeExport(
  input: ExportInput,
  filePath: string,
  redaction: RedactionMode = 'redact',
): Promise<Result<{ path: string; format: ExportFormat }>> {
  const format = formatFromPath(filePath);
  if (format === null) {
    return fail(
      'input.invalid',
      `Expected an export file ending in .json, .har or .md, got \`${basename(filePath)}\``,
      { field: 'path' },
    );
  }

  let text: string;
  try {
    text = renderExport(input, { format, redaction }).text;
  } catch (error) {
    log.error('export render failed', { format, error });

    return fail('internal', `Could not render the ${format} export: ${messageOf(error)}`);
  }

  const temp = join(
    dirname(filePath),
    `.${basename(filePath)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    // A file with sensitive values in it is readable by its owner only.
    await writeFile(temp, text, {
      encoding: 'utf8',
      mode: redaction === 'include' ? 0o600 : 0o644,
    });
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);

    return fail('internal', `Could not write \`${filePath}\`: ${messageOf(error)}`, {
      path: filePath,
    });
  }
  log.info('export written', { format, redaction, bytes: Buffer.byteLength(text) });

  return ok({ path: filePath, format });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
