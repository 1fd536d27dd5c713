import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** The network-failure targets: a refused port and a server that never answers. */
export interface LoopbackTargets {
  /** A loopback port nothing listens on. */
  refusedPort: number;
  /** A loopback port that accepts connections and never sends a byte. */
  silentPort: number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Starts both targets. */
export async function startLoopbackTargets(): Promise<LoopbackTargets> {
  // Known limit: the refused port is bound and released at once; another process could take it
  // before a cell uses it, and that cell would then see whatever that process answers.
  const probe = createServer();
  const refusedPort = await listen(probe);
  await close(probe);

  const held = new Set<Socket>();
  const silent = createServer((socket) => {
    // Hold the connection open and say nothing, as a hung auth server does.
    held.add(socket);
    socket.on('close', () => held.delete(socket));
    socket.on('error', () => held.delete(socket));
  });
  const silentPort = await listen(silent);

  return {
    refusedPort,
    silentPort,
    close: async () => {
      for (const socket of held) socket.destroy();
      await close(silent);
    },
  };
}
