import {
  SDK_EVENT_TYPES,
  severityOf,
  type ResultEvent,
  type Severity,
  type TimelineEvent,
} from '../contract';

import { paint, printLine, type CliIo, type Colour } from './output';

/** Prints a run's events as a readable live timeline, then a short summary. */
export interface TimelinePrinter {
  print(event: TimelineEvent): void;
  summary(result: ResultEvent): void;
}

const SEVERITY_COLOUR: Record<Severity, Colour> = {
  debug: 'grey',
  info: 'cyan',
  warn: 'yellow',
  error: 'red',
};

/**
 * Creates a printer. Each line has the wall-clock time, the time since the run started, the
 * event type and what matters about it; the SDK's own events stand out (bold, coloured by
 * severity), the lower-level facts beneath them are dim.
 */
export function createTimelinePrinter(io: CliIo): TimelinePrinter {
  return {
    print(event) {
      const clock = event.at.slice(11, 23);
      const since = `+${event.t.toFixed(1).padStart(8)}ms`;
      const isSdk = SDK_EVENT_TYPES.includes(event.type);
      const severity = severityOf(event);
      const name = event.type.padEnd(17);
      const label = isSdk
        ? paint(io, 'bold', paint(io, SEVERITY_COLOUR[severity], name))
        : paint(io, severity === 'debug' ? 'grey' : SEVERITY_COLOUR[severity], name);
      const text = describeEvent(event);
      const body = isSdk || severity !== 'debug' ? text : paint(io, 'grey', text);
      printLine(io, `${paint(io, 'grey', `${clock} ${since}`)}  ${label} ${body}`);
    },
    summary(result) {
      printLine(io, '');
      const colour: Colour = result.outcome === 'joined' ? 'green' : 'red';
      printLine(io, `${paint(io, 'bold', 'Outcome:')} ${paint(io, colour, headline(result))}`);
      if (result.error !== null) printLine(io, `  ${result.error.code}: ${result.error.message}`);
      const t = result.timings;
      const parts = [
        ['dns', t.dnsMs],
        ['tcp', t.tcpMs],
        ['tls', t.tlsMs],
        ['ttfb', t.ttfbMs],
        ['api', t.totalMs],
        ['socket', t.socketConnectMs],
        ['join', t.joinMs],
      ]
        .filter((entry): entry is [string, number] => entry[1] !== null)
        .map(([label, ms]) => `${label} ${ms.toFixed(1)}ms`);
      printLine(
        io,
        `  ${result.durationMs} ms total; ${t.apiAttempts} API ` +
          `attempt(s), ${t.socketAttempts} socket rung(s)` +
          (parts.length > 0 ? `; ${parts.join(', ')}` : ''),
      );
    },
  };
}

/** The one-line outcome: `joined`, `ERROR 4005 API_CREDENTIALS_NOT_MATCH`, `rejected: locked`. */
export function headline(result: ResultEvent): string {
  if (result.outcome === 'joined') return 'joined';
  if (result.outcome === 'cancelled') return 'cancelled';
  if (result.systemAction !== null) {
    return `rejected: ${result.systemAction.action} ${result.systemAction.reason}`;
  }
  if (result.readyStateError !== null) {
    const error = result.readyStateError;

    return (
      `ERROR ${error.errorCode}${error.errorName === null ? '' : ` ${error.errorName}`} ` +
      `(status ${error.status})`
    );
  }

  return `failed${result.error === null ? '' : `: ${result.error.code}`}`;
}

/** What one event says, in a line. */
export function describeEvent(event: TimelineEvent): string {
  switch (event.type) {
    case 'run.start':
      return (
        `${event.plan.sdk} ${event.plan.authMode} ${event.plan.appKey} / ${event.plan.room} ` +
        `at ${event.plan.server}`
      );
    case 'readyStateChange':
      return (
        `${event.stateName} (${event.state})` +
        (event.error === null
          ? ''
          : ` status ${event.error.status}, errorCode ${event.error.errorCode}` +
            (event.error.errorName === null ? '' : ` ${event.error.errorName}`) +
            (event.error.content === '' ? '' : `: ${event.error.content.replace(/\n/g, ' ')}`))
      );
    case 'systemAction':
      return `${event.action} ${event.reason}${event.info === '' ? '' : `: ${event.info}`}`;
    case 'channelOpen':
      return `${event.transport} ${event.url}`;
    case 'channelClose':
      return event.reason;
    case 'channelError':
      return event.message;
    case 'socketError': {
      const fallback = event.fallbackType === null ? '' : ` [${event.fallbackType}]`;
      const message = event.message === '' ? '' : ` ${event.message}`;
      return `${event.errorCode} ${event.errorName}${fallback}${message}`;
    }
    case 'peerJoined':
      return `self ${event.peerId} in ${event.room}`;
    case 'dns':
      return `${event.host} -> ${event.addresses.join(', ')} (${event.durationMs}ms)`;
    case 'tcp':
      return (
        `${event.address}:${event.port} ` +
        `(${event.durationMs}ms)${event.proxy === undefined ? '' : ` via ${event.proxy}`}`
      );
    case 'tls': {
      const trust = event.authorized
        ? 'trusted'
        : `untrusted (${event.authorizationError ?? 'unknown'})`;
      const insecure = event.insecure ? ' [insecure]' : '';
      return `${event.protocol ?? '?'} ${event.cipher ?? ''} ${trust}${insecure}`;
    }
    case 'http.request':
      return `#${event.attempt} ${event.method} ${event.url}`;
    case 'http.response':
      return (
        `#${event.attempt} ${event.status} ${event.statusText} ${event.bodyBytes} ` +
        `bytes${event.truncated ? ' (truncated)' : ''}`
      );
    case 'http.retry':
      return `after attempt ${event.attempt}: ${event.reason}`;
    case 'api.parsed':
      return (
        `signalling ${event.signalling.host}${event.signalling.path} ` +
        `http ${event.signalling.httpPorts.join(',') || '-'} ` +
        `https ${event.signalling.httpsPorts.join(',') || '-'}`
      );
    case 'socket.attempt':
      return `#${event.attempt} ${event.transport} ${event.url} [${event.fallbackType}]`;
    case 'socket.message':
      return `${event.direction === 'sent' ? '->' : '<-'} ${event.messageType}`;
    case 'step.failed':
      return `${event.step}: ${event.error.code} ${event.error.message}`;
    case 'diagnosis':
      return `${event.finding.verdict} Next: ${event.finding.nextStep}`;
    case 'note':
      return event.message;
    case 'result':
      return headline(event);
  }
}
