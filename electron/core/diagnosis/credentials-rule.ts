import type { Finding } from '../../contract';

import { lintCredentials } from './credential-lint';
import { checkDuration, checkRoom, checkStart } from './credential-lint-checks';
import type { LintProblem } from './credential-lint-types';
import { finding, type Rule, type RuleContext } from './rule';
import { apiUrlParts, RunLog } from './run-log';

/** The plan's inputs as the URL carried them, and what the lint says about their form. */
function formProblems(log: RunLog): { problems: LintProblem[]; urlRoom: string | undefined } {
  const plan = log.plan;
  if (plan?.startDateTime == null || plan.duration === null)
    return { problems: [], urlRoom: undefined };
  const parts = log.apiRequest === undefined ? null : apiUrlParts(log.apiRequest.url);
  const problems = [
    ...checkStart(plan.startDateTime),
    ...checkDuration(plan.duration),
    ...checkRoom(plan.room, parts?.room),
  ];
  if (parts?.start != null && parts.start !== plan.startDateTime) {
    problems.push({
      id: 'start.url-mismatch',
      field: 'startDateTime',
      severity: 'error',
      message:
        `The start in the URL (\`${parts.start}\`) differs from the start signed ` +
        `(\`${plan.startDateTime}\`)`,
    });
  }
  if (parts?.duration != null && parts.duration !== plan.duration) {
    problems.push({
      id: 'duration.url-mismatch',
      field: 'duration',
      severity: 'error',
      message:
        `The duration in the URL (\`${parts.duration}\`) differs from the duration signed ` +
        `(\`${plan.duration}\`)`,
    });
  }

  return { problems, urlRoom: parts?.room };
}

function lintFinding(log: RunLog, problems: LintProblem[]): Finding {
  const worst = problems.find((problem) => problem.severity === 'error') ?? problems[0];

  return finding({
    id: 'credentials.lint',
    verdict: worst?.message ?? 'The credentials inputs look wrong',
    confidence: worst?.severity === 'error' ? 'high' : 'medium',
    severity: worst?.severity === 'error' ? 'error' : 'warn',
    evidence: RunLog.seqs(log.start, log.apiRequest),
    nextStep: `Fix the ${worst?.field ?? 'input'} the lint names, then recompute the credentials`,
    catalogKey: 'readyState:4005',
    detail: { problems },
  });
}

/** The 4005 verdict: with the secret, where the recipe breaks; without it, what can be said. */
function mismatchFinding(
  log: RunLog,
  context: RuleContext,
  urlRoom: string | undefined,
  evidence: number[],
): Finding {
  const plan = log.plan;
  const where =
    `room \`${plan?.room ?? ''}\`, duration \`${plan?.duration ?? ''}\`, start ` +
    `\`${plan?.startDateTime ?? ''}\``;
  const base = { evidence, catalogKey: 'readyState:4005' };

  if (
    context.secret !== null &&
    context.credentials !== null &&
    plan?.startDateTime != null &&
    plan.duration !== null
  ) {
    const lint = lintCredentials({
      room: plan.room,
      duration: plan.duration,
      startDateTime: plan.startDateTime,
      credentials: context.credentials,
      secret: context.secret,
      ...(urlRoom === undefined ? {} : { urlRoom }),
    });
    // Only step names and verdicts go into the finding: the values are secret-derived.
    const steps = lint.steps.map((step) => ({
      step: step.step,
      label: step.label,
      matches: step.matches,
    }));
    if (lint.firstDifference !== null) {
      const problem = lint.problems.at(-1);
      const label =
        lint.steps.find((s) => s.step === lint.firstDifference)?.label ?? lint.firstDifference;
      return finding({
        ...base,
        id: 'credentials.step-mismatch',
        verdict: `The credentials first differ at the step "${label}": ${problem?.message ?? ''}`,
        confidence: 'high',
        severity: 'error',
        nextStep:
          'Fix that step in the token server and recompute (`skylink-diag credentials ' +
          '--check` shows every step)',
        detail: { firstDifference: lint.firstDifference, steps },
      });
    }
  }

  if (
    context.secret !== null &&
    (plan?.credentialsSource === 'computed' || context.credentials !== null)
  ) {
    return finding({
      ...base,
      id: 'credentials.secret-mismatch',
      verdict:
        `The credentials were made from the given secret for ${where} exactly as the server ` +
        `recomputes them, and the server still refused them: the secret is not the one the ` +
        `platform holds for key \`${plan?.appKey ?? ''}\``,
      confidence: 'high',
      severity: 'error',
      nextStep:
        'Copy the secret of this exact key from the Temasys console (it may have been ' +
        'rotated) and make sure the token server uses that key',
      detail: { credentialsSource: plan?.credentialsSource ?? null },
    });
  }

  return finding({
    ...base,
    id: 'credentials.rejected',
    verdict:
      `The server recomputed the HMAC over ${where} ` + `and it did not match the credentials sent`,
    confidence: 'low',
    severity: 'error',
    nextStep:
      'Run `skylink-diag credentials --check <cred> --room R --duration H --start ISO ' +
      '--secret-env VAR` with the key secret: it names the first step that differs',
    detail: { credentialsSource: plan?.credentialsSource ?? null },
  });
}

/**
 * The credential lint on a run: the form of the start, duration and room as the plan and URL
 * carried them (before the join), and, after a 4005, the step where the recipe breaks. The
 * run log has credentials only as redaction markers, so the string itself is linted only
 * when the caller passes it in the context.
 */
// Known limit: a run log carries the credentials only as redaction markers, so a given
// (customer) string is compared step by step only when the caller passes it in plain
// (`engineDiagnose(secret, credentials)`); otherwise a 4005 with given credentials gets the
// low-confidence `credentials.rejected` and points at `skylink-diag credentials --check`.
export const credentialsRule: Rule = {
  id: 'credentials',
  stage: 'api',
  run(log, context) {
    const plan = log.plan;
    if (plan === null || plan.authMode !== 'credentials') return [];

    const { problems, urlRoom } = formProblems(log);
    const findings = problems.length > 0 ? [lintFinding(log, problems)] : [];
    const failure = log.apiFailure();
    if (failure?.code === 4005) {
      findings.push(
        mismatchFinding(
          log,
          context,
          urlRoom,
          RunLog.seqs(log.start, log.apiRequest, ...failure.evidence.map((seq) => ({ seq }))),
        ),
      );
    }

    return findings;
  },
};
