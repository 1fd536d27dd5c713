import { INVOKE_ARG_SCHEMAS, type RepeatOptions } from '../contract';

/** A repeat option the form edits. */
export type RepeatField = keyof RepeatOptions;

/** Inclusive bounds of one option. */
export interface Bounds {
  min: number;
  max: number;
}

// Read from the request schema itself, so the form and the backend cannot drift apart.
const shape = INVOKE_ARG_SCHEMAS['repeat:start'].def.items[1].shape;

function boundsOf(schema: { minValue: number | null; maxValue: number | null }): Bounds {
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** The bounds `repeat:start` accepts, per option. */
export const REPEAT_BOUNDS: Record<RepeatField, Bounds> = {
  count: boundsOf(shape.count),
  concurrency: boundsOf(shape.concurrency),
  intervalMs: boundsOf(shape.intervalMs),
};

const LABELS: Record<RepeatField, string> = {
  count: 'Count',
  concurrency: 'Concurrency',
  intervalMs: 'Interval (ms)',
};

/** The label a field shows and names in its error. */
export function labelOf(field: RepeatField): string {
  return LABELS[field];
}

/**
 * Checks what an input holds: a whole number inside the field's bounds. Returns the number,
 * or a message naming the field, what was expected and what came.
 */
export function checkRepeatField(
  field: RepeatField,
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const { min, max } = REPEAT_BOUNDS[field];
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed !== '' && Number.isInteger(value) && value >= min && value <= max) {
    return { ok: true, value };
  }
  const got = trimmed === '' ? 'nothing' : `“${trimmed}”`;

  return {
    ok: false,
    message:
      `${LABELS[field]} must be a whole number ` +
      `from ${format(min)} to ${format(max)}, got ${got}`,
  };
}

function format(value: number): string {
  return value.toLocaleString('en-US');
}
