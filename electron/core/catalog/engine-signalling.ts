import type { CatalogEntry } from '../../contract';

import { engineEntry } from './define-entry';

/** Engine codes for the signalling socket and the join. */
export const ENGINE_SIGNALLING_ENTRIES: readonly CatalogEntry[] = [
  engineEntry('socket.refused', {
    name: 'Signalling connection refused',
    meaning: 'The signalling host refused the connection on every rung tried.',
    causes: [
      'The port advertised in the API answer is closed or firewalled with reject',
      'The `ipSigserver` in the API answer is wrong for this network',
    ],
    checks: [
      'Read the socket.attempt events: host, port and transport of each try',
      'Compare `ipSigserver` and the port lists in the api.parsed event',
    ],
    fixes: ['Open the signalling ports outbound, or fix the host the server advertises'],
    sdkNotes: 'The SDK reports socketError -3 (RECONNECTION_ABORTED) once the ladder is exhausted.',
  }),
  engineEntry('socket.timeout', {
    name: 'Signalling connection timed out',
    meaning: 'The signalling socket did not connect within `socketTimeout`.',
    causes: [
      'A firewall drops the packets to the signalling port',
      'A proxy accepts the connection but does not pass WebSocket upgrades',
    ],
    checks: [
      'See whether polling worked where websocket timed out (transport blocked)',
      'Measure TCP and TLS to the signalling host separately',
    ],
    fixes: ['Allow WebSocket through the proxy, or open the port'],
    sdkNotes: '0.6.x moves to the next rung; 2.x (2.2.0+) does not reconnect and the join hangs.',
  }),
  engineEntry('socket.handshake', {
    name: 'Socket.io handshake failed',
    meaning: 'A connection opened, but the socket.io/Engine.IO handshake failed.',
    causes: [
      'Protocol mismatch: a socket.io v3/v4 client against ' +
        'a v2 server, or the reverse without `allowEIO3`',
      'A wrong socket.io `path` (`ipSigserverPath`)',
      'A proxy that rewrites or blocks the upgrade',
    ],
    checks: ['Read the error message and the URL of the attempt', 'Check the path in api.parsed'],
    fixes: ['Use an Engine.IO v3 client (socket.io-client 2.x) and the advertised path'],
  }),
  engineEntry('socket.closed', {
    name: 'Signalling socket closed',
    meaning: 'The signalling socket closed before the join finished.',
    causes: [
      'The server closed it after rejecting the join (a `redirect` may have come first)',
      'A proxy or load balancer dropped the idle connection',
      'The transport failed (network change)',
    ],
    checks: [
      'Look for a systemAction just before the close',
      'Read the channelClose reason (server, transport, timeout)',
    ],
    fixes: ['Fix the cause of a preceding reject; raise idle timeouts on the proxy'],
    sdkNotes: '0.6.x reports "Channel closed abruptly" in this case.',
  }),
  engineEntry('socket.garbage', {
    name: 'Unreadable signalling message',
    meaning: 'A message on the socket could not be parsed as the JSON string the SDK expects.',
    causes: ['A custom or wrong signalling server', 'A proxy injecting content into the stream'],
    checks: ['Read the raw payload in the socket.message event', 'Check the signalling host'],
    fixes: ['Point at the Skylink signalling server the API advertised'],
  }),
  engineEntry('join.timeout', {
    name: 'Join timed out',
    meaning: '`joinRoom` was sent, but neither `inRoom` nor a `redirect` came in time.',
    causes: [
      'The signalling server is slow or lost the message',
      '2.x behaviour: an unhandled connect error leaves the join hanging',
      'The message was sent in a form the server ignores',
    ],
    checks: [
      'Look at the socket.message events: was `joinRoom` sent, anything received',
      'Repeat the run to see whether it is intermittent',
    ],
    fixes: ['Retry; report persistent cases with the UTC time and the room to support'],
  }),
  engineEntry('join.rejected', {
    name: 'Join rejected',
    meaning: 'The signalling server rejected the join with a `redirect` `reject`.',
    causes: [
      'A time window problem (`notStart`, `expired`) or ' +
        'a token problem (`credentialError`, `oldTimeStamp`)',
      'The room is locked, or the key failed (`keyFailed`)',
    ],
    checks: [
      'Read the systemAction reason and look it up (`skylink-diag codes <reason>`)',
      'Compare the window with the server clock (clock skew finding)',
    ],
    fixes: ['Follow the fixes of the systemAction reason'],
  }),
];
