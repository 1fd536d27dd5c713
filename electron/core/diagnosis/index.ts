import type { Finding, TimelineEvent } from '../../contract';

import { apiErrorRule } from './api-error';
import { authModeRule } from './auth-mode';
import { clockSkewRule } from './clock-skew';
import { credentialsRule } from './credentials-rule';
import { interceptionRule } from './interception';
import { joinedRule } from './joined';
import { ladderRule } from './ladder';
import { lockedRoomRule } from './locked-room';
import { networkRule } from './network';
import { persistentRoomRule } from './persistent-room';
import type { Rule, RuleContext, RuleStage } from './rule';
import { RunLog } from './run-log';
import { seatLimitRule } from './seat-limit';
import { wrongAuthServerRule } from './wrong-auth-server';

export { lintCredentials } from './credential-lint';
export type {
  LintField,
  LintInput,
  LintProblem,
  LintResult,
  LintStep,
  StepComparison,
} from './credential-lint-types';
export { measureSkew, SKEW_TOLERANCE_MS, type SkewMeasurement } from './clock-skew';
export {
  originVariants,
  runOriginMatrix,
  type OriginMatrixConclusion,
  type OriginMatrixResult,
  type OriginMatrixRow,
  type OriginVariant,
} from './origin-matrix';

/** Every rule, in the order their findings are listed when they rank the same. */
export const RULES: readonly Rule[] = [
  credentialsRule,
  clockSkewRule,
  authModeRule,
  wrongAuthServerRule,
  persistentRoomRule,
  seatLimitRule,
  lockedRoomRule,
  interceptionRule,
  networkRule,
  ladderRule,
  apiErrorRule,
  joinedRule,
];

/** What the diagnosis may know besides the run log. */
export interface DiagnosisContext {
  /** The app secret, for the credential lint's recomputation; it never enters a finding. */
  secret?: string | null;
  /** The credentials string as sent, in plain, when the caller has it; never in a finding. */
  credentials?: string | null;
  /** The local "now", for logs that carry no server `Date`. */
  localNowMs?: number;
  /**
   * Whether the key accepts the run's origin in CORS mode, as an origin matrix run found
   * (`result.customer.accepted`); lets the auth-mode rule say the credentials are the problem.
   */
  corsAccepted?: boolean | null;
}

const SEVERITY_RANK = { error: 0, warn: 1, info: 2, debug: 3 } as const;
const CONFIDENCE_RANK = { high: 0, medium: 1, low: 2 } as const;

function runRules(
  events: readonly TimelineEvent[],
  context: DiagnosisContext,
  stage: RuleStage,
): Finding[] {
  const log = new RunLog(events);
  const ruleContext: RuleContext = {
    secret: context.secret ?? null,
    credentials: context.credentials ?? null,
    localNowMs: context.localNowMs ?? null,
    corsAccepted: context.corsAccepted ?? null,
  };
  const findings = RULES.filter((rule) => stage === 'final' || rule.stage === 'api').flatMap(
    (rule) => rule.run(log, ruleContext),
  );

  // Ranked: errors before warnings before information, then by confidence; stable otherwise.
  return findings
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.item.severity] - SEVERITY_RANK[b.item.severity] ||
        CONFIDENCE_RANK[a.item.confidence] - CONFIDENCE_RANK[b.item.confidence] ||
        a.index - b.index,
    )
    .map(({ item }) => item);
}

/**
 * Diagnoses a run log: a pure function of its events (findings already in the log are
 * ignored), returning ranked findings, each citing the `seq` of the events it rests on.
 */
export function diagnose(
  events: readonly TimelineEvent[],
  context: DiagnosisContext = {},
): Finding[] {
  return runRules(events, context, 'final');
}

/**
 * The engine's diagnosis hook. At stage `api` (after the API answer, before the join) it
 * returns the pre-join findings only: clock skew, a credentials window that has not started
 * or has ended, and the credential lint. At stage `final` it returns the full diagnosis; the
 * engine keeps only the findings whose id it has not emitted yet.
 */
export function engineDiagnose(
  secret: string | null,
  credentials: string | null = null,
): (events: readonly TimelineEvent[], stage: 'api' | 'final') => Finding[] {
  return (events, stage) => runRules(events, { secret, credentials }, stage);
}
