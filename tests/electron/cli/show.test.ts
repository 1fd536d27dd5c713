import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunBundle } from '../../../electron/contract';
import { runCli as runCliIn, type CliRun } from '../../support/cli-io';

const BUNDLES = join(import.meta.dirname, '../../fixtures/bundles');

function runCli(argv: string[], cwd = BUNDLES): Promise<CliRun> {
  return runCliIn(argv, { cwd });
}

describe('skylink-diag show', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'skylink-show-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints the timeline, the diagnosis and the outcome of a bundle', async () => {
    const { code, stdout, stderr } = await runCli(['show', 'rejected-credentials.json']);

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Run run-42: Sample');
    expect(stdout).toContain('sensitive values: redact');
    expect(stdout).toMatch(
      /readyStateChange\s+ERROR \(-1\) status 200, errorCode 4005 API_CREDENTIALS_NOT_MATCH/,
    );
    expect(stdout).toMatch(/systemAction\s+reject credentialError/);
    expect(stdout).toContain('Diagnosis:');
    expect(stdout).toContain('Next: Check the app key secret in the developer console');
    expect(stdout).toContain('Outcome: rejected: reject credentialError');
  });

  it('prints the bundle, marked imported, as JSON', async () => {
    const { code, stdout } = await runCli(['show', 'rejected-credentials.json', '--json']);
    const document = JSON.parse(stdout) as RunBundle;

    expect(code).toBe(0);
    expect(document.run.source).toBe('imported');
    expect(document.events).toHaveLength(26);
    expect(document.run.eventCount).toBe(26);
    expect(document.findings[0]?.id).toBe('credentials.secret-mismatch');
  });

  it('exports the bundle again as Markdown, HAR or JSON', async () => {
    for (const name of ['again.md', 'again.har', 'again.json']) {
      const out = join(folder, name);
      const { code, stdout } = await runCli([
        'show',
        join(BUNDLES, 'rejected-credentials.json'),
        '--export',
        out,
        '--redaction',
        'hash',
      ]);
      const text = await readFile(out, 'utf8');

      expect(code, name).toBe(0);
      expect(stdout).toContain(`Wrote ${out}`);
      expect(text).toContain('[REDACTED:credentials]');
    }
    const again = JSON.parse(await readFile(join(folder, 'again.json'), 'utf8')) as RunBundle;
    expect(again.run.source).toBe('imported');
  });

  it('exits 2 naming the field of a malformed bundle, without a stack trace', async () => {
    const cases: [string, RegExp][] = [
      ['mistyped-port.json', /`events\[4\]\.port` to be number, got `"five thousand"`/],
      ['truncated.json', /not JSON/],
      ['newer-version.json', /version 7.*up to 1/],
      ['missing.json', /Could not read `.*missing\.json`: no such file/],
    ];
    for (const [file, pattern] of cases) {
      const { code, stdout, stderr } = await runCli(['show', file]);

      expect(code, file).toBe(2);
      expect(stderr, file).toMatch(pattern);
      expect(stderr, file).toMatch(/^skylink-diag show: /);
      expect(stderr, file).not.toMatch(/\n\s+at /);
      expect(stdout, file).toBe('');
    }
  });

  it('exits 2 for a file that is not a bundle at all', async () => {
    const path = join(folder, 'other.json');
    await writeFile(path, '{"log": {"entries": []}}');
    const { code, stderr } = await runCli(['show', path]);

    expect(code).toBe(2);
    expect(stderr).toContain('not a Skylink Diagnostics run bundle');
  });

  it('rejects bad flags with a usage error', async () => {
    const include = await runCli([
      'show',
      'rejected-credentials.json',
      '--export',
      'x.md',
      '--redaction',
      'include',
    ]);
    const badExt = await runCli(['show', 'rejected-credentials.json', '--export', 'x.txt']);
    const none = await runCli(['show']);

    expect(include.code).toBe(2);
    expect(include.stderr).toContain('no longer holds the sensitive values');
    expect(badExt.code).toBe(2);
    expect(badExt.stderr).toContain('`--export` to end in .json, .har or .md, got `x.txt`');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Expected a bundle FILE');
  });
});

describe('skylink-diag show without findings', () => {
  it('diagnoses the events again when the bundle carries no findings', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'skylink-show-'));
    const bundle = JSON.parse(
      await readFile(join(BUNDLES, 'rejected-credentials.json'), 'utf8'),
    ) as RunBundle;
    bundle.findings = [];
    bundle.events = bundle.events.filter((event) => event.type !== 'diagnosis');
    const path = join(folder, 'bare.json');
    await writeFile(path, JSON.stringify(bundle));
    const { code, stdout } = await runCli(['show', path, '--json']);
    await rm(folder, { recursive: true, force: true });
    const shown = JSON.parse(stdout) as RunBundle;

    expect(code).toBe(0);
    expect(shown.findings.length).toBeGreaterThan(0);
  });
});
