import type { RepeatOptions, RepeatSummary, TimelineEvent } from '../contract';
import { engineDiagnose } from '../core/diagnosis';
import { formatRepeatSummary, progressBar } from '../core/repeat/format-repeat-summary';
import { runRepeat } from '../core/repeat/run-repeat';
import type { RunPlan } from '../core/run-plan';

import { EXIT } from './command';
import { paint, printJsonLine, printLine, type CliIo } from './output';
import { headline } from './timeline-printer';

/** How many kept failures the summary describes, one line each. */
const FAILURES_SHOWN = 5;

/**
 * Runs `--repeat N` handshakes: a progress bar on stderr when it is a terminal, then the
 * summary (or one JSON line with it). Exit 0 when every run joined, 1 otherwise.
 */
export async function runRepeatFromCli(input: {
  makePlan: () => RunPlan;
  options: RepeatOptions;
  io: CliIo;
  json: boolean;
}): Promise<number> {
  const { io, json } = input;
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => {
    controller.abort();
  });
  const showProgress = io.isStderrTTY && !json;
  const plan = input.makePlan();
  try {
    const { summary, kept } = await runRepeat({
      makePlan: input.makePlan,
      options: input.options,
      signal: controller.signal,
      engineOptions: { diagnose: engineDiagnose(plan.secret) },
      onProgress: (progress) => {
        if (showProgress) io.stderr.write(`\r${progressBar(progress.done, progress.total, 30)}`);
      },
    });
    if (showProgress) io.stderr.write('\n');

    if (json) printJsonLine(io, { type: 'repeat.summary', ...summary });
    else printSummary(io, summary, kept);

    return summary.byOutcome.joined === summary.total ? EXIT.OK : EXIT.FAILED;
  } finally {
    stopListening();
  }
}

function printSummary(io: CliIo, summary: RepeatSummary, kept: Map<string, TimelineEvent[]>): void {
  for (const line of formatRepeatSummary(summary)) printLine(io, line);

  const failed = summary.failedRunIds.slice(0, FAILURES_SHOWN);
  if (failed.length === 0) return;

  printLine(io, '');
  printLine(io, paint(io, 'bold', 'Failed runs kept in full:'));
  for (const runId of failed) {
    const result = kept.get(runId)?.findLast((event) => event.type === 'result');
    const text = result?.type === 'result' ? headline(result) : 'no result';
    printLine(io, `  ${runId}  ${paint(io, 'red', text)}`);
  }
}
