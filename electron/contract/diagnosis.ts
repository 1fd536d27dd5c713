import type { Severity } from './timeline-event';

/** How sure a finding is. */
export type Confidence = 'high' | 'medium' | 'low';

/** One conclusion of the diagnosis, with the events it rests on. */
export interface Finding {
  /** A stable id such as `credentials.secret-mismatch`, for tests and translations. */
  id: string;
  /** One sentence: what is wrong (or right). */
  verdict: string;
  confidence: Confidence;
  severity: Severity;
  /** The `seq` numbers of the events this finding rests on. */
  evidence: number[];
  /** What the support engineer does next. */
  nextStep: string;
  /** A catalog key (`readyState:4005`) whose explanation applies. */
  catalogKey?: string;
  /** Facts computed along the way (skew in ms, the compared fields, …). */
  detail?: Record<string, unknown>;
}
