import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { build } from 'vite';

/** The two SkylinkJS builds the conformance suite loads, both straight from node_modules. */
export type SdkVersion = '0.6.37' | '2.7.2';

/** Every SDK version under test, in table order. */
export const SDK_VERSIONS: readonly SdkVersion[] = ['0.6.37', '2.7.2'];

const require = createRequire(import.meta.url);

/**
 * The 2.x package ships only ES sources, so the page needs a bundle. The entry lives in a
 * temporary folder so that nothing of the SDK is copied into the project: it imports the
 * installed package by its resolved path and hangs the exports on `window`, as the SDK's own
 * UMD build does.
 */
function entrySource(): string {
  const sdkEntry = JSON.stringify(require.resolve('skylinkjs'));

  return [
    `import Skylink, { SkylinkEventManager, SkylinkEvents, SkylinkConstants } from ${sdkEntry};`,
    'Object.assign(window, { Skylink, SkylinkEventManager, SkylinkEvents, SkylinkConstants });',
    '',
  ].join('\n');
}

let bundle2x: Promise<string> | null = null;

/** Bundles `skylinkjs` 2.7.2 for the browser into a temporary folder; built once per process. */
export function bundleSkylink2x(): Promise<string> {
  bundle2x ??= buildSkylink2x();

  return bundle2x;
}

async function buildSkylink2x(): Promise<string> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'skylink-2x-'));
  const entry = path.join(workDir, 'entry.js');
  const outDir = path.join(workDir, 'out');
  await writeFile(entry, entrySource());
  await build({
    configFile: false,
    logLevel: 'silent',
    root: workDir,
    // The SDK reads `process.env` in a few places; a browser has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      write: true,
      minify: false,
      sourcemap: false,
      lib: {
        entry,
        formats: ['iife'],
        name: 'SkylinkConformance',
        fileName: () => 'skylink-2x.js',
      },
    },
  });

  return readFile(path.join(outDir, 'skylink-2x.js'), 'utf8');
}

/** The 0.6.37 complete browser build (with socket.io-client 1.4.8 and AdapterJS), as shipped. */
export function readSkylink06(): Promise<string> {
  const packageJson = require.resolve('skylinkjs-06/package.json');

  return readFile(path.join(path.dirname(packageJson), 'publish', 'skylink.complete.js'), 'utf8');
}

/** The script of an SDK version, ready to serve. */
export function sdkScript(version: SdkVersion): Promise<string> {
  return version === '0.6.37' ? readSkylink06() : bundleSkylink2x();
}
