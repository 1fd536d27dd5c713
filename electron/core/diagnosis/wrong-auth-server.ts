import { finding, type Rule } from './rule';
import { RunLog } from './run-log';

/** 5005: the request reached an auth server that does not serve this key. */
export const wrongAuthServerRule: Rule = {
  id: 'wrong-auth-server',
  stage: 'final',
  run(log) {
    const plan = log.plan;
    const failure = log.apiFailure();
    if (plan === null || failure?.code !== 5005) return [];
    let host = plan.server;
    try {
      host = new URL(plan.server).host;
    } catch {
      // A server that is not a URL is shown as given.
    }

    return [
      finding({
        id: 'auth.wrong-server',
        verdict:
          `The auth server \`${host}\` does not serve key ` +
          `\`${plan.appKey}\`: the request went to the wrong auth server`,
        confidence: 'high',
        severity: 'error',
        evidence: RunLog.seqs(
          log.start,
          log.apiRequest,
          ...failure.evidence.map((seq) => ({ seq })),
        ),
        nextStep:
          'Remove the custom `roomServer` from the init options (or point ' +
          'it at the server that holds the key, default `//api.temasys.io`)',
        catalogKey: 'readyState:5005',
        detail: { server: plan.server },
      }),
    ];
  },
};
