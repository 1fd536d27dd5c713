import type { CatalogEntry } from '../../contract';

import { socketErrorEntry } from './define-entry';

const LADDER =
  '0.6.x walks a ladder: each port over websocket, then each port over polling, then the ' +
  'last port twice more. 2.x dials one URL without a port and does not reconnect (2.2.0+).';

/** `SOCKET_ERROR` codes of `socketError` events. */
export const SOCKET_ERROR_ENTRIES: readonly CatalogEntry[] = [
  socketErrorEntry(0, {
    name: 'CONNECTION_FAILED',
    meaning: 'The first signalling connection attempt failed.',
    causes: [
      'The port (443 or 3443 for https) is blocked by a firewall or proxy',
      'A proxy does not allow WebSocket upgrades',
      'TLS to the signalling host failed (interception proxy, old CA bundle)',
    ],
    checks: [
      'Look at the next attempts: a later port or polling that works names the blocked path',
      'Test a raw TCP/TLS connection to `ipSigserver` on each port',
    ],
    fixes: ['Open outbound 443 and 3443 to the signalling host, with WebSocket allowed'],
    sdkNotes: LADDER,
  }),
  socketErrorEntry(-1, {
    name: 'RECONNECTION_FAILED',
    meaning: 'A reconnection attempt on the current port and transport failed.',
    causes: [
      'The same block that failed the first attempt (port, proxy, TLS)',
      'The signalling server is overloaded or restarting',
    ],
    checks: [
      'Count the attempts per rung in the socket.attempt events',
      'Check the error messages',
    ],
    fixes: ['Fix the network path; the ladder moves on by itself'],
    sdkNotes: LADDER,
  }),
  socketErrorEntry(-2, {
    name: 'CONNECTION_ABORTED',
    meaning: 'The connection was aborted (defined, but never emitted by 0.6.39 or 2.x).',
    causes: ['A custom or patched SDK emits it', 'A very old SDK version that still used it'],
    checks: ['Check the exact SDK version and build', 'Look at the surrounding socket events'],
    fixes: ['Use a released SDK; treat it as CONNECTION_FAILED'],
  }),
  socketErrorEntry(-3, {
    name: 'RECONNECTION_ABORTED',
    meaning: 'Every port and transport failed; the join is abandoned.',
    causes: [
      'All signalling ports are blocked (strict firewall, only a web proxy allowed)',
      'An interception proxy breaks TLS to the signalling host',
      'The signalling host in the API answer (`ipSigserver`) is unreachable or wrong',
    ],
    checks: [
      'Read every socket.attempt and socketError event: which ports and transports were tried',
      'Resolve and connect to `ipSigserver` from the customer network (tcp, tls events)',
    ],
    fixes: [
      'Allow outbound 443/3443 to the signalling host, WebSocket and long polling',
      'Configure the proxy to pass the signalling host without TLS inspection',
    ],
    sdkNotes: LADDER,
  }),
  socketErrorEntry(-4, {
    name: 'RECONNECTION_ATTEMPT',
    meaning: 'The client moves to the next port or transport of the ladder.',
    causes: [
      'The previous port or transport failed or timed out',
      'WebSocket is blocked, so the client falls back to long polling',
    ],
    checks: [
      'Which rung finally worked: it names the blocked port or transport',
      'The fallbackType: `fallbackPortSSL` (another port) or `fallbackLongPollingSSL` (polling)',
    ],
    fixes: ['Not an error by itself; open the blocked port to save the fallback delay'],
    sdkNotes: LADDER,
  }),
];
