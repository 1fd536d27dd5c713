import type { TimelineEvent } from '../contract';

/** One line about an event: a short title and the facts that matter most. */
export interface EventLine {
  title: string;
  detail: string;
}

function ms(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)} ms`;
}

/** Says what an event is in one line, as the timeline row shows it. */
export function describeEvent(event: TimelineEvent): EventLine {
  switch (event.type) {
    case 'run.start':
      return {
        title: 'Run started',
        detail:
          `${event.plan.profileName} · ${event.plan.authMode} · SDK ${event.plan.sdk} ` +
          `· ${event.plan.server}`,
      };
    case 'readyStateChange': {
      const error = event.error;
      const why =
        error === null
          ? ''
          : ` · ${error.errorCode} ${error.errorName ?? ''} (HTTP ${error.status})`.trimEnd();

      return { title: `readyStateChange ${event.stateName}`, detail: `state ${event.state}${why}` };
    }
    case 'systemAction':
      return {
        title: `systemAction ${event.action}`,
        detail: `reason ${event.reason}${event.info === '' ? '' : ` · ${event.info}`}`,
      };
    case 'channelOpen':
      return { title: 'channelOpen', detail: `${event.transport} · ${event.url}` };
    case 'channelClose':
      return { title: 'channelClose', detail: `reason ${event.reason}` };
    case 'channelError':
      return { title: 'channelError', detail: event.message };
    case 'socketError':
      return {
        title: `socketError ${event.errorCode} ${event.errorName}`,
        detail: `${event.fallbackType ?? ''} ${event.message}`.trim(),
      };
    case 'peerJoined':
      return { title: 'peerJoined (self)', detail: `peer ${event.peerId} in ${event.room}` };
    case 'dns':
      return {
        title: 'DNS',
        detail:
          `${event.host} → ${event.addresses.join(', ') || 'no address'} ` +
          `· ${ms(event.durationMs)}`,
      };
    case 'tcp':
      return {
        title: 'TCP connect',
        detail:
          `${event.address}:${event.port} ` +
          `· ${ms(event.durationMs)}${event.proxy === undefined ? '' : ` via ${event.proxy}`}`,
      };
    case 'tls':
      return {
        title: 'TLS handshake',
        detail:
          `${event.protocol ?? '?'} ` +
          `· ${event.authorized ? 'trusted' : (event.authorizationError ?? 'untrusted')} ` +
          `· ${ms(event.durationMs)}`,
      };
    case 'http.request':
      return {
        title: `HTTP ${event.method}`,
        detail: `${event.purpose} #${event.attempt} ${event.url}`,
      };
    case 'http.response':
      return {
        title: `HTTP ${event.status} ${event.statusText}`,
        detail:
          `${event.purpose} #${event.attempt} · ${event.bodyBytes} bytes ` +
          `· ${ms(event.timings.totalMs)}`,
      };
    case 'http.retry':
      return {
        title: `Retry after attempt ${event.attempt}`,
        detail: `${event.reason} · waiting ${ms(event.delayMs)}`,
      };
    case 'api.parsed':
      return {
        title: 'API response parsed',
        detail: `signalling ${event.signalling.host}${event.signalling.path}`,
      };
    case 'socket.attempt':
      return {
        title: `Socket attempt ${event.attempt}`,
        detail: `${event.transport} · ${event.fallbackType} · ${event.url}`,
      };
    case 'socket.message':
      return {
        title: `${event.direction === 'sent' ? '→' : '←'} ${event.messageType}`,
        detail: event.direction,
      };
    case 'step.failed':
      return {
        title: `Step failed: ${event.step}`,
        detail: `${event.error.code} · ${event.error.message}`,
      };
    case 'diagnosis':
      return { title: 'Finding', detail: event.finding.verdict };
    case 'note':
      return { title: 'Note', detail: event.message };
    case 'result':
      return {
        title: `Result: ${event.outcome}`,
        detail: `${ms(event.durationMs)} · ready state ${event.readyState}`,
      };
  }
}

/** Formats a run-relative time: `+1.234 s` or `+56.7 ms`. */
export function formatRelative(t: number): string {
  return t >= 1000 ? `+${(t / 1000).toFixed(3)} s` : `+${t.toFixed(1)} ms`;
}

/** Formats a wall-clock time in the user's zone, with milliseconds. */
export function formatWall(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

  const hms = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${hms}.${pad(date.getMilliseconds(), 3)}`;
}
