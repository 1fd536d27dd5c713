import type { lookup as dnsLookup } from 'node:dns';

import type { Finding, TimelineEvent } from '../../../../electron/contract';
import type { Clock } from '../../../../electron/core/clock';
import { engineDiagnose } from '../../../../electron/core/diagnosis';
import type { PlanInput } from '../../../../electron/core/plan-resolver';
import { Redactor } from '../../../../electron/core/redactor';
import { runHandshake } from '../../../../electron/core/run-engine';
import type { RunPlan } from '../../../../electron/core/run-plan';
import { network, plan as enginePlan } from '../engine/harness';

/** A run against a real sandbox on 127.0.0.1: its events and the engine's findings. */
export interface ScenarioRun {
  events: TimelineEvent[];
  /** Findings the engine placed in the timeline through `engineDiagnose`. */
  placed: Finding[];
  plan: RunPlan;
}

// A sandbox with the default scenario, changed by a patch: the engine tests' own.
export { startSandbox } from '../engine/harness';

/** The plan of a run against `sandbox`, CORS demo key by default. */
export function planFor(sandbox: { url: string }, input: Partial<PlanInput> = {}): RunPlan {
  return enginePlan(sandbox.url, {
    network: network({ socketTimeoutMs: 1000, joinTimeoutMs: 3000 }),
    ...input,
  });
}

/** Runs the real engine with the diagnosis hook, as the app does. */
export async function runScenario(
  sandbox: { url: string },
  input: Partial<PlanInput> = {},
  options: { clock?: Clock; stopAfter?: 'api' | 'join'; lookup?: typeof dnsLookup } = {},
): Promise<ScenarioRun> {
  const plan = planFor(sandbox, input);
  const events: TimelineEvent[] = [];
  await runHandshake(plan, {
    sink: (event) => events.push(event),
    redactor: new Redactor(),
    diagnose: engineDiagnose(plan.secret),
    stopAfter: options.stopAfter ?? 'join',
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
  });
  const placed = events.flatMap((event) => (event.type === 'diagnosis' ? [event.finding] : []));

  return { events, placed, plan };
}

/** The `seq` of the events of a type (optionally matching a predicate). */
export function seqsOf(
  events: readonly TimelineEvent[],
  type: TimelineEvent['type'],
  where: (event: any) => boolean = () => true,
): number[] {
  return events.filter((event) => event.type === type && where(event)).map((event) => event.seq);
}
