import { finding, type Rule } from './rule';
import { RunLog, type EventOf } from './run-log';

function rungName(attempt: EventOf<'socket.attempt'>): string {
  return (
    `${attempt.port === null ? 'the default port' : `port ${attempt.port}`} ` +
    `over ${attempt.transport}`
  );
}

/** The port ladder: failed rungs followed by one that worked name what is blocked. */
export const ladderRule: Rule = {
  id: 'ladder',
  stage: 'final',
  run(log) {
    const open = log.first('channelOpen');
    if (open === undefined) return [];
    const attempts = log.all('socket.attempt').filter((attempt) => attempt.seq < open.seq);
    const worked = attempts.at(-1);
    const failed = attempts.slice(0, -1);
    if (worked === undefined || failed.length === 0) return [];

    const errors = log.all('socketError').filter((event) => event.seq < open.seq);
    const websocketBlocked =
      worked.transport === 'polling' &&
      failed.every((attempt) => attempt.transport === 'websocket');
    const ports = [
      ...new Set(
        failed
          .filter(
            (attempt) => attempt.port !== worked.port || attempt.transport === worked.transport,
          )
          .map((attempt) => attempt.port),
      ),
    ];
    const portList = ports.map((port) => (port === null ? 'default' : String(port))).join('/');
    const verdict = websocketBlocked
      ? `WebSocket is blocked on the way to the signalling server ` +
        `(${failed.map(rungName).join(', ')} failed); long polling ` +
        `on ${worked.port === null ? 'the default port' : `port ${worked.port}`} worked`
      : `Port ${ports.join(', ')} ${ports.length > 1 ? 'are' : 'is'} blocked for signalling ` +
        `(${failed.map(rungName).join(', ')} failed); ${rungName(worked)} worked`;

    return [
      finding({
        id: websocketBlocked ? 'signalling.websocket-blocked' : 'signalling.port-blocked',
        verdict,
        confidence: 'high',
        severity: 'warn',
        evidence: RunLog.seqs(...failed, ...errors, worked, open),
        nextStep: websocketBlocked
          ? 'Allow WebSocket upgrades through the proxy or firewall: polling works but is ' +
            'slower and less reliable'
          : `Open outbound ${portList} to the signalling host to save the fallback delay`,
        catalogKey: 'socketError:-4',
        detail: {
          failed: failed.map((attempt) => ({ port: attempt.port, transport: attempt.transport })),
          worked: { port: worked.port, transport: worked.transport },
        },
      }),
    ];
  },
};
