import type { Finding } from '../../contract';

import { finding, type Rule } from './rule';
import { RunLog, type EventOf } from './run-log';

/** Node's verdicts that mean "this chain does not lead to a CA we trust". */
const UNTRUSTED_CHAIN = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

// Known limit: interception is read from Node's verdict and self-issuance only; a corporate
// CA the user added with `caFile` verifies fine and is not flagged, and only the leaf
// certificate's issuer is named (intermediates are not in the event).
function isSelfIssued(tls: EventOf<'tls'>): boolean {
  return tls.peer !== null && tls.peer.issuer === tls.peer.subject;
}

function tlsFinding(log: RunLog, tls: EventOf<'tls'>): Finding | null {
  const error = tls.authorizationError;
  const suspicious = (error !== null && UNTRUSTED_CHAIN.has(error)) || isSelfIssued(tls);
  if (!suspicious && error === null) return null;

  const issuer = tls.peer?.issuer ?? 'unknown';
  const itself = isSelfIssued(tls) ? ' (itself)' : '';
  const failed = log.all('step.failed').find((event) => event.error.code.startsWith('tls.'));
  const interception = suspicious;

  return finding({
    id: interception ? 'network.tls-interception' : 'network.tls-invalid',
    verdict: interception
      ? `The server certificate was issued by \`${issuer}\`${itself}, ` +
        `which no trusted CA vouches for (${error ?? 'self-issued'}): ` +
        `a TLS-inspection proxy or a self-signed server sits in the path`
      : `The server certificate failed verification: ${error ?? ''}`,
    confidence: interception && failed !== undefined ? 'high' : 'medium',
    severity: tls.insecure ? 'warn' : 'error',
    evidence: RunLog.seqs(tls, failed),
    nextStep: interception
      ? 'Ask IT to exempt the Temasys hosts from TLS inspection, or give the corporate CA ' +
        'with `caFile`; compare the issuer with a run from another network'
      : 'Check the certificate dates and names (validFrom, validTo, subjectAltName) ' +
        'against the host',
    catalogKey: 'engine:tls.untrusted',
    detail: {
      issuer,
      subject: tls.peer?.subject ?? null,
      authorizationError: error,
      insecure: tls.insecure,
    },
  });
}

/** Proxy or TLS interception: an untrusted or self-issued chain, or a connection via a proxy. */
export const interceptionRule: Rule = {
  id: 'interception',
  stage: 'final',
  run(log) {
    const findings = log.all('tls').flatMap((tls) => {
      const found = tlsFinding(log, tls);
      return found === null ? [] : [found];
    });
    const proxied = log.all('tcp').filter((tcp) => tcp.proxy !== undefined && tcp.proxy !== '');
    const first = proxied[0];
    if (first !== undefined) {
      const failed = log.all('step.failed').find((event) => event.error.code === 'proxy.failed');
      const refused =
        failed === undefined ? '' : ', and the proxy refused or failed the connection';
      findings.push(
        finding({
          id: 'network.proxy',
          verdict: `The connections went through the HTTP proxy \`${first.proxy ?? ''}\`${refused}`,
          confidence: 'high',
          severity: failed === undefined ? 'info' : 'error',
          evidence: RunLog.seqs(...proxied, failed),
          nextStep:
            failed === undefined
              ? 'If the run fails further on, compare it with a run without the proxy: ' +
                'proxies often block WebSocket or inspect TLS'
              : 'Allow the Temasys hosts and ports on the proxy (CONNECT to 443/3443), or ' +
                'give it credentials',
          catalogKey: failed === undefined ? null : 'engine:proxy.failed',
          detail: { proxy: first.proxy ?? null },
        }),
      );
    }

    return findings;
  },
};
