import { decimalsFor } from './bench-table';

/** One line of the bench table. */
export interface BenchRow {
  /** Which of the five comparisons it belongs to. */
  section: string;
  metric: string;
  /** The median over rounds, or `null` when it could not be measured. */
  value: number | null;
  unit: string;
  /** What the figure should be, such as `<= 1.15`; empty when there is none. */
  target: string;
  /** `met`, `MISSED`, `-` (no target) or `not measured`. */
  verdict: 'met' | 'MISSED' | '-' | 'not measured';
  /** Rounds, spread, or why the figure is missing. */
  note: string;
}

/** Builds a row, judging the value against an upper or lower bound. */
export function row(options: {
  section: string;
  metric: string;
  value: number | null;
  unit: string;
  note?: string;
  atMost?: number;
  atLeast?: number;
  lessThan?: number;
}): BenchRow {
  const { value, atMost, atLeast, lessThan } = options;
  const target =
    atMost !== undefined
      ? `<= ${atMost}`
      : atLeast !== undefined
        ? `>= ${atLeast}`
        : lessThan !== undefined
          ? `< ${lessThan}`
          : '';
  let verdict: BenchRow['verdict'] = '-';
  // Judged as printed, so a row never reads "16.8 ms, target <= 16.8 ms, MISSED".
  const shown =
    value === null || !Number.isFinite(value)
      ? null
      : Number(value.toFixed(decimalsFor(value, options.unit)));
  if (shown === null) verdict = 'not measured';
  else if (atMost !== undefined) verdict = shown <= atMost ? 'met' : 'MISSED';
  else if (atLeast !== undefined) verdict = shown >= atLeast ? 'met' : 'MISSED';
  else if (lessThan !== undefined) verdict = shown < lessThan ? 'met' : 'MISSED';

  return {
    section: options.section,
    metric: options.metric,
    value: value !== null && Number.isFinite(value) ? value : null,
    unit: options.unit,
    target,
    verdict,
    note: options.note ?? '',
  };
}
