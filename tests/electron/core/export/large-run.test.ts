import { describe, expect, it } from 'vitest';

import { BUNDLE_SCHEMA, type RedactionMode } from '../../../../electron/contract';
import {
  MAX_BUNDLE_CHARS,
  MAX_BUNDLE_EVENTS,
  parseBundle,
  renderExport,
  type ExportInput,
} from '../../../../electron/core/export';

import { largeRun, PLANTED } from './large-run';
import { SAMPLE_SECRETS } from './sample-run';

const COUNT = 100_000;
const run = largeRun(COUNT);
const input: ExportInput = {
  log: run.log,
  profile: run.profile,
  findings: run.findings,
  reveal: run.redactor.revealMap(),
  app: { name: 'Skylink Diagnostics', version: '0.1.0' },
};

describe('a 100,000-event run', () => {
  it('round-trips through a bundle with every event intact', () => {
    const text = renderExport(input, { format: 'json', redaction: 'hash' }).text;
    const result = parseBundle(text);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const events = result.value.log.events;
    expect(events).toHaveLength(COUNT);
    expect(result.value.log.summary.eventCount).toBe(COUNT);
    expect(result.value.bundle.run.eventCount).toBe(COUNT);
    const types = (list: readonly { type: string }[]): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const event of list) out[event.type] = (out[event.type] ?? 0) + 1;

      return out;
    };
    expect(types(events)).toEqual(types(run.log.events));
    // Hash mode keeps every marker, so untouched events come back exactly; the planted ones
    // come back scrubbed.
    for (const index of [0, 1, 25, 26, 36, 12_345, 50_000, 77_777, 99_990]) {
      expect(events[index]).toEqual(run.log.events[index]);
    }
    expect(events.at(-1)?.seq).toBe(COUNT);
  });

  it.each(['redact', 'hash', 'include'] as RedactionMode[])(
    'scrubs values that escaped redaction, late in the run, in every format (%s)',
    (redaction) => {
      for (const format of ['json', 'har', 'md'] as const) {
        const text = renderExport(input, { format, redaction }).text;
        for (const planted of Object.values(PLANTED)) {
          expect(text, `${format} ${redaction} holds ${planted}`).not.toContain(planted);
        }
        if (redaction !== 'include') {
          for (const secret of Object.values(SAMPLE_SECRETS)) {
            expect(text, `${format} ${redaction} holds a secret`).not.toContain(secret);
          }
        }
      }
    },
  );

  it('writes the planted values as markers where they were', () => {
    const text = renderExport(input, { format: 'har', redaction: 'redact' }).text;

    expect(text).toContain('cred=[REDACTED:credentials]');
    expect(text).toContain('Bearer [REDACTED:token]');
    expect(text).toContain('sid=[REDACTED:cookie]');
  });
});

describe('parseBundle() caps', () => {
  it('rejects a bundle with more events than the cap, naming the field and the cap', () => {
    const events = new Array<number>(MAX_BUNDLE_EVENTS + 1).fill(0);
    const text = JSON.stringify({ schema: BUNDLE_SCHEMA, version: 1, events });
    const result = parseBundle(text);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import.invalid');
    expect(result.error.message).toBe(
      `Invalid \`events\`: too big: expected array to have <=${MAX_BUNDLE_EVENTS} items, ` +
        `got an array of ${MAX_BUNDLE_EVENTS + 1}`,
    );
  });

  it('rejects text longer than the cap before reading it', () => {
    // A rope of one shared chunk: its length is past the cap, its memory one megabyte.
    const chunk = ' '.repeat(1024 * 1024);
    let text = '';
    for (let index = 0; index < MAX_BUNDLE_CHARS / chunk.length; index += 1) text += chunk;
    text += '{}';
    const result = parseBundle(text);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(
      `Expected a bundle of at most ${MAX_BUNDLE_CHARS} characters, got ${MAX_BUNDLE_CHARS + 2}`,
    );
  });

  it('reads a bundle of exactly the event cap, as far as counting goes', () => {
    const events = new Array<number>(MAX_BUNDLE_EVENTS).fill(0);
    const result = parseBundle(JSON.stringify({ schema: BUNDLE_SCHEMA, version: 1, events }));

    // Not over the cap: the first problem named is a field, not the count.
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.message).not.toMatch(/too big/);
  });
});
