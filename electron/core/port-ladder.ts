import type { SocketFallback } from '../contract';

/** The socket.io transport of one rung. */
export type LadderTransport = 'websocket' | 'polling';

/** One step of the 0.6.x signalling ladder: where to connect and how. */
export interface LadderRung {
  /** 1-based position in the ladder. */
  index: number;
  port: number;
  transport: LadderTransport;
  fallbackType: SocketFallback;
  /** socket.io reconnection settings the SDK uses on this rung. */
  reconnectionAttempts: number;
  reconnectionDelayMs: number;
  reconnectionDelayMaxMs: number;
}

/** Default signalling ports when the API sends none (0.6.x `_parseInfo`). */
export const DEFAULT_PORTS = { 'http:': [80, 3000], 'https:': [443, 3443] } as const;

/** How many extra attempts 0.6.x makes on the last port over polling. */
const FINAL_ATTEMPTS = 2;

/**
 * The ports 0.6.x dials for a protocol: the API's list when it is a non-empty array, the
 * defaults otherwise.
 */
export function portsFor(
  protocol: 'http:' | 'https:',
  lists: { httpPorts: readonly number[]; httpsPorts: readonly number[] },
): number[] {
  const given = protocol === 'http:' ? lists.httpPorts : lists.httpsPorts;

  return given.length > 0 ? [...given] : [...DEFAULT_PORTS[protocol]];
}

/**
 * The whole fallback order of 0.6.39 `_createSocket` (protocol spec §8.1): every port over
 * websocket, then every port over polling, then the last port twice more over polling. The
 * first rung is `nonfallback`; later ones carry the protocol's port or long-polling type.
 */
export function buildPortLadder(
  protocol: 'http:' | 'https:',
  ports: readonly number[],
): LadderRung[] {
  if (ports.length === 0) return [];

  const isSecure = protocol === 'https:';
  const steps: { port: number; transport: LadderTransport }[] = [
    ...ports.map((port) => ({ port, transport: 'websocket' as const })),
    ...ports.map((port) => ({ port, transport: 'polling' as const })),
  ];
  const last = ports[ports.length - 1] ?? ports[0] ?? 0;
  for (let i = 0; i < FINAL_ATTEMPTS; i++) steps.push({ port: last, transport: 'polling' });

  return steps.map((step, i) => ({
    index: i + 1,
    port: step.port,
    transport: step.transport,
    fallbackType: fallbackTypeOf(i === 0, step.transport, isSecure),
    reconnectionAttempts: step.transport === 'websocket' ? 2 : 4,
    reconnectionDelayMs: 1000,
    reconnectionDelayMaxMs: step.transport === 'websocket' ? 5000 : 1000,
  }));
}

function fallbackTypeOf(
  isFirst: boolean,
  transport: LadderTransport,
  isSecure: boolean,
): SocketFallback {
  if (isFirst) return 'nonfallback';
  if (transport === 'polling')
    return isSecure ? 'fallbackLongPollingSSL' : 'fallbackLongPollingNonSSL';

  return isSecure ? 'fallbackPortSSL' : 'fallbackPortNonSSL';
}
