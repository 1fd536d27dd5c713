import { Agent, type AgentOptions, type ClientRequestArgs } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';

import { openProxyTunnel } from './proxy-tunnel';

/** How the signalling socket reaches its server through an HTTP proxy. */
export interface ProxyAgentOptions {
  /** The proxy, `http://host:port`. */
  proxyUrl: string;
  /** Wrap the tunnel in TLS (a `wss:`/`https:` signalling server). */
  isSecure: boolean;
  ca: string | null;
  rejectUnauthorized: boolean;
}

/**
 * An `http.Agent` whose every connection is a CONNECT tunnel through an HTTP proxy, TLS on
 * top for secure targets. socket.io-client hands it to `ws` and to its polling XHR, so both
 * signalling transports go where the API request went.
 */
export class ProxyTunnelAgent extends Agent {
  readonly #options: ProxyAgentOptions;

  constructor(options: ProxyAgentOptions, agentOptions: AgentOptions = {}) {
    super({ keepAlive: false, ...agentOptions });
    this.#options = options;
    // `https.request` refuses an agent whose protocol is not `https:`.
    Object.assign(this, {
      protocol: options.isSecure ? 'https:' : 'http:',
      defaultPort: options.isSecure ? 443 : 80,
    });
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: (error: Error | null, stream: Duplex) => void,
  ): undefined {
    const done = (error: Error | null, stream?: Socket): void => {
      // The agent always passes a callback; without one there is nobody to hand a socket to.
      if (callback !== undefined) callback(error, stream as Duplex);
    };
    const proxy = new URL(this.#options.proxyUrl);
    const host = (options.hostname ?? options.host ?? 'localhost').replace(/^\[|\]$/g, '');
    const port = Number(options.port ?? (this.#options.isSecure ? 443 : 80));
    const socket = netConnect({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port || 80),
    });
    const onError = (error: Error): void => {
      socket.destroy();
      done(error);
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      openProxyTunnel({ socket, host, port, proxyUrl: this.#options.proxyUrl }).then(
        () => {
          if (!this.#options.isSecure) {
            done(null, socket);

            return;
          }
          const tls = tlsConnect({
            socket,
            host,
            servername: isIP(host) === 0 ? host : undefined,
            rejectUnauthorized: this.#options.rejectUnauthorized,
            ...(this.#options.ca === null ? {} : { ca: this.#options.ca }),
          });
          tls.once('secureConnect', () => {
            done(null, tls);
          });
          tls.once('error', (error: Error) => {
            tls.destroy();
            done(error);
          });
        },
        (error: unknown) => {
          socket.destroy();
          done(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });

    return undefined;
  }
}
