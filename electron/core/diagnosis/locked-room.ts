import { finding, type Rule } from './rule';
import { RunLog } from './run-log';

/** A locked room: `systemAction` `locked` (or the legacy ready-state error 5001). */
export const lockedRoomRule: Rule = {
  id: 'locked-room',
  stage: 'final',
  run(log) {
    const action = log
      .all('systemAction')
      .find((event) => event.reason === 'locked' || event.action === 'locked');
    const legacy = log.readyStateError?.error?.errorCode === 5001 ? log.readyStateError : undefined;
    if (action === undefined && legacy === undefined) return [];

    const room = action?.room ?? legacy?.room ?? log.plan?.room ?? '';

    return [
      finding({
        id: 'room.locked',
        verdict:
          `Room \`${room}\` is locked: the key and the credentials ` +
          `were accepted, but new participants are rejected`,
        confidence: 'high',
        severity: 'error',
        evidence: RunLog.seqs(
          log
            .all('socket.message')
            .find((event) => event.direction === 'sent' && event.messageType === 'joinRoom'),
          action,
          legacy,
        ),
        nextStep:
          'Ask a participant to unlock the room (`unlockRoom`), ' +
          'or join another room to confirm the key works',
        catalogKey: action !== undefined ? 'systemAction:locked' : 'readyState:5001',
        detail: { info: action?.info ?? null },
      }),
    ];
  },
};
