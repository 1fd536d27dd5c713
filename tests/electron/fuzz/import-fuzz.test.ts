import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ProfileSchema } from '../../../electron/contract';
import { parseBundle, profileFromHar, renderExport } from '../../../electron/core/export';
import { parseProfilesFile, renderProfilesFile } from '../../../electron/host/profile-transfer';
import { exportAgainInEveryFormat } from '../core/export/export-again';
import { sampleRun } from '../core/export/sample-run';

import {
  expectCleanError,
  mutationOf,
  nastyValue,
  rejected,
  RUNS,
  sampleProfile,
  textDamageOf,
  withValueAt,
} from './fuzz-rig';

const PROFILES_TEXT = renderProfilesFile([
  sampleProfile(),
  sampleProfile({ id: 'p-2', name: 'Customer B', authMode: 'cors', origin: 'https://b.example' }),
]).text;
const PROFILES = JSON.parse(PROFILES_TEXT) as Record<string, unknown>;

const BUNDLE_TEXT = renderExport(
  { ...sampleRun(), app: { name: 'Skylink Diagnostics', version: '0.1.0' } },
  { format: 'json', redaction: 'hash' },
).text;
const BUNDLE = JSON.parse(BUNDLE_TEXT) as Record<string, unknown>;

const HAR_TEXT = readFileSync(
  join(import.meta.dirname, '../../fixtures/har/credentials-0.6.har'),
  'utf8',
);
const HAR = JSON.parse(HAR_TEXT) as unknown;

/** Raw text: damaged copies of a valid file, or any JSON, or any string. */
function textsAround(base: string, value: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    textDamageOf(base),
    mutationOf(value).map(({ path, next }) => JSON.stringify(withValueAt(value, path, next))),
    nastyValue.map((item) => (JSON.stringify(item) as string | undefined) ?? 'null'),
    fc.string({ maxLength: 200 }),
  );
}

describe('parseProfilesFile() under fuzzing', () => {
  it('accepts the valid file', () => {
    expect(parseProfilesFile(PROFILES_TEXT).ok).toBe(true);
  });

  it(
    'never throws; a refusal is import.invalid ' + 'or import.newer-version with a clear message',
    () => {
      fc.assert(
        fc.property(textsAround(PROFILES_TEXT, PROFILES), (text) => {
          const result = parseProfilesFile(text);
          if (result.ok) {
            // Whatever is accepted is a list of valid profiles, nothing half-read.
            for (const profile of result.value)
              expect(ProfileSchema.safeParse(profile).success).toBe(true);
          } else {
            expectCleanError(result.error, ['import.invalid', 'import.newer-version']);
          }
        }),
        { numRuns: RUNS * 2 },
      );
    },
  );

  it('rejects a profile whose required field is missing or mistyped, naming the field', () => {
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.constantFrom('name', 'server', 'appKey', 'room'),
        fc.oneof(fc.constant(undefined), fc.constantFrom('', '   ', null, 7, [], {}, false)),
        (index, key, next) => {
          // A blank room is a valid room name in Skylink; only a missing or mistyped one is not.
          fc.pre(!(key === 'room' && next === '   '));
          const text = JSON.stringify(withValueAt(PROFILES, ['profiles', index, key], next));
          const error = rejected(parseProfilesFile(text));

          expect(error.code).toBe('import.invalid');
          expect(error.detail).toMatchObject({ index, field: key });
          expect(error.message).toContain(`profiles[${index}]`);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('parseBundle() under fast-check', () => {
  it('never throws, and what it accepts can be exported again in every format', () => {
    fc.assert(
      fc.property(textsAround(BUNDLE_TEXT, BUNDLE), (text) => {
        const result = parseBundle(text);
        if (!result.ok) {
          expectCleanError(result.error, ['import.invalid', 'import.newer-version']);

          return;
        }
        exportAgainInEveryFormat(result.value);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('rejects a bundle missing any top-level field, naming it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(BUNDLE)), nastyValue, (key, wrong) => {
        const missing = rejected(
          parseBundle(JSON.stringify(withValueAt(BUNDLE, [key], undefined))),
        );
        expect(missing.detail?.field).toBe(key);

        // A wrong value is either refused naming the field, or the field was lenient (text).
        const mistyped = parseBundle(JSON.stringify(withValueAt(BUNDLE, [key], wrong)));
        if (!mistyped.ok && mistyped.error.code !== 'import.newer-version') {
          expect(String(mistyped.error.detail?.field)).toMatch(new RegExp(`^${key}`));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('profileFromHar() under fast-check', () => {
  it('never throws with or without keeping credentials', () => {
    fc.assert(
      fc.property(textsAround(HAR_TEXT, HAR), fc.boolean(), (text, keep) => {
        const result = profileFromHar(text, keep);
        if (!result.ok) expectCleanError(result.error, ['import.invalid']);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('never returns the credentials of the HAR when asked not to keep them', () => {
    const kept = profileFromHar(HAR_TEXT, true);
    const dropped = profileFromHar(HAR_TEXT, false);
    if (!kept.ok || !dropped.ok) throw new Error('the fixture HAR should import');
    const cred = kept.value.credentials ?? '';

    expect(cred.length).toBeGreaterThan(10);
    expect(dropped.value.credentials).toBeNull();
    for (const form of [cred, decodeURIComponent(cred)]) {
      expect(JSON.stringify(dropped.value)).not.toContain(form);
      // The source URL is shown to the user even when the credentials are kept: never in clear.
      expect(kept.value.sourceUrl).not.toContain(form);
    }
  });
});
