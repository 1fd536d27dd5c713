import { isIP, type Socket } from 'node:net';
import {
  connect as tlsConnect,
  type PeerCertificate as NodePeerCertificate,
  type TLSSocket,
} from 'node:tls';

import type { PeerCertificate } from '../contract';

import { DiagnosticError } from './diagnostic-error';
import type { HttpGetRequest } from './http-client';
import type { HttpTimer } from './http-timings';

/**
 * Runs the TLS handshake on an open socket and reports a `tls` event with the peer
 * certificate; an untrusted peer fails with `tls.untrusted` unless the plan is insecure.
 */
export function openTls(
  socket: Socket,
  host: string,
  sockets: Socket[],
  req: HttpGetRequest,
  timer: HttpTimer,
): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    // Certificates are checked by hand after the handshake so that an untrusted peer is still
    // reported with its certificate, which is what a support engineer needs to see.
    const tls = tlsConnect({
      socket,
      // The identity check uses `host`; without it Node checks the certificate for `localhost`.
      host,
      servername: isIP(host) === 0 ? host : undefined,
      rejectUnauthorized: false,
      ...(req.ca === null ? {} : { ca: req.ca }),
    });
    sockets.push(tls);
    tls.once('secureConnect', () => {
      tls.off('error', onError);
      const durationMs = timer.mark('tls');
      // Typed as an Error, but Node stores the verification code string (or null) here.
      const rawError: unknown = tls.authorizationError;
      const authorizationError =
        typeof rawError === 'string'
          ? rawError
          : rawError instanceof Error
            ? rawError.message
            : null;
      req.observer.tls({
        protocol: tls.getProtocol(),
        cipher: tls.getCipher().name,
        durationMs,
        authorized: tls.authorized,
        authorizationError,
        peer: describeCertificate(tls.getPeerCertificate()),
        insecure: req.insecure,
      });
      if (!tls.authorized && !req.insecure) {
        reject(
          new DiagnosticError(
            'tls.untrusted',
            `Expected a certificate trusted for \`${host}\`, ` +
              `got ${authorizationError ?? 'an unverified certificate'}`,
            { host, authorizationError },
          ),
        );

        return;
      }
      resolve(tls);
    });
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new DiagnosticError(
          'tls.failed',
          `Expected a TLS handshake with \`${host}\`, got ${error.code ?? error.message}`,
          {
            host,
            code: error.code ?? null,
          },
        ),
      );
    };
    tls.once('error', onError);
  });
}

function describeCertificate(cert: NodePeerCertificate | undefined): PeerCertificate | null {
  if (cert === undefined || Object.keys(cert).length === 0) return null;

  const names = (value: object | undefined): string =>
    Object.entries(value ?? {})
      .map(([key, item]) => `${key}=${Array.isArray(item) ? item.join('+') : String(item)}`)
      .join(', ');

  return {
    subject: names(cert.subject),
    issuer: names(cert.issuer),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    fingerprint256: cert.fingerprint256,
    subjectAltName: cert.subjectaltname ?? null,
  };
}
