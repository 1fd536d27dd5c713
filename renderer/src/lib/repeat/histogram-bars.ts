import type { RepeatSummary } from '../contract';

/** One bar of the latency histogram, in the chart's own units (0…1 of the plot height). */
export interface HistogramBar {
  /** Lower bound, exclusive (0 for the first bucket). */
  fromMs: number;
  upperMs: number;
  count: number;
  /** Share of the tallest bucket, 0…1. */
  height: number;
  /** Share of all counted runs, 0…1. */
  share: number;
  label: string;
}

/** Bars for the summary's histogram; each bucket holds totals in (previous bound, upperMs]. */
export function histogramBars(histogram: RepeatSummary['histogram']): HistogramBar[] {
  const tallest = Math.max(0, ...histogram.map((bucket) => bucket.count));
  const total = histogram.reduce((sum, bucket) => sum + bucket.count, 0);

  return histogram.map((bucket, index) => {
    const fromMs = index === 0 ? 0 : (histogram[index - 1]?.upperMs ?? 0);
    const upper = msText(bucket.upperMs);
    const range = index === 0 ? `≤ ${upper}` : `${msText(fromMs)}–${upper}`;
    const runs = bucket.count === 1 ? 'run' : 'runs';

    return {
      fromMs,
      upperMs: bucket.upperMs,
      count: bucket.count,
      height: tallest === 0 ? 0 : bucket.count / tallest,
      share: total === 0 ? 0 : bucket.count / total,
      label: `${range}: ${bucket.count} ${runs}`,
    };
  });
}

/** A duration for an axis or a cell: `850 ms`, `2 s`, `1.5 s`. */
export function msText(ms: number | null): string {
  if (ms === null) return '–';
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(ms >= 10_000 ? 0 : 1))} s`;

  return `${Number(ms.toFixed(ms >= 10 ? 0 : 1))} ms`;
}
