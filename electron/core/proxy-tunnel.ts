import type { Socket } from 'node:net';

import { DiagnosticError } from './diagnostic-error';

/** The largest CONNECT answer the tunnel reads before giving up on the proxy. */
const MAX_PROXY_HEADER_BYTES = 16 * 1024;

/**
 * Asks an HTTP proxy, over an open socket, for a CONNECT tunnel to `host:port`. Resolves
 * once the proxy answers 2xx; the socket then carries the tunnelled bytes. Any other answer,
 * or the socket closing first, is `proxy.failed` naming the proxy's status line.
 */
export function openProxyTunnel(options: {
  socket: Socket;
  host: string;
  port: number;
  proxyUrl: string;
  headers?: Record<string, string>;
}): Promise<void> {
  const { socket, host, port, proxyUrl } = options;
  const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const cleanup = (): void => {
      socket.off('readable', onReadable);
      socket.off('close', onClose);
      socket.off('error', onError);
    };
    const failWith = (message: string, detail: Record<string, unknown> = {}): void => {
      cleanup();
      reject(new DiagnosticError('proxy.failed', message, { proxy: proxyUrl, ...detail }));
    };
    // Paused-mode reads: a flowing socket would keep emitting (and lose) tunnelled bytes
    // once this listener is gone, before TLS takes the socket over.
    const onReadable = (): void => {
      let chunk: unknown;
      while ((chunk = socket.read()) !== null) {
        if (Buffer.isBuffer(chunk)) buffered = Buffer.concat([buffered, chunk]);
      }
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buffered.length > MAX_PROXY_HEADER_BYTES) {
          failWith(
            `Expected the proxy \`${proxyUrl}\` to answer CONNECT, ` +
              `got ${buffered.length} bytes without a header end`,
          );
        }

        return;
      }
      const statusLine = buffered.subarray(0, buffered.indexOf('\r\n')).toString('latin1');
      const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? NaN);
      if (!(status >= 200 && status < 300)) {
        failWith(
          `Expected the proxy \`${proxyUrl}\` to open a ` +
            `tunnel to ${authority}, got \`${statusLine}\``,
          { status: Number.isNaN(status) ? null : status },
        );

        return;
      }
      cleanup();
      // Bytes after the header already belong to the tunnel.
      const rest = buffered.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      resolve();
    };
    const onClose = (): void => {
      failWith(`Expected the proxy \`${proxyUrl}\` to answer CONNECT, got the connection closed`);
    };
    const onError = (error: Error): void => {
      failWith(`Expected the proxy \`${proxyUrl}\` to answer CONNECT, got ${error.message}`);
    };

    socket.on('readable', onReadable);
    socket.on('close', onClose);
    socket.on('error', onError);
    const extra = Object.entries(options.headers ?? {})
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${extra}\r\n`);
  });
}
