import {
  NetworkOptionsSchema,
  type AuthMode,
  type Finding,
  type RunLog,
  type TimelineEvent,
} from '../../../../electron/contract';
import { DEMO_APP_KEYS, DEMO_ORIGIN, DEMO_ROOMS } from '../../../../electron/core/demo-apps';
import { diagnose, engineDiagnose } from '../../../../electron/core/diagnosis';
import { resolvePlan } from '../../../../electron/core/plan-resolver';
import { Redactor } from '../../../../electron/core/redactor';
import { runHandshake } from '../../../../electron/core/run-engine';
import type { RunPlan } from '../../../../electron/core/run-plan';
import type { Sandbox } from '../../../../electron/sandbox';

/** One real handshake against a running sandbox, with what it knew in plain text. */
export interface LiveRun {
  log: RunLog;
  /** The diagnosis of the finished run, computed with the secret, as the host does. */
  findings: Finding[];
  plan: RunPlan;
  redactor: Redactor;
}

/**
 * Runs the real engine against the sandbox in CORS or credentials mode, with the diagnosis
 * hooked in, and keeps the log. A wrong `secret` for the credentials app gives a 4005 run.
 */
export async function liveRun(
  sandbox: Sandbox,
  authMode: AuthMode,
  secret: string | null,
): Promise<LiveRun> {
  const resolved = resolvePlan(
    {
      profileId: 'p-live',
      profileName: `Live ${authMode}`,
      server: sandbox.url,
      embeddedSandbox: true,
      appKey: authMode === 'cors' ? DEMO_APP_KEYS.cors : DEMO_APP_KEYS.credentials,
      room: DEMO_ROOMS.lobby,
      authMode,
      origin: DEMO_ORIGIN,
      startDateTime: authMode === 'credentials' ? 'now' : null,
      duration: authMode === 'credentials' ? 2 : null,
      secret,
      givenCredentials: null,
      sdk: '0.6',
      network: NetworkOptionsSchema.parse({ deadlineMs: 15_000 }),
    },
    Date.now(),
  );
  if (!resolved.ok) throw new Error(resolved.error.message);
  const plan = resolved.value;
  const redactor = new Redactor();
  const events: TimelineEvent[] = [];
  const startedAt = new Date().toISOString();
  const result = await runHandshake(plan, {
    redactor,
    sink: (event) => events.push(event),
    stopAfter: 'join',
    diagnose: engineDiagnose(secret, plan.credentials),
  });
  const findings = diagnose(events, { secret, credentials: plan.credentials });

  return {
    plan,
    findings,
    redactor,
    log: {
      summary: {
        runId: `live-${authMode}`,
        profileId: plan.profileId,
        profileName: plan.profileName,
        source: 'live',
        startedAt,
        finishedAt: new Date().toISOString(),
        state: result.outcome === 'joined' ? 'done' : 'failed',
        outcome: result.outcome,
        headline: result.outcome,
        durationMs: result.durationMs,
        eventCount: events.length,
        sdk: plan.sdk,
        authMode,
        repeatId: null,
      },
      events,
    },
  };
}
