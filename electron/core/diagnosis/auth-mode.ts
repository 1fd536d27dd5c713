import { finding, type Rule } from './rule';
import { apiUrlParts, RunLog } from './run-log';

/**
 * Auth-mode mismatch: the request and the key disagree on how to authenticate. A 4004 means
 * neither an Origin nor credentials arrived; a 4003 means the Origin sent is not registered.
 */
export const authModeRule: Rule = {
  id: 'auth-mode',
  stage: 'final',
  run(log, context) {
    const plan = log.plan;
    const failure = log.apiFailure();
    if (plan === null || failure === null) return [];
    const evidence = RunLog.seqs(
      log.start,
      log.apiRequest,
      ...failure.evidence.map((seq) => ({ seq })),
    );
    const origin = log.apiRequest?.headers.origin ?? log.apiRequest?.headers.Origin ?? plan.origin;

    if (failure.code === 4004) {
      const parts = log.apiRequest === undefined ? null : apiUrlParts(log.apiRequest.url);
      const credentialsInUrl = parts?.start != null;
      if (plan.authMode === 'credentials' && !credentialsInUrl) {
        return [
          finding({
            id: 'auth.credentials-dropped',
            verdict:
              'Credentials mode was meant, but the request URL carries ' +
              'no start, duration or `cred`: the credentials were dropped ' +
              'and the key saw a CORS-mode request without an Origin',
            confidence: 'high',
            severity: 'error',
            evidence,
            nextStep:
              'Check the types of `init({credentials})`: 0.6.x drops them unless `duration` ' +
              'is a number and `startDateTime` and `credentials` are non-empty strings',
            catalogKey: 'readyState:4004',
          }),
        ];
      }

      return [
        finding({
          id: 'auth.needs-origin-or-credentials',
          verdict:
            `This key needs credentials or an origin: the request ` +
            `carried ${origin == null ? 'no Origin header' : `Origin \`${origin}\``} ` +
            `and ${credentialsInUrl ? 'credentials the key did not take' : 'no credentials'}`,
          confidence: origin == null && !credentialsInUrl ? 'high' : 'medium',
          severity: 'error',
          evidence,
          nextStep:
            'Send credentials (start, duration, HMAC) from the token server, or call from ' +
            'a page whose origin is registered on the key (test with `skylink-diag origins`)',
          catalogKey: 'readyState:4004',
          detail: { origin: origin ?? null, authMode: plan.authMode },
        }),
      ];
    }

    if (failure.code === 4003) {
      return [
        finding({
          id: 'auth.origin-not-registered',
          verdict: `The key does not accept the origin \`${origin ?? 'none'}\` (CORS url mismatch)`,
          confidence: 'high',
          severity: 'error',
          evidence,
          nextStep:
            'Run the origin matrix (`skylink-diag origins --origin …`) ' +
            'to tell "domain not registered" from "registered, but the page ' +
            'runs on another origin"; or switch the app to credentials',
          catalogKey: 'readyState:4003',
          detail: { origin: origin ?? null },
        }),
      ];
    }

    if (plan.authMode === 'credentials' && context.corsAccepted === true && origin != null) {
      return [
        finding({
          id: 'auth.mode-mismatch',
          verdict:
            `The key accepts Origin \`${origin}\` in CORS mode, but this ` +
            `request sent credentials and they were refused ` +
            `(${String(failure.code ?? failure.httpStatus)}): the platform prefers ` +
            `credentials when present, so the CORS registration does not help`,
          confidence: 'high',
          severity: 'warn',
          evidence,
          nextStep:
            'Either stop sending credentials (CORS mode works for ' +
            'this origin) or fix the credentials; do not mix the two',
          catalogKey: failure.code === null ? null : `readyState:${failure.code}`,
          detail: { origin, corsAccepted: true },
        }),
      ];
    }

    return [];
  },
};
