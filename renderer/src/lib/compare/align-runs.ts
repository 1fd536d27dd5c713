import type { TimelineEvent } from '../contract';
import { describeEvent } from '../timeline/describe-event';

/** One step of a comparison: the events of each run at that step, `null` where one has none. */
export interface AlignedStep {
  a: TimelineEvent | null;
  b: TimelineEvent | null;
  /** Same type on both sides but a different outcome (title), such as HTTP 200 against 401. */
  isChanged: boolean;
}

/** Above this many events per side, alignment falls back to position, to bound memory. */
const MAX_LCS_EVENTS = 3000;

/**
 * Aligns two runs by step: the longest common subsequence of their event types, so an extra
 * retry or a missing join shows as a gap on one side instead of shifting every later row.
 */
export function alignRuns(a: readonly TimelineEvent[], b: readonly TimelineEvent[]): AlignedStep[] {
  if (a.length > MAX_LCS_EVENTS || b.length > MAX_LCS_EVENTS) {
    // Known limit: runs longer than 3000 events are compared by position, not by step.
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) =>
      step(a[i] ?? null, b[i] ?? null),
    );
  }

  const n = a.length;
  const m = b.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => table[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] =
        a[i]?.type === b[j]?.type ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }

  const steps: AlignedStep[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const left = a[i];
    const right = b[j];
    if (left !== undefined && right !== undefined && left.type === right.type) {
      steps.push(step(left, right));
      i++;
      j++;
    } else if (right === undefined || (left !== undefined && at(i + 1, j) >= at(i, j + 1))) {
      steps.push(step(left ?? null, null));
      i++;
    } else {
      steps.push(step(null, right));
      j++;
    }
  }

  return steps;
}

function step(a: TimelineEvent | null, b: TimelineEvent | null): AlignedStep {
  // Titles carry the outcome of a step (status, state name, reason) but no timings, which
  // the timings table compares instead; details would differ on every row by milliseconds.
  const isChanged = a !== null && b !== null && describeEvent(a).title !== describeEvent(b).title;

  return { a, b, isChanged };
}

/** Flattens an object into `path → printed value` pairs, for the inputs table. */
export function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    // JSON.stringify gives undefined for `undefined` itself, whatever its declared type says.
    const text = JSON.stringify(value) as string | undefined;
    out.set(prefix, text ?? 'undefined');

    return out;
  }
  for (const [key, item] of Object.entries(value)) {
    for (const [path, text] of flatten(item, prefix === '' ? key : `${prefix}.${key}`)) {
      out.set(path, text);
    }
  }

  return out;
}
