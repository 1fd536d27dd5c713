import { describe, expect, it } from 'vitest';

import { parseBundle, renderExport } from '../../../../electron/core/export';

import { exportAgainInEveryFormat } from './export-again';
import { sampleRun } from './sample-run';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;

    return state / 2 ** 32;
  };
}

const NASTY_VALUES: unknown[] = [
  null,
  '',
  'x'.repeat(2_000_000),
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  true,
  [],
  {},
  [[[[[]]]]],
  { __proto__: null, constructor: { prototype: { polluted: true } } },
  '[REDACTED:credentials#zzzz]',
];

type Json = Record<string, unknown> | unknown[];

function containers(root: unknown, out: Json[] = []): Json[] {
  if (root !== null && typeof root === 'object') {
    out.push(root as Json);
    for (const child of Object.values(root)) containers(child, out);
  }

  return out;
}

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function mutate(base: string, next: () => number): string {
  const kind = Math.floor(next() * 7);
  if (kind === 0) return base.slice(0, Math.floor(next() * base.length));
  if (kind === 1) {
    const at = Math.floor(next() * base.length);

    return (
      base.slice(0, at) + pick(next, ['{', ']', '"', ',', '\\', '\u0000', 'e999']) + base.slice(at)
    );
  }

  const data = JSON.parse(base) as unknown;
  const target = pick(next, containers(data));
  const keys = Object.keys(target);
  const key = keys.length === 0 ? '0' : pick(next, keys);
  switch (kind) {
    case 2:
      (target as Record<string, unknown>)[key] = pick(next, NASTY_VALUES);
      break;
    case 3:
      Reflect.deleteProperty(target, key);
      break;
    case 4: {
      let deep: unknown = 1;
      for (let level = 0; level < 20 + Math.floor(next() * 200); level += 1) deep = { d: deep };
      (target as Record<string, unknown>)[key] = deep;
      break;
    }
    case 5: {
      const text = JSON.stringify(data);
      const brace = text.indexOf('{', Math.floor(next() * text.length));

      return brace < 0
        ? `{"__proto__": {"polluted": true}, ${text.slice(1)}`
        : `${text.slice(0, brace + 1)}"${pick(next, POLLUTING_KEYS)}": ` +
            `{"polluted": 1}, ${text.slice(brace + 1)}`;
    }
    default:
      (target as Record<string, unknown>)[key] = pick(next, ['1e400', '-1e400', 'NaN']);
      return JSON.stringify(data).replace(/"(1e400|-1e400|NaN)"/, '$1');
  }

  return JSON.stringify(data);
}

describe('parseBundle() with broken input', () => {
  it('never throws and always explains a rejection, over 400 generated inputs', () => {
    const run = sampleRun();
    const base = renderExport(
      { ...run, app: { name: 'Skylink Diagnostics', version: '0.1.0' } },
      { format: 'json', redaction: 'hash' },
    ).text;
    const next = random(20261203);
    let rejected = 0;
    let accepted = 0;
    for (let index = 0; index < 400; index += 1) {
      const text = mutate(base, next);
      const result = parseBundle(text);
      if (result.ok) {
        accepted += 1;
        // Whatever is accepted must be safe to show and export again.
        expect(() => {
          exportAgainInEveryFormat(result.value);
        }).not.toThrow();
      } else {
        rejected += 1;
        expect(result.error.code).toMatch(/^import\./);
        expect(result.error.message.length).toBeGreaterThan(10);
        expect(result.error.message).not.toMatch(/\n\s+at /);
      }
    }

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(rejected).toBeGreaterThan(200);
    expect(accepted + rejected).toBe(400);
  });

  it('rejects values of every JSON type at the top level', () => {
    for (const text of ['null', '0', '"bundle"', 'true', '[]', '{}']) {
      const result = parseBundle(text);

      expect(result.ok, text).toBe(false);
    }
  });
});
