import type { lookup as dnsLookup } from 'node:dns';

import {
  NetworkOptionsSchema,
  type Finding,
  type TimelineEvent,
} from '../../../../electron/contract';
import type { Clock } from '../../../../electron/core/clock';
import { DEMO_APP_KEYS, DEMO_ORIGIN, DEMO_ROOMS } from '../../../../electron/core/demo-apps';
import { engineDiagnose } from '../../../../electron/core/diagnosis';
import { resolvePlan, type PlanInput } from '../../../../electron/core/plan-resolver';
import { Redactor } from '../../../../electron/core/redactor';
import { runHandshake } from '../../../../electron/core/run-engine';
import type { RunPlan } from '../../../../electron/core/run-plan';
import { createSandbox, defaultScenarioJson, type Sandbox } from '../../../../electron/sandbox';

/** A run against a real sandbox on 127.0.0.1: its events and the engine's findings. */
export interface ScenarioRun {
  events: TimelineEvent[];
  /** Findings the engine placed in the timeline through `engineDiagnose`. */
  placed: Finding[];
  plan: RunPlan;
}

/** A sandbox with the default scenario, changed by `patch`. */
export function startSandbox(patch: Record<string, unknown> = {}): Promise<Sandbox> {
  return createSandbox({ ...defaultScenarioJson(), ...patch });
}

/** The plan of a run against `sandbox`, CORS demo key by default. */
export function planFor(sandbox: { url: string }, input: Partial<PlanInput> = {}): RunPlan {
  const resolved = resolvePlan(
    {
      profileId: null,
      profileName: 'test',
      server: sandbox.url,
      embeddedSandbox: true,
      appKey: DEMO_APP_KEYS.cors,
      room: DEMO_ROOMS.lobby,
      authMode: 'cors',
      origin: DEMO_ORIGIN,
      startDateTime: null,
      duration: null,
      secret: null,
      givenCredentials: null,
      sdk: '0.6',
      network: NetworkOptionsSchema.parse({ socketTimeoutMs: 1000, joinTimeoutMs: 3000 }),
      ...input,
    },
    Date.now(),
  );
  if (!resolved.ok) throw new Error(resolved.error.message);

  return resolved.value;
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
