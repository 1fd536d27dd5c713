import { afterAll, beforeAll } from 'vitest';

import {
  NetworkOptionsSchema,
  type NetworkOptions,
  type TimelineEvent,
} from '../../../../electron/contract';
import { DEMO_APP_KEYS, DEMO_ORIGIN, DEMO_SECRETS } from '../../../../electron/core/demo-apps';
import { resolvePlan, type PlanInput } from '../../../../electron/core/plan-resolver';
import { Redactor } from '../../../../electron/core/redactor';
import { runHandshake, type EngineOptions } from '../../../../electron/core/run-engine';
import type { RunPlan } from '../../../../electron/core/run-plan';
import { createSandbox, defaultScenarioJson, type Sandbox } from '../../../../electron/sandbox';

/** Starts a sandbox on 127.0.0.1 port 0, optionally with changes to the default scenario. */
export function startSandbox(changes: Record<string, unknown> = {}): Promise<Sandbox> {
  return createSandbox({ ...defaultScenarioJson(), ...changes });
}

/** The sandbox a whole test file (or describe block) shares, read once it has started. */
export type SharedSandbox = Pick<Sandbox, 'url' | 'signallingPorts'>;

/**
 * Starts one sandbox before the tests of the calling file or describe block and closes it
 * after them, so each file need not write the same beforeAll/afterAll pair.
 */
export function useSharedSandbox(changes: Record<string, unknown> = {}): SharedSandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(changes);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  return {
    get url() {
      return sandbox!.url;
    },
    get signallingPorts() {
      return sandbox!.signallingPorts;
    },
  };
}

/** A fault entry for a scenario, limited to one app key. */
export function fault(name: string, appKey: string, extra: Record<string, unknown> = {}) {
  return { fault: name, match: { path: null, appKey, room: null }, ...extra };
}

/** Network options for tests: the SDK defaults with overrides. */
export function network(overrides: Partial<NetworkOptions> = {}): NetworkOptions {
  return { ...NetworkOptionsSchema.parse({}), ...overrides };
}

/** A plan against `server`: the CORS demo key by default. */
export function plan(server: string, overrides: Partial<PlanInput> = {}): RunPlan {
  const input: PlanInput = {
    profileId: null,
    profileName: 'test',
    server,
    embeddedSandbox: true,
    appKey: DEMO_APP_KEYS.cors,
    room: 'lobby',
    authMode: 'cors',
    origin: DEMO_ORIGIN,
    startDateTime: null,
    duration: null,
    secret: null,
    givenCredentials: null,
    sdk: '0.6',
    network: network(),
    ...overrides,
  };
  const resolved = resolvePlan(input, Date.now());
  if (!resolved.ok) throw new Error(resolved.error.message);

  return resolved.value;
}

/** A credentials-mode plan for the credentials demo key (secret from the demo table). */
export function credentialsPlan(server: string, overrides: Partial<PlanInput> = {}): RunPlan {
  const appKey = overrides.appKey ?? DEMO_APP_KEYS.credentials;

  return plan(server, {
    appKey,
    authMode: 'credentials',
    startDateTime: 'now',
    duration: 2,
    secret: DEMO_SECRETS[appKey] ?? null,
    ...overrides,
  });
}

/** Runs a handshake and collects every event the sink got. */
export async function run(
  runPlan: RunPlan,
  options: Partial<EngineOptions> = {},
): Promise<{
  events: TimelineEvent[];
  result: Extract<TimelineEvent, { type: 'result' }>;
  redactor: Redactor;
}> {
  const events: TimelineEvent[] = [];
  const redactor = options.redactor ?? new Redactor();
  const result = await runHandshake(runPlan, {
    ...options,
    redactor,
    sink: (event) => events.push(event),
  });

  return { events, result, redactor };
}

/** The events of one type. */
export function ofType<T extends TimelineEvent['type']>(
  events: readonly TimelineEvent[],
  type: T,
): Extract<TimelineEvent, { type: T }>[] {
  return events.filter(
    (event): event is Extract<TimelineEvent, { type: T }> => event.type === type,
  );
}

/** `state/errorCode` of each readyStateChange, for compact assertions. */
export function readyStates(events: readonly TimelineEvent[]): string[] {
  return ofType(events, 'readyStateChange').map((event) =>
    event.error === null
      ? String(event.state)
      : `${event.state}:${event.error.status}/${event.error.errorCode}`,
  );
}

/** Asserts the run's basic shape: one result, last, seq rising from 1. */
export function checkShape(events: readonly TimelineEvent[]): void {
  const results = ofType(events, 'result');
  if (results.length !== 1) throw new Error(`Expected one result, got ${results.length}`);
  if (events[events.length - 1]?.type !== 'result') throw new Error('Expected result last');
  events.forEach((event, i) => {
    if (event.seq !== i + 1) throw new Error(`Expected seq ${i + 1}, got ${event.seq}`);
  });
}
