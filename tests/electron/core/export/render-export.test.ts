import { describe, expect, it } from 'vitest';

import { BUNDLE_SCHEMA, BUNDLE_VERSION, type RunBundle } from '../../../../electron/contract';
import {
  formatFromPath,
  INCLUDE_SENSITIVE_WARNING,
  renderExport,
  UNREVEALED_NOTE,
  type ExportInput,
} from '../../../../electron/core/export';

import { SAMPLE_SECRETS, sampleRun } from './sample-run';

const FORMATS = ['json', 'har', 'md'] as const;
const NOW = new Date('2026-12-03T10:00:00.000Z');

function inputOf(run = sampleRun()): ExportInput {
  return {
    log: run.log,
    profile: run.profile,
    findings: run.findings,
    reveal: run.redactor.revealMap(),
    app: { name: 'Skylink Diagnostics', version: '0.1.0' },
    now: () => NOW,
  };
}

describe('formatFromPath()', () => {
  it('reads the format from the extension, in any case', () => {
    expect(formatFromPath('/tmp/run.json')).toBe('json');
    expect(formatFromPath('run.HAR')).toBe('har');
    expect(formatFromPath('notes/report.md')).toBe('md');
  });

  it('returns null for any other extension', () => {
    expect(formatFromPath('run.txt')).toBeNull();
    expect(formatFromPath('json')).toBeNull();
    expect(formatFromPath('run.json.bak')).toBeNull();
  });
});

