import { finding, type Rule } from './rule';
import { RunLog } from './run-log';

const SEAT_REASONS = new Set(['seatquota', 'roomfull']);

/** The seat limit: API 4020, or the legacy signalling reasons `seatquota` and `roomfull`. */
export const seatLimitRule: Rule = {
  id: 'seat-limit',
  stage: 'final',
  run(log) {
    const plan = log.plan;
    const failure = log.apiFailure();
    const action = log.all('systemAction').find((event) => SEAT_REASONS.has(event.reason));
    if (failure?.code !== 4020 && action === undefined) return [];

    const fullRoom = action?.reason === 'roomfull' ? action : undefined;
    const evidence =
      failure?.code === 4020
        ? RunLog.seqs(log.apiRequest, ...failure.evidence.map((seq) => ({ seq })))
        : RunLog.seqs(action);

    return [
      finding({
        id: 'seats.limit',
        verdict: fullRoom
          ? `Room \`${fullRoom.room ?? plan?.room ?? ''}\` ` +
            `is full (persistent-room participant limit)`
          : `Key \`${plan?.appKey ?? ''}\` has reached its concurrent-user (seat) limit`,
        confidence: 'high',
        severity: 'error',
        evidence,
        nextStep:
          'Count the active sessions of the key; retry in a few minutes ' +
          'to rule out stale sessions; raise the plan limit if it is real',
        catalogKey:
          failure?.code === 4020
            ? 'readyState:4020'
            : `systemAction:${action?.reason ?? 'seatquota'}`,
      }),
    ];
  },
};
