import type { Finding } from '../../contract';

import { finding, humanDuration, type Rule, type RuleContext } from './rule';
import { RunLog, type EventOf } from './run-log';

/** The `Date` header has 1 s resolution; below this (plus the round trip) skew is noise. */
export const SKEW_TOLERANCE_MS = 2000;

/** A clock comparison between this machine and the server. */
export interface SkewMeasurement {
  /** Server minus local: positive when the server clock is ahead. */
  skewMs: number;
  /** How far off the estimate may be: 2 s for the header's resolution plus the round trip. */
  toleranceMs: number;
  rttMs: number;
  serverDate: string;
  localAt: string;
  /** The response the measurement comes from. */
  seq: number;
}

/**
 * Compares the server's `Date` with the local clock. The server stamps `Date` about when it
 * sends the first byte, which arrives at `at − (total − ttfb)` locally; half the round trip
 * (taken as the TTFB, an upper bound) is subtracted, and half a second is added because the
 * header truncates to the second.
 */
// Known limit: the round trip is taken as the TTFB, which includes the server's processing
// time, so the correction (and the tolerance) can be up to TTFB/2 larger than the truth.
export function measureSkew(response: EventOf<'http.response'>): SkewMeasurement | null {
  if (response.serverDate === null) return null;
  const serverMs = Date.parse(response.serverDate);
  const arrivedMs = Date.parse(response.at);
  if (Number.isNaN(serverMs) || Number.isNaN(arrivedMs)) return null;

  const { ttfbMs, totalMs } = response.timings;
  const rttMs = Math.max(0, ttfbMs ?? totalMs ?? 0);
  const firstByteMs = arrivedMs - Math.max(0, (totalMs ?? rttMs) - rttMs);
  const localAtStampMs = firstByteMs - rttMs / 2;

  return {
    skewMs: Math.round(serverMs + 500 - localAtStampMs),
    toleranceMs: SKEW_TOLERANCE_MS + rttMs,
    rttMs,
    serverDate: response.serverDate,
    localAt: response.at,
    seq: response.seq,
  };
}

/** The last response that carries a `Date`, API first. */
function datedResponse(log: RunLog): EventOf<'http.response'> | undefined {
  const dated = log.all('http.response').filter((event) => event.serverDate !== null);

  return dated.filter((event) => event.purpose === 'api').at(-1) ?? dated.at(-1);
}

function skewFinding(log: RunLog, skew: SkewMeasurement): Finding | null {
  if (Math.abs(skew.skewMs) <= skew.toleranceMs) return null;

  const ahead = skew.skewMs > 0;
  const amount = humanDuration(skew.skewMs);
  const embedded = log.plan?.embeddedSandbox === true;
  const suspect = embedded
    ? 'The server is the embedded sandbox, so its clock ' +
      'is the one set off (scenario `clockOffsetMs`)'
    : "Platform servers are normally NTP-synced, so suspect this machine's " +
      "clock, and the customer's token server if it made the start time";

  return finding({
    id: 'clock.skew',
    verdict:
      `The server clock is ${amount} ${ahead ? 'ahead of' : 'behind'} ` +
      `this machine's clock (± ${humanDuration(skew.toleranceMs)})`,
    confidence: Math.abs(skew.skewMs) > 4 * skew.toleranceMs ? 'high' : 'medium',
    severity: Math.abs(skew.skewMs) > 60_000 ? 'error' : 'warn',
    evidence: [skew.seq],
    nextStep:
      `${suspect}. Sync the clock (NTP) and judge ` +
      `credential windows against the server's time`,
    detail: {
      skewMs: skew.skewMs,
      toleranceMs: skew.toleranceMs,
      rttMs: skew.rttMs,
      serverDate: skew.serverDate,
      localAt: skew.localAt,
      serverAhead: ahead,
      resolutionNote:
        'The Date header has 1 s resolution; only skew beyond 2 s plus the round trip is reported',
    },
  });
}

