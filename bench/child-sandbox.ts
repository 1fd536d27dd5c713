import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A sandbox running in a child process on 127.0.0.1. */
export interface ChildSandbox {
  url: string;
  /** The child's process id, for its memory figures. */
  pid: number;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

/** Starts `sandbox-process.ts` under tsx and waits for its URL. */
export function startChildSandbox(): Promise<ChildSandbox> {
  const script = fileURLToPath(new URL('./sandbox-process.ts', import.meta.url));
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the sandbox process did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox process exited early with code ${String(code)}`));
    });
    child.once('message', (message: { url?: string }) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      if (typeof message.url !== 'string' || child.pid === undefined) {
        reject(new Error('the sandbox process sent no URL'));

        return;
      }
      resolve({
        url: message.url,
        pid: child.pid,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) {
              done();

              return;
            }
            const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            child.once('exit', () => {
              clearTimeout(killTimer);
              done();
            });
            child.disconnect();
          }),
      });
    });
  });
}
