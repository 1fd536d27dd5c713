import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { connect as netConnect, isIP, type Socket } from 'node:net';

import { DiagnosticError } from './diagnostic-error';
import type { HttpGetRequest } from './http-client';
import type { HttpTimer } from './http-timings';

/**
 * Resolves the host to connect to with the injected lookup and reports a `dns` event; an IP
 * address needs no lookup and reports none.
 */
export async function resolveHost(
  host: string,
  req: HttpGetRequest,
  timer: HttpTimer,
): Promise<LookupAddress> {
  const family = isIP(host);
  if (family !== 0) return { address: host, family };

  const lookup = req.lookup ?? dnsLookup;
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) => {
    lookup(host, { all: true }, (error, result) => {
      if (error) {
        reject(
          new DiagnosticError(
            'dns.failed',
            `Expected \`${host}\` to resolve, got ${error.code ?? error.message}`,
            {
              host,
              code: error.code ?? null,
            },
          ),
        );
      } else resolve(result);
    });
  });
  const durationMs = timer.mark('dns');
  const first = addresses[0];
  if (first === undefined) {
    throw new DiagnosticError('dns.failed', `Expected \`${host}\` to resolve, got no address`, {
      host,
    });
  }
  req.observer.dns({
    host,
    addresses: addresses.map((entry) => entry.address),
    family: first.family === 4 || first.family === 6 ? first.family : null,
    durationMs,
  });

  return first;
}

/** Opens the TCP connection and reports a `tcp` event (`proxy` set when it is the proxy). */
export function openTcp(
  address: LookupAddress,
  port: number,
  sockets: Socket[],
  req: HttpGetRequest,
  timer: HttpTimer,
  proxy: URL | null,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: address.address, port, family: address.family });
    sockets.push(socket);
    socket.once('connect', () => {
      socket.off('error', onError);
      const durationMs = timer.mark('tcp');
      req.observer.tcp(
        proxy === null
          ? { address: address.address, port, durationMs }
          : { address: address.address, port, durationMs, proxy: req.proxy ?? '' },
      );
      resolve(socket);
    });
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(tcpError(error, address.address, port, proxy === null ? null : (req.proxy ?? '')));
    };
    socket.once('error', onError);
  });
}

function tcpError(
  error: NodeJS.ErrnoException,
  address: string,
  port: number,
  proxy: string | null,
): DiagnosticError {
  const where = `${address.includes(':') ? `[${address}]` : address}:${port}`;
  const detail = { address, port, code: error.code ?? null };
  if (proxy !== null) {
    return new DiagnosticError(
      'proxy.failed',
      `Expected the proxy \`${proxy}\` to accept a connection, got ${error.code ?? error.message}`,
      detail,
    );
  }
  switch (error.code) {
    case 'ECONNREFUSED':
      return new DiagnosticError(
        'tcp.refused',
        `Expected ${where} to accept a connection, got ECONNREFUSED`,
        detail,
      );
    case 'ETIMEDOUT':
      return new DiagnosticError(
        'tcp.timeout',
        `Expected ${where} to accept a connection, got ETIMEDOUT`,
        detail,
      );
    case undefined:
    default:
      return new DiagnosticError(
        'tcp.reset',
        `Expected ${where} to stay connected, got ${error.code ?? error.message}`,
        detail,
      );
  }
}
