import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import {
  createServer as createNetServer,
  type AddressInfo,
  type Server as NetServer,
} from 'node:net';

import type { Server as IoServer } from 'socket.io';

import { offsetClock, systemClock, type Clock } from '../core/clock';
import { DiagnosticError } from '../core/diagnostic-error';
import { createLogger } from '../core/logger';

import { createApiHandler } from './api-handler';
import type { SignallingTarget } from './api-response';
import { defaultScenario } from './default-scenario';
import { createLifecycle } from './lifecycle';
import { parseScenario } from './parse-scenario';
import { createSandboxState } from './sandbox-state';
import type { Scenario } from './scenario-types';
import { attachSignalling } from './signalling-server';
import { createTokenMinter } from './token-minter';

const log = createLogger('diag:sandbox');

/** How to run a sandbox. */
export interface SandboxOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default the system clock; either way shifted by the scenario's `clockOffsetMs`. */
  clock?: Clock;
  /** Serve HTTPS and WSS instead of HTTP and WS. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

/** A running sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:53121`, no trailing slash. */
  url: string;
  scenario: Scenario;
  /** The ports advertised in `httpPortList`/`httpsPortList`, in order. */
  signallingPorts: number[];
  /** Closes every server and socket; safe to call twice. */
  close(): Promise<void>;
}

function listen(server: NetServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: NetServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();

      return;
    }
    server.close(() => resolve());
  });
}

/**
 * A port that refuses connections: bound, then released.
 * Known limit: another process could take the port in between and answer on it.
 */
async function reserveClosedPort(host: string): Promise<number> {
  const probe = createNetServer();
  const port = await listen(probe, 0, host);
  await closeServer(probe);

  return port;
}

function resolveScenario(input: unknown): Scenario {
  if (input === undefined) return defaultScenario();
  const parsed = parseScenario(input);
  if (!parsed.ok) {
    throw new DiagnosticError('input.invalid', parsed.error.message, parsed.error.detail);
  }

  return parsed.value;
}

/** Starts the reference Skylink platform: the auth API and the signalling servers. */
export async function createSandbox(
  scenarioInput?: unknown,
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const scenario = resolveScenario(scenarioInput);
  const host = options.host ?? '127.0.0.1';
  const advertisedHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const clock = offsetClock(options.clock ?? systemClock, scenario.clockOffsetMs);
  const state = createSandboxState(scenario, clock, createTokenMinter());
  const life = createLifecycle();
  const protocol = options.tls === undefined ? 'http:' : 'https:';
  const signallingPorts: number[] = [];
  const target = (req: IncomingMessage): SignallingTarget => ({
    host: advertisedHost,
    ports: signallingPorts,
    protocol,
    withPort:
      scenario.ipSigserverStyle === 'host-port' ||
      (scenario.ipSigserverStyle === 'auto' && req.headers['x-server-select'] !== undefined),
  });
  const handler = createApiHandler({ state, life, target });
  const makeServer = (): Server =>
    options.tls === undefined ? createHttpServer(handler) : createHttpsServer(options.tls, handler);

  const httpServers: Server[] = [];
  const ioServers: IoServer[] = [];
  const deadServers: NetServer[] = [];
  const startLive = async (port: number) => {
    const server = makeServer();
    ioServers.push(attachSignalling({ httpServer: server, state, life }));
    httpServers.push(server);

    return listen(server, port, host);
  };

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      life.close();
      for (const io of ioServers) {
        io.disconnectSockets(true);
        io.engine.close();
      }
      for (const server of httpServers) server.closeAllConnections();
      await Promise.all([...httpServers, ...deadServers].map(closeServer));
      log.debug('sandbox closed');
    })();

    return closing;
  };

  try {
    for (let i = 0; i < scenario.signalling.deadPorts; i += 1) {
      if (scenario.signalling.deadPortMode === 'closed') {
        signallingPorts.push(await reserveClosedPort(host));
        continue;
      }
      // `reset`: the TCP connection opens and is destroyed at once.
      const dead = createNetServer((socket) => socket.destroy());
      deadServers.push(dead);
      signallingPorts.push(await listen(dead, 0, host));
    }
    const mainPort = await startLive(options.port ?? 0);
    signallingPorts.push(mainPort);
    for (let i = 0; i < scenario.signalling.extraLivePorts; i += 1) {
      signallingPorts.push(await startLive(0));
    }
    const urlHost = advertisedHost.includes(':') ? `[${advertisedHost}]` : advertisedHost;
    const url = `${protocol}//${urlHost}:${mainPort}`;
    log.info('sandbox listening', { url, signallingPorts });

    return { url, scenario, signallingPorts: [...signallingPorts], close };
  } catch (error) {
    await close();
    throw DiagnosticError.from(error);
  }
}
