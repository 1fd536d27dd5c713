import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS } from '../../../../electron/core/demo-apps';
import { renderExport, writeExport, type ExportInput } from '../../../../electron/core/export';
import { createSandbox, defaultScenario, type Sandbox } from '../../../../electron/sandbox';

import { harValidator } from './har-validator';
import { liveRun, type LiveRun } from './live-run';

const SECRET = 'Leak-Test-Secret-9f2c41d7';
/** What a customer with an outdated secret computes from; the platform answers 4005. */
const WRONG_SECRET = 'Old-Secret-From-Last-Year-31b7';

/** Every plain-text form a sensitive value of the run could take in a file. */
function sensitiveForms(run: LiveRun): string[] {
  const values = new Set<string>();
  values.add(SECRET);
  values.add(WRONG_SECRET);
  if (run.plan.credentials !== null) {
    values.add(run.plan.credentials);
    values.add(decodeURIComponent(run.plan.credentials));
    values.add(encodeURIComponent(run.plan.credentials));
  }
  for (const [marker, value] of run.redactor.revealMap()) {
    if (/^\[REDACTED:(roomCred|userCred|token|credentials|secret)#/.test(marker)) {
      values.add(value);
      values.add(decodeURIComponent(value));
    }
  }

  return [...values].filter((value) => value.length >= 6);
}

function tokenMarkers(run: LiveRun): string[] {
  return [...run.redactor.revealMap().keys()].filter((marker) =>
    /^\[REDACTED:(roomCred|userCred)#/.test(marker),
  );
}

function inputOf(run: LiveRun): ExportInput {
  return {
    log: run.log,
    profile: null,
    findings: run.findings,
    reveal: run.redactor.revealMap(),
    app: { name: 'Skylink Diagnostics', version: '0.1.0' },
  };
}

describe('exports of a real run', () => {
  let sandbox: Sandbox;
  let folder: string;
  const runs: LiveRun[] = [];

  beforeAll(async () => {
    const scenario = defaultScenario();
    const app = scenario.apps.find((item) => item.appKey === DEMO_APP_KEYS.credentials);
    if (app === undefined) throw new Error('the default scenario lost its credentials app');
    app.secret = SECRET;
    sandbox = await createSandbox(scenario);
    folder = await mkdtemp(join(tmpdir(), 'skylink-export-'));
    runs.push(await liveRun(sandbox, 'credentials', SECRET));
    runs.push(await liveRun(sandbox, 'cors', null));
    runs.push(await liveRun(sandbox, 'credentials', WRONG_SECRET));
  });

  afterAll(async () => {
    await sandbox.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('joins in both modes, knows the tokens, and diagnoses the wrong secret', () => {
    const wrong = runs[2];
    expect(wrong?.log.summary.outcome).toBe('failed');
    expect(wrong?.findings.length).toBeGreaterThan(0);
    expect(wrong?.log.events.some((event) => event.type === 'diagnosis')).toBe(true);
    for (const run of runs.slice(0, 2)) {
      expect(run.log.summary.outcome, run.log.summary.runId).toBe('joined');
      expect(tokenMarkers(run).length, run.log.summary.runId).toBeGreaterThanOrEqual(2);
    }
    expect(runs[0]?.plan.credentials).not.toBeNull();
  });

  it('writes none of the secret, credentials or tokens in any format, redact or hash', async () => {
    let files = 0;
    for (const run of runs) {
      const forms = sensitiveForms(run);
      expect(forms.length).toBeGreaterThanOrEqual(run.plan.authMode === 'credentials' ? 5 : 2);
      for (const redaction of ['redact', 'hash'] as const) {
        for (const ext of ['json', 'har', 'md']) {
          const path = join(folder, `${run.log.summary.runId}-${redaction}.${ext}`);
          const written = await writeExport(inputOf(run), path, redaction);
          expect(written.ok, path).toBe(true);
          const bytes = await readFile(path);
          expect(bytes.length).toBeGreaterThan(200);
          for (const form of forms) {
            expect(
              bytes.includes(Buffer.from(form, 'utf8')),
              `${path} holds ${form.slice(0, 4)}…`,
            ).toBe(false);
          }
          files += 1;
        }
      }
    }

    expect(files).toBe(18);
  });

  it('reveals the credentials and tokens in include mode', async () => {
    const run = runs[0];
    if (run === undefined || run.plan.credentials === null) throw new Error('no credentials run');
    const path = join(folder, 'include.json');
    const written = await writeExport(inputOf(run), path, 'include');
    const text = await readFile(path, 'utf8');

    expect(written.ok).toBe(true);
    expect(text).toContain(`cred=${run.plan.credentials}`);
    for (const marker of tokenMarkers(run)) {
      const raw = run.redactor.revealMap().get(marker) ?? '';
      expect(text).toContain(decodeURIComponent(raw));
    }
    expect(text).not.toContain('no longer available');
    // The secret itself never enters an event, so even include mode has nothing to reveal.
    expect(text).not.toContain(SECRET);
  });

  it('writes a HAR of the real run that validates against the HAR 1.2 schema', () => {
    const validate = harValidator();
    for (const run of runs.slice(0, 2)) {
      const har = JSON.parse(
        renderExport(inputOf(run), { format: 'har', redaction: 'redact' }).text,
      ) as {
        log: { entries: { request: { url: string }; response: { status: number } }[] };
      };

      expect(validate(har), JSON.stringify(validate.errors)).toBe(true);
      const api = har.log.entries.find((entry) => entry.request.url.includes('/api/'));
      expect(api?.response.status).toBe(200);
      expect(har.log.entries.some((entry) => entry.response.status === 101)).toBe(true);
    }
  });
});
