import { describe, expect, it } from 'vitest';

import { BUNDLE_VERSION, type TimelineEventType } from '../../../../electron/contract';
import { parseBundle, renderExport, type ExportInput } from '../../../../electron/core/export';

import { sampleRun } from './sample-run';

const ALL_TYPES: TimelineEventType[] = [
  'run.start',
  'readyStateChange',
  'systemAction',
  'channelOpen',
  'channelClose',
  'channelError',
  'socketError',
  'peerJoined',
  'dns',
  'tcp',
  'tls',
  'http.request',
  'http.response',
  'http.retry',
  'api.parsed',
  'socket.attempt',
  'socket.message',
  'step.failed',
  'diagnosis',
  'note',
  'result',
];

function input(): ExportInput {
  const run = sampleRun();

  return {
    log: run.log,
    profile: run.profile,
    findings: run.findings,
    app: { name: 'Skylink Diagnostics', version: '0.1.0' },
  };
}

function bundleText(from: ExportInput = input()): string {
  return renderExport(from, { format: 'json', redaction: 'hash' }).text;
}

function bundleObject(): Record<string, unknown> {
  return JSON.parse(bundleText()) as Record<string, unknown>;
}

function expectError(text: string, code: string, pattern: RegExp): void {
  const result = parseBundle(text);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(pattern);
}

describe('parseBundle()', () => {
  it('gives back the same events for every event type', () => {
    const original = input();
    const result = parseBundle(bundleText(original));

    expect(new Set(original.log.events.map((event) => event.type))).toEqual(new Set(ALL_TYPES));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.log.events).toEqual(original.log.events);
    expect(result.value.bundle.findings).toEqual(original.findings);
    expect(result.value.bundle.profile).toEqual(original.profile);
  });

  it('marks the run log as imported and keeps its summary', () => {
    const result = parseBundle(bundleText());

    expect(result.ok && result.value.log.summary).toMatchObject({
      runId: 'run-42',
      source: 'imported',
      outcome: 'rejected',
      eventCount: sampleRun().log.events.length,
    });
  });

  it('reads a bundle written in redact mode again', () => {
    const text = renderExport(input(), { format: 'json', redaction: 'redact' }).text;
    const result = parseBundle(text);

    expect(result.ok).toBe(true);
    expect(result.ok && result.value.bundle.redaction.mode).toBe('redact');
  });

  it('rejects text that is not JSON', () => {
    expectError('{"schema": ', 'import.invalid', /not JSON/);
    expectError('', 'import.invalid', /not JSON/);
  });

  it('rejects a file of another schema, naming the field', () => {
    expectError(
      '{"log": {"entries": []}}',
      'import.invalid',
      /`schema`.*not a Skylink Diagnostics/,
    );
    expectError('[1, 2]', 'import.invalid', /Expected a JSON object, got an array/);
  });

  it('names the version of a newer bundle and the version this build reads', () => {
    const bundle = { ...bundleObject(), version: BUNDLE_VERSION + 2 };
    const result = parseBundle(JSON.stringify(bundle));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import.newer-version');
    expect(result.error.message).toContain(`version ${BUNDLE_VERSION + 2}`);
    expect(result.error.message).toContain(`up to ${BUNDLE_VERSION}`);
  });

  it('names the path of a missing or mistyped field', () => {
    const missing = bundleObject();
    const events = missing.events as Record<string, unknown>[];
    delete events[3]?.seq;
    expectError(
      JSON.stringify(missing),
      'import.invalid',
      /`events\[3\]\.seq` to be number, got nothing/,
    );

    const mistyped = bundleObject();
    (mistyped.events as Record<string, unknown>[])[9] = {
      ...(mistyped.events as Record<string, unknown>[])[9],
      status: 'OK',
    };
    expectError(JSON.stringify(mistyped), 'import.invalid', /`events\[9\]\.status`.*got `"OK"`/);

    const badRun = { ...bundleObject(), run: { runId: 'x' } };
    expectError(JSON.stringify(badRun), 'import.invalid', /`run\.profileId`/);
  });

  it('rejects an unknown event type, naming it', () => {
    const bundle = bundleObject();
    (bundle.events as Record<string, unknown>[])[0] = { type: 'bogus', seq: 1, t: 0, at: 'x' };

    expectError(JSON.stringify(bundle), 'import.invalid', /`events\[0\]\.type`.*got `"bogus"`/);
  });

  it('rejects events out of seq order', () => {
    const bundle = bundleObject();
    const events = bundle.events as Record<string, unknown>[];
    events.reverse();

    expectError(JSON.stringify(bundle), 'import.invalid', /`events\[1\]\.seq` to rise/);
  });

  it('rejects prototype keys and deep nesting', () => {
    const bundle = bundleText().replace('"schema":', '"__proto__": {"polluted": true}, "schema":');
    expectError(bundle, 'import.invalid', /`__proto__`/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const deep = bundleText().replace(
      '"findings": [',
      `"findings": [${'['.repeat(5000)}${']'.repeat(5000)},`,
    );
    expectError(deep, 'import.invalid', /levels of nesting/);
  });

  it('rejects huge numbers', () => {
    const bundle = bundleText().replace('"seq": 1,', '"seq": 1e400,');
    expectError(bundle, 'import.invalid', /`events\[0\]\.seq`/);
  });
});
