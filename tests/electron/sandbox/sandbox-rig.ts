import { afterEach } from 'vitest';

import { createSandbox, type Sandbox, type SandboxOptions } from '../../../electron/sandbox';

import type { TestSocket } from './sandbox-client';

/** The sandbox a test started and the sockets it opened; both are closed after each test. */
export interface SandboxRig {
  /** The running test's sandbox, once it started one. */
  readonly sandbox: Sandbox | undefined;
  /** Sockets a test pushes here are closed after it. */
  readonly sockets: TestSocket[];
  /** Starts a sandbox on 127.0.0.1 port 0 for this test only. */
  start(scenario?: unknown, options?: SandboxOptions): Promise<Sandbox>;
}

/** Registers the after-each clean-up in the calling test file and returns its rig. */
export function useSandboxRig(): SandboxRig {
  let sandbox: Sandbox | undefined;
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await sandbox?.close();
    sandbox = undefined;
  });

  return {
    get sandbox() {
      return sandbox;
    },
    sockets,
    start: async (scenario, options) => {
      sandbox = await createSandbox(scenario, options);

      return sandbox;
    },
  };
}
