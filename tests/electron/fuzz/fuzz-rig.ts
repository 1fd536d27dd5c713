import fc from 'fast-check';
import { expect } from 'vitest';

import {
  ERROR_CODES,
  ProfileSchema,
  type ErrorInfo,
  type Profile,
  type Result,
} from '../../../electron/contract';

/** Runs per property; the seed is printed by fast-check on failure so a case can be replayed. */
export const RUNS = Number(process.env.DIAG_FUZZ_RUNS ?? 300);

/** A JSON-ish value, including the values that break careless code. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    '',
    ' ',
    -1,
    0,
    1.5,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -0,
    true,
    [],
    {},
    '\u0000',
    '\u202e',
    'x'.repeat(10_000),
    '[REDACTED:secret]',
    '__proto__',
  ),
);

/** A path into a JSON value: the keys (or indexes) from the root. */
export type JsonPath = (string | number)[];

/** Every path in `value` that leads to a property or an array item. */
export function pathsOf(value: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push([...prefix, index]);
      pathsOf(item, [...prefix, index], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      pathsOf(item, [...prefix, key], out);
    }
  }

  return out;
}

/** A deep copy of `value` with the item at `path` replaced, or deleted when `next` is undefined. */
export function withValueAt(value: unknown, path: JsonPath, next: unknown): unknown {
  const copy = structuredClone(value);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) return next;
  if (next === undefined) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else Reflect.deleteProperty(parent, last);
  } else {
    parent[last] = next;
  }

  return copy;
}

/** One structural mutation of a JSON value: delete, replace or add an unknown key. */
export interface Mutation {
  path: JsonPath;
  next: unknown;
}

/** Mutations of `base`: a random path, then undefined (delete) or a nasty value. */
export function mutationOf(base: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(base);

  return fc.record({
    path: fc.constantFrom(...paths),
    next: fc.oneof(fc.constant(undefined), nastyValue),
  });
}

/** Text damage: cut, a byte inserted, or a character flipped. */
export function textDamageOf(base: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat(base.length).map((at) => base.slice(0, at)),
    fc
      .tuple(fc.nat(base.length), fc.constantFrom('{', '}', ']', '"', ',', '\\', '\u0000', 'e999'))
      .map(([at, piece]) => base.slice(0, at) + piece + base.slice(at)),
    fc.nat(Math.max(0, base.length - 1)).map((at) => base.slice(0, at) + 'Z' + base.slice(at + 1)),
  );
}

/** Checks that a failed `Result` is well formed: a known code and a one-line message. */
export function expectCleanError(error: ErrorInfo, codes?: readonly string[]): void {
  expect(ERROR_CODES).toContain(error.code);
  if (codes !== undefined) expect(codes).toContain(error.code);
  expect(error.message.length).toBeGreaterThan(5);
  expect(error.message).not.toMatch(/\n\s+at /);
}

/** Narrows a result to its error, failing the test when it was accepted. */
export function rejected<T>(result: Result<T>): ErrorInfo {
  if (result.ok) throw new Error('Expected the input to be rejected, got it accepted');

  return result.error;
}

/** A saved profile as the store would hold it. */
export function sampleProfile(overrides: Partial<Profile> = {}): Profile {
  return ProfileSchema.parse({
    id: 'p-1',
    name: 'Customer A',
    server: 'http://127.0.0.1:9',
    appKey: 'key-a',
    room: 'lobby',
    authMode: 'credentials',
    startDateTime: 'now',
    duration: 2,
    createdAt: '2026-12-03T09:00:00.000Z',
    updatedAt: '2026-12-03T09:00:00.000Z',
    ...overrides,
  });
}
