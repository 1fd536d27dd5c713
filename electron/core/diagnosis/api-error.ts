import { catalogEntry, readyStateKey, systemActionKey } from '../catalog';

import { finding, type Rule } from './rule';
import { RunLog } from './run-log';

/** Codes a dedicated rule explains in more depth. */
const DEDICATED_CODES = new Set([4003, 4004, 4005, 4010, 4020, 5005, 5001]);
const DEDICATED_REASONS = new Set(['locked', 'seatquota', 'roomfull', 'notStart', 'expired']);

/**
 * Every other refusal gets the catalog's explanation, so no failed run is left without a
 * finding: the API's code (from the body when 2.x hides it) or the rejecting `systemAction`.
 */
export const apiErrorRule: Rule = {
  id: 'api-error',
  stage: 'final',
  run(log) {
    const findings = [];
    const failure = log.apiFailure();
    // Without an HTTP answer the failure is the network's, which the network rule explains.
    const answered = failure !== null && failure.httpStatus !== null;
    if (answered && (failure.code === null || !DEDICATED_CODES.has(failure.code))) {
      const sdkCode = failure.readyState?.error?.errorCode ?? null;
      const key =
        failure.code !== null
          ? readyStateKey(failure.code)
          : sdkCode === null
            ? null
            : readyStateKey(sdkCode);
      const entry = key === null ? null : catalogEntry(key);
      const hidden = failure.code !== null && sdkCode !== null && sdkCode !== failure.code;
      if (entry !== null) {
        const number = entry.number === null ? '' : ` (${entry.number})`;
        const note = hidden
          ? ` The SDK reports it as errorCode ${sdkCode}; the body says ${failure.code}.`
          : '';
        findings.push(
          finding({
            id: 'api.rejected',
            verdict:
              `The auth server refused the request: ` +
              `${entry.name}${number}: ${entry.meaning}${note}`,
            confidence: failure.code !== null ? 'high' : 'medium',
            severity: 'error',
            evidence: RunLog.seqs(log.apiRequest, ...failure.evidence.map((seq) => ({ seq }))),
            nextStep: `${entry.checks[0] ?? ''}; most likely: ${entry.causes[0] ?? ''}`,
            catalogKey: entry.key,
            detail: { code: failure.code, httpStatus: failure.httpStatus, sdkErrorCode: sdkCode },
          }),
        );
      }
    }

    const action = log.systemAction;
    if (
      action !== undefined &&
      action.action === 'reject' &&
      !DEDICATED_REASONS.has(action.reason)
    ) {
      const key = systemActionKey(action.reason);
      const entry = key === null ? null : catalogEntry(key);
      findings.push(
        finding({
          id: 'join.rejected',
          verdict:
            `The signalling server rejected the join with ` +
            `\`${action.reason}\`${entry === null ? '' : `: ${entry.meaning}`}`,
          confidence: entry === null ? 'medium' : 'high',
          severity: 'error',
          evidence: RunLog.seqs(
            log
              .all('socket.message')
              .find((event) => event.direction === 'sent' && event.messageType === 'joinRoom'),
            action,
          ),
          nextStep:
            entry === null
              ? 'Report the reason and the `rid` to Temasys support'
              : `${entry.checks[0] ?? ''}; most likely: ${entry.causes[0] ?? ''}`,
          catalogKey: key,
          detail: { reason: action.reason, info: action.info, rid: action.rid },
        }),
      );
    }

    return findings;
  },
};
