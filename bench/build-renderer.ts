import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUILD_TIMEOUT_MS = 120_000;

/**
 * Builds the web renderer into a fresh temporary folder, so the bench measures the sources as
 * they are now and never writes over `out/web` while something else uses it.
 */
export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'skylink-bench-web-'));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      'npx',
      [
        'vite',
        'build',
        '--config',
        'renderer/vite.config.ts',
        '--outDir',
        outDir,
        '--logLevel',
        'error',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`the renderer build exited with code ${String(code)}`));
    });
  });

  return outDir;
}
