import { finding, type Rule } from './rule';
import { bodyInfo, RunLog } from './run-log';

/** What in the sent fields makes a scheduled meeting unlikely to match, field by field. */
function fieldHints(start: string, duration: string): { field: string; hint: string }[] {
  const hints: { field: string; hint: string }[] = [];
  if (/T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(start) && !/T\d{2}:\d{2}:00\.000Z$/.test(start)) {
    hints.push({
      field: 'startDateTime',
      hint:
        `the start \`${start}\` has seconds or milliseconds, as a start ` +
        `computed from "now" does; a meeting starts at its scheduled time`,
    });
  }
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(start)) {
    hints.push({
      field: 'startDateTime',
      hint:
        `the start \`${start}\` has no zone; the ` +
        `meeting's start is compared as a literal string`,
    });
  }
  if (!Number.isInteger(Number(duration))) {
    hints.push({
      field: 'duration',
      hint: `the duration \`${duration}\` is fractional; check it against the meeting's duration`,
    });
  }

  return hints;
}

// Known limit: the stored meetings are not visible from the run log, so the field to check
// is inferred from the form of what was sent, not compared with the meeting itself.
/** 4010: a persistent-room key without a meeting that matches the credentials. */
export const persistentRoomRule: Rule = {
  id: 'persistent-room',
  stage: 'final',
  run(log) {
    const plan = log.plan;
    const failure = log.apiFailure();
    if (plan === null || failure?.code !== 4010) return [];

    const sent = { room: plan.room, startDateTime: plan.startDateTime, duration: plan.duration };
    const hints =
      plan.startDateTime === null || plan.duration === null
        ? []
        : fieldHints(plan.startDateTime, plan.duration);
    const check = hints[0]?.field ?? 'startDateTime';
    const info = log.apiResponse === undefined ? null : bodyInfo(log.apiResponse.body);

    return [
      finding({
        id: 'persistent.no-meeting',
        verdict:
          `Key \`${plan.appKey}\` is persistent and no scheduled meeting ` +
          `has room \`${plan.room}\`, start \`${plan.startDateTime ?? '-'}\` ` +
          `and duration \`${plan.duration ?? '-'}\`; check the ${check} ` +
          `first${hints[0] === undefined ? '' : `: ${hints[0].hint}`}`,
        confidence: hints.length > 0 ? 'high' : 'medium',
        severity: 'error',
        evidence: RunLog.seqs(
          log.start,
          log.apiRequest,
          ...failure.evidence.map((seq) => ({ seq })),
        ),
        nextStep:
          'List the meetings (`GET /rest/meetings/<appId>/<room>`) and ' +
          'copy room, start string and duration from the stored meeting ' +
          'into the credentials; a meeting needs all three identical',
        catalogKey: 'readyState:4010',
        detail: { sent, fieldToCheck: check, hints, serverInfo: info },
      }),
    ];
  },
};
