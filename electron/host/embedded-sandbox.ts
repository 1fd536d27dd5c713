import type { SandboxStatus } from '../contract';
import { createLogger } from '../core/logger';

const log = createLogger('diag:embedded-sandbox');

/** What the embedded sandbox needs of the sandbox module; injected so tests can count starts. */
export interface SandboxHandle {
  url: string;
  close(): Promise<void>;
}

/** Starts a sandbox on 127.0.0.1 with the default scenario. */
export type SandboxStarter = () => Promise<SandboxHandle>;

async function startDefaultSandbox(): Promise<SandboxHandle> {
  // Loaded on demand: a backend that never runs a sandbox profile never pays for the server.
  const { createSandbox } = await import('../sandbox/index');
  const sandbox = await createSandbox();

  return { url: sandbox.url, close: () => sandbox.close() };
}

/**
 * The one sandbox embedded in a host: started lazily by the first run that needs it (or by
 * `sandbox:start`), shared by every run, stopped by `sandbox:stop` or when the host closes.
 * Concurrent starts share one server.
 */
export class EmbeddedSandbox {
  readonly #start: SandboxStarter;
  #handle: SandboxHandle | null = null;
  #starting: Promise<SandboxHandle> | null = null;

  constructor(start: SandboxStarter = startDefaultSandbox) {
    this.#start = start;
  }

  status(): SandboxStatus {
    return { running: this.#handle !== null, url: this.#handle?.url ?? null };
  }

  /** The running sandbox's URL, starting it first when needed. */
  async url(): Promise<string> {
    return (await this.#ensure()).url;
  }

  async start(): Promise<SandboxStatus> {
    await this.#ensure();

    return this.status();
  }

  async stop(): Promise<SandboxStatus> {
    const pending = this.#starting;
    if (pending !== null) await pending.catch(() => undefined);
    const handle = this.#handle;
    this.#handle = null;
    if (handle !== null) {
      await handle.close();
      log.info('embedded sandbox stopped', { url: handle.url });
    }

    return this.status();
  }

  async #ensure(): Promise<SandboxHandle> {
    if (this.#handle !== null) return this.#handle;

    this.#starting ??= this.#start()
      .then((handle) => {
        this.#handle = handle;
        log.info('embedded sandbox started', { url: handle.url });

        return handle;
      })
      .finally(() => {
        this.#starting = null;
      });

    return this.#starting;
  }
}
