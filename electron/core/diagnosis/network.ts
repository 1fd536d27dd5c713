import type { ErrorCode } from '../../contract';

import { finding, type Rule } from './rule';
import { RunLog } from './run-log';

/** The network failures this rule explains, with what to say about each. */
const NETWORK_CODES: Partial<Record<ErrorCode, { what: string; next: string }>> = {
  'dns.failed': {
    what: 'the host name did not resolve',
    next: 'Check the host for typos and resolve it with another DNS server from the same machine',
  },
  'tcp.refused': {
    what: 'the connection was refused (nothing listens on that port, or a firewall rejects it)',
    next: 'Check the scheme and port of the server URL and that the server runs',
  },
  'tcp.reset': {
    what: 'the connection was reset before an answer came',
    next:
      'Repeat the run: a steady reset points at a firewall ' +
      'or proxy policy, an intermittent one at the server',
  },
  'tcp.timeout': {
    what: 'the TCP connection timed out (packets dropped)',
    next: 'Check that the port is open outbound; compare IPv4 and IPv6',
  },
  'tls.failed': {
    what: 'the TLS handshake failed',
    next: 'Check the scheme against the port and read the tls event',
  },
  'tls.untrusted': {
    what: 'the server certificate is not trusted',
    next:
      'Read the issuer in the tls event; give the ' +
      'corporate CA with `caFile` if TLS is inspected',
  },
  'http.timeout': {
    what: 'the server did not answer in time',
    next: 'Compare the phase timings of each attempt and repeat from another network',
  },
  'proxy.failed': {
    what: 'the proxy refused or failed the connection',
    next: 'Allow the host and port on the proxy, or give it credentials',
  },
  'socket.refused': {
    what: 'every signalling port and transport refused the connection',
    next: 'Open outbound 443/3443 to the signalling host, WebSocket and polling',
  },
  'socket.timeout': {
    what: 'the signalling connection timed out on every rung',
    next: 'Check that WebSocket upgrades pass the proxy and that the ports are open',
  },
  'socket.handshake': {
    what: 'the socket.io handshake failed',
    next: 'Check the socket.io path and protocol version (Engine.IO v3)',
  },
};

/** Network failures: which step failed, how, and against which address. */
export const networkRule: Rule = {
  id: 'network',
  stage: 'final',
  run(log) {
    return log.all('step.failed').flatMap((failed) => {
      const known = NETWORK_CODES[failed.error.code];
      if (known === undefined) return [];

      const lowLevel = [...log.all('dns'), ...log.all('tcp'), ...log.all('tls')]
        .filter((event) => event.seq < failed.seq)
        .at(-1);
      const sdkError = log
        .all('readyStateChange')
        .find((event) => event.state === -1 && event.seq > failed.seq);
      const socketAborted = log.all('socketError').find((event) => event.errorCode === -3);
      const layer = failed.step === 'connect' || failed.step === 'join' ? 'signalling' : 'API';

      return [
        finding({
          id: `network.${failed.error.code}`,
          verdict:
            `The ${layer} step \`${failed.step}\` ` +
            `failed: ${known.what}. ${failed.error.message}`,
          confidence: 'high',
          severity: 'error',
          evidence: RunLog.seqs(
            lowLevel,
            failed,
            sdkError,
            layer === 'signalling' ? socketAborted : undefined,
          ),
          nextStep: known.next,
          catalogKey: `engine:${failed.error.code}`,
          detail: { step: failed.step, code: failed.error.code, ...(failed.error.detail ?? {}) },
        }),
      ];
    });
  },
};
