import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { defaultScenarioJson, parseScenario } from '../../../electron/sandbox';

import {
  expectCleanError,
  mutationOf,
  nastyValue,
  rejected,
  RUNS,
  withValueAt,
  type JsonPath,
} from './fuzz-rig';

/** The demo scenario with every section filled, so mutations reach every reader. */
const BASE: Record<string, unknown> = {
  ...defaultScenarioJson(),
  faults: [{ fault: 'delay', match: { path: '/api/', appKey: null, room: 'lobby' }, ms: 10 }],
  corsMatch: 'host-port',
  httpStatusByCode: { '4001': 400 },
  signalling: { deadPorts: 1, extraLivePorts: 1, tokenMaxAgeSeconds: 60 },
  constraints: { pc: '{}', offer: '{}', media: '{}' },
};
const APP_COUNT = (BASE.apps as unknown[]).length;

/** `apps[1].secret`, as the parser names fields. */
function fieldName(path: JsonPath): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

describe('parseScenario() under fuzzing', () => {
  it('accepts the base scenario', () => {
    expect(parseScenario(BASE).ok).toBe(true);
  });

  it('never throws on arbitrary values and always names a field when it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.anything()), (value) => {
        const result = parseScenario(value);
        if (!result.ok) {
          expectCleanError(result.error, ['input.invalid']);
          expect(typeof result.error.detail?.field).toBe('string');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on mutations of a valid scenario; a refusal names the field it read', () => {
    fc.assert(
      fc.property(mutationOf(BASE), ({ path, next }) => {
        const result = parseScenario(withValueAt(BASE, path, next));
        if (!result.ok) {
          expectCleanError(result.error, ['input.invalid']);
          const field = String(result.error.detail?.field);
          expect(result.error.message).toContain(field);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('rejects a required app field that is missing or mistyped, naming it', () => {
    const badString = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('', null, 0, 42, true, [], {}, ['x']),
    );
    fc.assert(
      fc.property(
        fc.nat(APP_COUNT - 1),
        fc.constantFrom('appKey', 'secret'),
        badString,
        (index, key, next) => {
          const path = ['apps', index, key];
          const error = rejected(parseScenario(withValueAt(BASE, path, next)));

          expect(error.detail?.field).toBe(fieldName(path));
          expect(error.message).toContain(`\`${fieldName(path)}\``);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('rejects mistyped choices and numbers wherever they are, naming them', () => {
    const targets: { path: JsonPath; bad: fc.Arbitrary<unknown> }[] = [
      { path: ['corsMatch'], bad: fc.constantFrom('HOST', 'any', 1, null, []) },
      { path: ['signalling', 'deadPorts'], bad: fc.constantFrom(-1, 17, 1.5, '1', null) },
      { path: ['faults', 0, 'fault'], bad: fc.constantFrom('crash', '', 3, undefined) },
      { path: ['faults', 0, 'ms'], bad: fc.constantFrom(-5, 600_001, 'soon', []) },
      { path: ['clockOffsetMs'], bad: fc.constantFrom('1h', null, [], {}) },
      { path: ['apps', 0, 'seatLimit'], bad: fc.constantFrom(-1, 2.5, 'ten', null) },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.nat(), (target, pick) => {
        const samples = fc.sample(target.bad, { numRuns: 5, seed: pick });
        for (const next of samples) {
          const error = rejected(parseScenario(withValueAt(BASE, target.path, next)));

          expect(error.detail?.field).toBe(fieldName(target.path));
        }
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it('rejects an unknown key at any object level, naming it', () => {
    const objects: JsonPath[] = [
      [],
      ['apps', 0],
      ['signalling'],
      ['faults', 0],
      ['faults', 0, 'match'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...objects),
        fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/),
        nastyValue,
        (at, key, value) => {
          const known = Object.keys(
            at.reduce<Record<string | number, unknown>>(
              (node, step) => node[step] as Record<string | number, unknown>,
              BASE,
            ),
          );
          fc.pre(!known.includes(key) && !['match', 'ms', 'bytes', 'status'].includes(key));
          const error = rejected(parseScenario(withValueAt(BASE, [...at, key], value)));

          expect(error.message).toContain(`\`${fieldName([...at, key])}\``);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('rejects a duplicated app key', () => {
    const apps = BASE.apps as { appKey: string }[];
    const twin = { ...apps[0], appKey: apps[1]?.appKey ?? '' };
    const error = rejected(parseScenario({ ...BASE, apps: [...apps, twin] }));

    expect(error.message).toContain(apps[1]?.appKey);
  });
});