describe('renderExport()', () => {
  it('writes a versioned bundle with platform, profile, events, findings and timings', () => {
    const input = inputOf();
    const file = renderExport(input, { format: 'json', redaction: 'redact' });
    const bundle = JSON.parse(file.text) as RunBundle;

    expect(file.fileName).toBe('skylink-run-run-42.json');
    expect(file.mimeType).toBe('application/json');
    expect(bundle.schema).toBe(BUNDLE_SCHEMA);
    expect(bundle.version).toBe(BUNDLE_VERSION);
    expect(bundle.exportedAt).toBe(NOW.toISOString());
    expect(bundle.app).toEqual({ name: 'Skylink Diagnostics', version: '0.1.0' });
    expect(bundle.platform.os).toBe(process.platform);
    expect(bundle.platform.arch).toBe(process.arch);
    expect(bundle.platform.runtime).toContain(process.versions.node);
    expect(bundle.redaction).toEqual({ mode: 'redact' });
    expect(bundle.profile?.appKey).toBe('key-1');
    expect(bundle.events).toHaveLength(input.log.events.length);
    expect(bundle.findings.map((finding) => finding.id)).toEqual(['credentials.secret-mismatch']);
    expect(bundle.timings?.apiAttempts).toBe(2);
    expect(bundle.timings?.joinMs).toBe(8);
  });

  it('drops the hash of every marker in redact mode', () => {
    for (const format of FORMATS) {
      const { text } = renderExport(inputOf(), { format, redaction: 'redact' });

      expect(text, format).toContain('[REDACTED:credentials]');
      expect(text, format).not.toMatch(/\[REDACTED:[a-zA-Z]+#[0-9a-f]{8}\]/);
    }
  });

  it('keeps the same hashed marker for the same value in hash mode', () => {
    const run = sampleRun();
    const marker = run.redactor.markerFor('roomCred', SAMPLE_SECRETS.roomCred);
    const bundle = JSON.parse(
      renderExport(inputOf(run), { format: 'json', redaction: 'hash' }).text,
    ) as RunBundle;
    const text = JSON.stringify(bundle.events);

    expect(bundle.redaction.mode).toBe('hash');
    // The API body, api.parsed and the joinRoom payload all carry the room token.
    expect(text.split(marker).length - 1).toBe(3);
  });

  it('reveals the raw values in include mode', () => {
    for (const format of FORMATS) {
      const { text } = renderExport(inputOf(), { format, redaction: 'include' });

      expect(text, format).toContain(SAMPLE_SECRETS.credentials);
      if (format !== 'md') expect(text, format).toContain(SAMPLE_SECRETS.cookie);
      expect(text, format).not.toContain(UNREVEALED_NOTE);
    }
    const bundle = JSON.parse(
      renderExport(inputOf(), { format: 'json', redaction: 'include' }).text,
    ) as RunBundle;
    expect(JSON.stringify(bundle.events)).toContain(SAMPLE_SECRETS.roomCred);
    expect(JSON.stringify(bundle.events)).toContain(SAMPLE_SECRETS.userCred);
    expect(bundle.redaction.note).toBeUndefined();
  });

  it('leaves markers redacted and adds a note when include mode has no values', () => {
    const input = { ...inputOf(), reveal: new Map<string, string>() };
    for (const format of FORMATS) {
      const { text } = renderExport(input, { format, redaction: 'include' });

      expect(text, format).toContain('[REDACTED:credentials]');
      expect(text, format).not.toContain(SAMPLE_SECRETS.credentials);
      expect(text, format).toContain('no longer available');
    }
    const bundle = JSON.parse(renderExport(input, { format: 'json', redaction: 'include' }).text);
    expect((bundle as RunBundle).redaction.note).toBe(UNREVEALED_NOTE);
  });

  it('scrubs raw values that slipped past the engine, in every format and mode', () => {
    const run = sampleRun();
    const leaked = 'RAWcred%2Bleak%3D';
    const events = run.log.events.map((event) => {
      if (event.type === 'http.request' && event.attempt === 2) {
        return {
          ...event,
          url: `http://127.0.0.1:5000/api/k/r/s/2?rand=1&cred=${leaked}`,
          headers: {
            Authorization: 'Bearer raw-bearer-token-99',
            Cookie: 'sid=raw-cookie-77; theme=dark',
          },
        };
      }
      if (event.type === 'api.parsed') {
        return { ...event, fields: { ...event.fields, roomCred: 'raw-room-cred-88' } };
      }

      return event;
    });
    const input = { ...inputOf(run), log: { ...run.log, events } };
    for (const format of FORMATS) {
      for (const redaction of ['redact', 'hash', 'include'] as const) {
        const { text } = renderExport(input, { format, redaction });
        for (const raw of [leaked, 'raw-bearer-token-99', 'raw-cookie-77', 'raw-room-cred-88']) {
          expect(text, `${format}/${redaction}`).not.toContain(raw);
        }
      }
    }
    const har = renderExport(input, { format: 'har', redaction: 'redact' }).text;
    expect(har).toContain('Bearer [REDACTED:token]');
    expect(har).toContain('theme=[REDACTED:cookie]');
  });

  it('writes a Markdown report with inputs, outcome, SDK events, findings and timings', () => {
    const { text, mimeType } = renderExport(inputOf(), { format: 'md', redaction: 'redact' });

    expect(mimeType).toContain('text/markdown');
    for (const heading of [
      '## Inputs',
      '## Outcome',
      '## SDK events',
      '## Diagnosis',
      '## Timings',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('| App key | key-1 |');
    expect(text).toContain('| Credentials | [REDACTED:credentials] (computed) |');
    expect(text).toContain(
      '| readyStateChange | ERROR (-1) | 4005 | API_CREDENTIALS_NOT_MATCH | ' +
        'Credentials \\| do not match |',
    );
    expect(text).toContain(
      '| systemAction | reject |  | credentialError | Credentials do not match |',
    );
    expect(text).toContain('Next step: Check the app key secret in the developer console');
    expect(text).toContain('Evidence: #13, #20');
    expect(text).toContain('| API time to first byte | 12 ms |');
    expect(text).toContain('| Join (joinRoom → inRoom) | 8 ms |');
  });

  it('exposes a warning for exports that include sensitive values', () => {
    expect(INCLUDE_SENSITIVE_WARNING).toMatch(/plain text/);
  });
});

describe('renderExport() with deep values', () => {
  it('still scrubs a raw cred= nested deeper than any event goes', () => {
    const run = sampleRun();
    let deep: unknown = { url: 'https://x/api/k/r?cred=RAW-DEEP-CRED-1234' };
    for (let level = 0; level < 100; level += 1) deep = { next: deep };
    const events = run.log.events.map((event) =>
      event.type === 'socket.message' ? { ...event, payload: deep } : event,
    );
    const input = { ...run, log: { ...run.log, events }, app: { name: 'x', version: '1' } };
    for (const format of FORMATS) {
      const { text } = renderExport(input, { format, redaction: 'redact' });

      expect(text, format).not.toContain('RAW-DEEP-CRED-1234');
    }
  });
});

describe('renderExport() in include mode', () => {
  it('never reveals the app secret, even when the run holds it', () => {
    const run = sampleRun();
    const secret = 'app-secret-never-exported-1';
    run.redactor.register('secret', secret);
    const marker = run.redactor.markerFor('secret', secret);
    const events = run.log.events.map((event) =>
      event.type === 'note' ? { ...event, message: `computed with ${marker}` } : event,
    );
    const input = {
      ...run,
      log: { ...run.log, events },
      reveal: run.redactor.revealMap(),
      app: { name: 'x', version: '1' },
    };
    const { text } = renderExport(input, { format: 'json', redaction: 'include' });

    expect(input.reveal.get(marker)).toBe(secret);
    expect(text).not.toContain(secret);
    expect(text).toContain('computed with [REDACTED:secret]');
    expect(text).toContain(SAMPLE_SECRETS.credentials);
    expect(text).not.toContain('no longer available');
  });
});
