import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeExport, type ExportInput } from '../../../../electron/core/export';

import { SAMPLE_SECRETS, sampleRun } from './sample-run';

function input(): ExportInput {
  const run = sampleRun();

  return { ...run, reveal: run.redactor.revealMap(), app: { name: 'x', version: '1' } };
}

describe('writeExport()', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'skylink-write-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it(
    'writes the format the extension names, ' + 'redacted by default, and leaves no temp file',
    async () => {
      const path = join(folder, 'run.md');
      const result = await writeExport(input(), path);

      expect(result).toEqual({ ok: true, value: { path, format: 'md' } });
      expect(await readFile(path, 'utf8')).toContain('[REDACTED:credentials]');
      expect(await readdir(folder)).toEqual(['run.md']);
    },
  );

  it('replaces an existing file whole', async () => {
    const path = join(folder, 'twice.json');
    await writeExport(input(), path, 'include');
    await writeExport(input(), path, 'redact');
    const text = await readFile(path, 'utf8');

    expect(text).not.toContain(SAMPLE_SECRETS.credentials);
    expect(JSON.parse(text)).toMatchObject({ redaction: { mode: 'redact' } });
  });

  it('makes an include export readable by its owner only', async () => {
    const path = join(folder, 'secret.har');
    await writeExport(input(), path, 'include');

    expect((await stat(path)).mode & 0o077).toBe(0);
  });

  it('refuses an unknown extension, naming it', async () => {
    const result = await writeExport(input(), join(folder, 'run.txt'));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'input.invalid' });
    expect(!result.ok && result.error.message).toContain('got `run.txt`');
  });

  it('returns an error for a folder that does not exist, and writes nothing', async () => {
    const path = join(folder, 'missing', 'run.json');
    const result = await writeExport(input(), path);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain(`Could not write \`${path}\``);
  });
});
