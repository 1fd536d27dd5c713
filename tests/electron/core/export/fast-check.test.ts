import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { parseBundle, renderExport } from '../../../../electron/core/export';
import { TimelineEventSchema } from '../../../../electron/core/export/event-schemas';
import { compileFastCheck } from '../../../../electron/core/export/fast-check';
import { formatPath } from '../../../../electron/core/export/json-guard';
import { BundleSchema } from '../../../../electron/core/export/parse-bundle';

import { sampleRun } from './sample-run';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;

    return state / 2 ** 32;
  };
}

const ODD_VALUES: unknown[] = [
  null,
  '',
  'x'.repeat(10_001),
  -1,
  0,
  1.5,
  2 ** 53,
  1e13,
  true,
  [],
  {},
  'websocket',
  'sent',
  4,
  'api',
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function containers(root: unknown, out: Record<string, unknown>[] = []): object[] {
  if (root !== null && typeof root === 'object') {
    out.push(root as Record<string, unknown>);
    for (const child of Object.values(root)) containers(child, out);
  }

  return out;
}

/** One structural change somewhere in a copy of `value`: a field set, removed or added. */
function mutate<T>(value: T, next: () => number): T {
  const copy = structuredClone(value);
  const target = pick(next, containers(copy)) as Record<string, unknown>;
  const keys = Object.keys(target);
  const key = keys.length === 0 ? '0' : pick(next, keys);
  const kind = Math.floor(next() * 4);
  if (kind === 0) Reflect.deleteProperty(target, key);
  else if (kind === 1) target[`extra${Math.floor(next() * 3)}`] = pick(next, ODD_VALUES);
  else target[key] = pick(next, ODD_VALUES);

  // Through JSON, as an imported file is: a removed array item becomes `null`, not a hole.
  return JSON.parse(JSON.stringify(copy)) as T;
}

const isEvent = compileFastCheck(TimelineEventSchema);

describe('compileFastCheck()', () => {
  it('passes every event of the sample run, each one as zod gives it back', () => {
    for (const event of sampleRun().log.events) {
      expect(isEvent(event), event.type).toBe(true);
      expect(TimelineEventSchema.parse(event)).toEqual(event);
    }
  });

  it('never passes an event zod would reject or reshape, over 3,000 changed events', () => {
    const events = sampleRun().log.events;
    const next = random(7);
    let passed = 0;
    let refused = 0;
    for (let index = 0; index < 3000; index += 1) {
      const event = mutate(pick(next, events), next);
      const zod = TimelineEventSchema.safeParse(event);
      if (isEvent(event)) {
        passed += 1;
        expect(zod.success, JSON.stringify(event).slice(0, 300)).toBe(true);
        expect(zod.data).toEqual(event);
      } else {
        refused += 1;
      }
    }

    // Both answers occur, so the property is exercised in both directions.
    expect(passed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  });

  it('leaves to zod a field it would drop, and schemas that transform', () => {
    const [event] = sampleRun().log.events;

    expect(isEvent({ ...event, addedByANewerBuild: 1 })).toBe(false);
    expect(compileFastCheck(z.string().trim())('x')).toBe(false);
    expect(compileFastCheck(z.string().transform((text) => text.length))('x')).toBe(false);
    expect(compileFastCheck(z.number().multipleOf(2))(4)).toBe(false);
    expect(compileFastCheck(z.xor([z.string(), z.string().max(3)]))('ab')).toBe(false);
  });

  it('checks bounds, formats and literals as zod does', () => {
    const count = compileFastCheck(z.number().int().min(0).max(10));
    const name = compileFastCheck(
      z
        .string()
        .min(1)
        .max(3)
        .regex(/^[a-z]+$/),
    );

    expect([0, 10, 5].map(count)).toEqual([true, true, true]);
    expect([-1, 11, 1.5, Infinity, Number.NaN, '1'].map(count)).toEqual(Array(6).fill(false));
    expect(['a', 'abc'].map(name)).toEqual([true, true]);
    expect(['', 'abcd', 'A', 1].map(name)).toEqual([false, false, false, false]);
    expect(compileFastCheck(z.object({ note: z.string().optional() }))({})).toBe(true);
    expect(compileFastCheck(z.object({ note: z.unknown() }))({})).toBe(false);
    expect(compileFastCheck(z.object({ note: z.string().default('x') }))({})).toBe(false);
    expect(compileFastCheck(z.object({ constructor: z.string().optional() }))({})).toBe(false);
  });
});

describe('parseBundle() against zod on the whole bundle', () => {
  it('names the same first field as zod, over 300 changed bundles', () => {
    const run = sampleRun();
    const base = JSON.parse(
      renderExport(
        { ...run, app: { name: 'Skylink Diagnostics', version: '0.1.0' } },
        { format: 'json', redaction: 'hash' },
      ).text,
    ) as Record<string, unknown>;
    const next = random(20261203);
    let compared = 0;
    for (let index = 0; index < 300; index += 1) {
      const data = mutate(base, next);
      if (data.schema !== base.schema || data.version !== base.version) continue;
      const result = parseBundle(JSON.stringify(data));
      const zod = BundleSchema.safeParse(data);
      compared += 1;
      if (zod.success) {
        // Accepted by zod: the same bundle, unless the seq order check refuses it.
        if (result.ok) expect(result.value.bundle).toEqual(zod.data);
        else expect(result.error.message).toMatch(/seq/);
      } else {
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.error.detail?.field).toBe(formatPath(zod.error.issues[0]?.path ?? []));
      }
    }

    expect(compared).toBeGreaterThan(250);
  });
});