function windowFindings(
  log: RunLog,
  context: RuleContext,
  skew: SkewMeasurement | null,
): Finding[] {
  const plan = log.plan;
  const start = log.start;
  if (plan === null || start === undefined || plan.authMode !== 'credentials') return [];
  if (plan.startDateTime === null || plan.duration === null) return [];
  const startMs = Date.parse(plan.startDateTime);
  const hours = Number(plan.duration);
  if (Number.isNaN(startMs) || !Number.isFinite(hours)) return [];
  const endMs = startMs + hours * 3_600_000;

  // "Now" on the server: the dated response corrected by the skew, else the best local time.
  const localNowMs =
    skew !== null
      ? Date.parse(skew.localAt)
      : (context.localNowMs ?? Date.parse((log.apiResponse ?? start).at));
  const serverNowMs = localNowMs + (skew?.skewMs ?? 0);
  const toleranceMs = skew?.toleranceMs ?? SKEW_TOLERANCE_MS;
  const action = log.systemAction;
  const detail = {
    windowStart: new Date(startMs).toISOString(),
    windowEnd: new Date(endMs).toISOString(),
    serverNow: new Date(serverNowMs).toISOString(),
    serverTimeKnown: skew !== null,
    skewMs: skew?.skewMs ?? null,
  };
  const evidence = RunLog.seqs(start, skew === null ? undefined : { seq: skew.seq });
  const byLocalClock = (inWindow: boolean): string =>
    skew !== null && inWindow
      ? ` By this machine's clock the window is open: the clock skew causes it.`
      : '';

  if (startMs - serverNowMs > toleranceMs) {
    const seen = action?.reason === 'notStart' ? action : undefined;
    return [
      finding({
        id: 'credentials.window-not-started',
        verdict:
          `The credentials window starts in ${humanDuration(startMs - serverNowMs)} ` +
          `by the server's clock: expect \`notStart\` ` +
          `at the join.${byLocalClock(startMs <= localNowMs)}`,
        confidence: seen !== undefined || skew !== null ? 'high' : 'medium',
        severity: 'warn',
        evidence: [...evidence, ...RunLog.seqs(seen)],
        nextStep:
          'Make the start the current UTC time (`new Date().toISOString()`) ' +
          'on an NTP-synced clock, or wait for the scheduled start',
        catalogKey: 'systemAction:notStart',
        detail,
      }),
    ];
  }
  if (serverNowMs - endMs > toleranceMs) {
    const seen = action?.reason === 'expired' ? action : undefined;
    return [
      finding({
        id: 'credentials.window-expired',
        verdict:
          `The credentials window ended ${humanDuration(serverNowMs - endMs)} ago by the ` +
          `server's clock: expect \`expired\` at the join.${byLocalClock(endMs >= localNowMs)}`,
        confidence: seen !== undefined || skew !== null ? 'high' : 'medium',
        severity: 'warn',
        evidence: [...evidence, ...RunLog.seqs(seen)],
        nextStep:
          'Compute fresh credentials with a current start ' +
          'and a duration in hours that covers the session',
        catalogKey: 'systemAction:expired',
        detail,
      }),
    ];
  }

  // The server said so although the window looks open: report it with what we measured.
  if (action?.reason === 'notStart' || action?.reason === 'expired') {
    const notStarted = action.reason === 'notStart';
    return [
      finding({
        id: notStarted ? 'credentials.window-not-started' : 'credentials.window-expired',
        verdict:
          `The signalling server answered \`${action.reason}\`, although ` +
          `the window ${detail.windowStart} – ${detail.windowEnd} ` +
          `contains the server time ${detail.serverNow} as measured: the ` +
          `server judges the window on another clock or another start`,
        confidence: 'medium',
        severity: 'error',
        evidence: [...evidence, action.seq],
        nextStep:
          'Compare the start string with what the token server meant ' +
          '(zone, format) and ask for the platform clock if it persists',
        catalogKey: `systemAction:${action.reason}`,
        detail,
      }),
    ];
  }

  return [];
}

/** Clock skew against the server's `Date`, and the credentials window against server time. */
export const clockSkewRule: Rule = {
  id: 'clock-skew',
  stage: 'api',
  run(log, context) {
    const response = datedResponse(log);
    const skew = response === undefined ? null : measureSkew(response);
    const found = skew === null ? null : skewFinding(log, skew);

    return [...(found === null ? [] : [found]), ...windowFindings(log, context, skew)];
  },
};
