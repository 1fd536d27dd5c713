import type { PhaseStats, RepeatSummary } from '../../contract';

import { REPEAT_PHASES } from './repeat-aggregator';

/** Width of the histogram's bars, in characters. */
const HISTOGRAM_BAR_WIDTH = 40;

/**
 * A repeat summary as plain-text table lines (ASCII only, at most 80 columns): the batch, the
 * success rate, outcomes by key, per-phase percentiles and a histogram of total times. The CLI
 * prints them to stdout; they also suit a Markdown code block.
 */
export function formatRepeatSummary(summary: RepeatSummary): string[] {
  const settled = summary.done - summary.byOutcome.cancelled;
  const lines = [headline(summary)];
  lines.push(
    `Success rate ${percent(summary.successRate)}  (${summary.byOutcome.joined} ` +
      `of ${settled} joined` +
      (summary.byOutcome.cancelled > 0 ? `, ${summary.byOutcome.cancelled} cancelled)` : ')'),
  );

  lines.push('', 'Outcomes');
  const outcomes = Object.entries(summary.outcomes);
  if (outcomes.length === 0) lines.push('  (none yet)');
  const keyWidth = Math.max(12, ...outcomes.map(([key]) => key.length));
  for (const [key, count] of outcomes) {
    const share = summary.done === 0 ? 0 : count / summary.done;
    lines.push(
      `  ${key.padEnd(keyWidth)} ${String(count).padStart(7)} ${percent(share).padStart(8)}`,
    );
  }

  lines.push(
    '',
    `  ${'phase'.padEnd(8)}${['runs', 'p50', 'p95', 'p99', 'max'].map(cell).join('')}  (ms)`,
  );
  for (const phase of REPEAT_PHASES) lines.push(phaseRow(phase, summary.phases[phase]));

  lines.push('', 'Total time per run (ms)');
  lines.push(...histogramLines(summary.histogram));

  if (summary.keptRunIds.length > 0) {
    lines.push(
      '',
      `Kept ${summary.keptRunIds.length} runs in full (${summary.failedRunIds.length} failed)`,
    );
  }

  return lines;
}

/**
 * A progress bar for a terminal: `[#########-----------]  450/1000  45%`. `width` is the bar's
 * inner width in characters; out-of-range counts are clamped rather than refused, since a
 * progress line must never break the run it reports.
 */
export function progressBar(done: number, total: number, width: number): string {
  const inner = Number.isFinite(width) ? Math.max(1, Math.floor(width)) : 20;
  const safeTotal = Number.isFinite(total) ? Math.max(0, Math.floor(total)) : 0;
  const safeDone = Number.isFinite(done) ? Math.min(safeTotal, Math.max(0, Math.floor(done))) : 0;
  const ratio = safeTotal === 0 ? 1 : safeDone / safeTotal;
  const filled = Math.round(ratio * inner);
  const counter = `${String(safeDone).padStart(String(safeTotal).length)}/${safeTotal}`;

  const bar = `${'#'.repeat(filled)}${'-'.repeat(inner - filled)}`;
  return `[${bar}] ${counter} ${Math.floor(ratio * 100)}%`;
}

function headline(summary: RepeatSummary): string {
  const rate =
    summary.handshakesPerSecond === null ? '' : `, ${summary.handshakesPerSecond.toFixed(1)}/s`;
  const elapsed =
    summary.finishedAt === null
      ? 'running'
      : `${((Date.parse(summary.finishedAt) - Date.parse(summary.startedAt)) / 1000).toFixed(2)} s`;

  return (
    `Repeat ${summary.repeatId} (${summary.profileName}): ${summary.done} of ${summary.total} ` +
    `runs, ${elapsed}${rate}`
  );
}

function phaseRow(phase: string, stats: PhaseStats): string {
  const values = [stats.p50, stats.p95, stats.p99, stats.max].map((value) =>
    cell(value === null ? '-' : formatMs(value)),
  );

  return `  ${phase.padEnd(8)}${cell(String(stats.count))}${values.join('')}`;
}

function histogramLines(histogram: RepeatSummary['histogram']): string[] {
  if (histogram.length === 0) return ['  (no finished runs)'];

  const most = Math.max(...histogram.map((bucket) => bucket.count));
  const boundWidth = Math.max(...histogram.map((bucket) => String(bucket.upperMs).length));

  return histogram.map((bucket) => {
    // A bucket with any runs shows at least one mark, so rare slow runs stay visible.
    const length =
      bucket.count === 0 ? 0 : Math.max(1, Math.round((bucket.count / most) * HISTOGRAM_BAR_WIDTH));
    const bar = '#'.repeat(length).padEnd(HISTOGRAM_BAR_WIDTH);

    return `  <= ${String(bucket.upperMs).padStart(boundWidth)} |${bar} ${bucket.count}`;
  });
}

function cell(text: string): string {
  return text.padStart(9);
}

function formatMs(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);

  return String(Math.round(value));
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}
