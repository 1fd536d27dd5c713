import type {
  Finding,
  ResultEvent,
  RunLog,
  RunState,
  RunSummary,
  TimelineEvent,
} from '../contract';

import { outcomeKey } from './repeat/outcome-key';
import type { RunPlan } from './run-plan';

/** The final state a result puts a run in. */
export function stateOfResult(result: ResultEvent): RunState {
  if (result.outcome === 'joined') return 'done';
  if (result.outcome === 'cancelled') return 'cancelled';

  return 'failed';
}

/**
 * A short outcome for lists: `COMPLETED, joined`, `ERROR 4005 API_CREDENTIALS_NOT_MATCH`,
 * `reject expired`, `failed http.timeout`.
 */
export function headlineOf(result: ResultEvent): string {
  if (result.outcome === 'joined') return 'COMPLETED, joined';

  const key = outcomeKey(result);
  const name = result.readyStateError?.errorName;

  return result.readyStateError !== null && name != null ? `${key} ${name}` : key;
}

/**
 * The run log of a finished run, as history, exports and the CLI keep it: the summary is
 * derived from the plan and the `result` event, so every host describes a run the same way.
 */
export function runLogOf(input: {
  runId: string;
  plan: RunPlan;
  startedAt: string;
  events: TimelineEvent[];
  result: ResultEvent;
  repeatId?: string | null;
}): RunLog {
  const { plan, result } = input;
  const summary: RunSummary = {
    runId: input.runId,
    profileId: plan.profileId,
    profileName: plan.profileName,
    source: 'live',
    startedAt: input.startedAt,
    finishedAt: result.at,
    state: stateOfResult(result),
    outcome: result.outcome,
    headline: headlineOf(result),
    durationMs: result.durationMs,
    eventCount: input.events.length,
    sdk: plan.sdk,
    authMode: plan.authMode,
    repeatId: input.repeatId ?? null,
  };

  return { summary, events: input.events };
}

/** The findings the engine's diagnosis placed in a run's timeline, in order. */
export function findingsOf(events: readonly TimelineEvent[]): Finding[] {
  return events.flatMap((event) => (event.type === 'diagnosis' ? [event.finding] : []));
}
