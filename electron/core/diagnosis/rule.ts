import type { Confidence, Finding, Severity } from '../../contract';

import type { RunLog } from './run-log';

/** What a rule may know besides the run log. */
export interface RuleContext {
  /** The app secret, for the credential lint's recomputation; never copied into a finding. */
  secret: string | null;
  /** The credentials string as sent, when the caller has it in plain (never in a finding). */
  credentials: string | null;
  /** The local wall clock "now", for logs that carry no server time. */
  localNowMs: number | null;
  /** Whether the key accepts the run's origin in CORS mode (from the origin matrix), if known. */
  corsAccepted: boolean | null;
}

/** When a rule can run: `api` rules need only the API step, `final` ones the whole run. */
export type RuleStage = 'api' | 'final';

/** One diagnosis rule: a pure function from a run log to findings. */
export interface Rule {
  id: string;
  stage: RuleStage;
  run(log: RunLog, context: RuleContext): Finding[];
}

/** Builds a finding, leaving out the optional fields that are not given. */
export function finding(input: {
  id: string;
  verdict: string;
  confidence: Confidence;
  severity: Severity;
  evidence: number[];
  nextStep: string;
  catalogKey?: string | null;
  detail?: Record<string, unknown>;
}): Finding {
  const out: Finding = {
    id: input.id,
    verdict: input.verdict,
    confidence: input.confidence,
    severity: input.severity,
    evidence: [...new Set(input.evidence)].sort((a, b) => a - b),
    nextStep: input.nextStep,
  };
  if (input.catalogKey !== undefined && input.catalogKey !== null)
    out.catalogKey = input.catalogKey;
  if (input.detail !== undefined) out.detail = input.detail;

  return out;
}

/** Renders a duration in ms as `10 min 0 s`, `2 h 5 min` or `3.2 s`, for verdicts. */
export function humanDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${(abs / 1000).toFixed(1)} s`;
  if (abs < 3_600_000) {
    const seconds = Math.round(abs / 1000);

    return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  }
  const minutes = Math.round(abs / 60_000);

  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
