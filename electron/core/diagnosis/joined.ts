import { finding, type Rule } from './rule';
import { RunLog } from './run-log';

/** Success: the SDK would have reported itself in the room. */
export const joinedRule: Rule = {
  id: 'joined',
  stage: 'final',
  run(log) {
    const joined = log.first('peerJoined');
    const result = log.result;
    if (joined === undefined && result?.outcome !== 'joined') return [];

    const completed = log.all('readyStateChange').find((event) => event.state === 2);
    const plan = log.plan;

    return [
      finding({
        id: 'run.joined',
        verdict:
          `Joined room \`${joined?.room ?? plan?.room ?? ''}\` with ` +
          `key \`${plan?.appKey ?? ''}\` in ${plan?.authMode ?? 'the chosen'} ` +
          `mode: authentication and signalling work from here`,
        confidence: 'high',
        severity: 'info',
        evidence: RunLog.seqs(completed, log.first('channelOpen'), joined, result),
        nextStep:
          'If the customer still fails, compare their inputs ' +
          '(origin, credentials, network) with this run, one at a time',
      }),
    ];
  },
};
