import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

// Slow-ish (about 10 s here: electron-vite build, then electron-builder --dir). It needs no
// network: electron-builder is pointed at a placeholder Electron distribution.
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(archive: string): string[] };

const root = join(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'diag-package-'));

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

function placeholderElectron(): string {
  const dist = join(temp, 'electron-dist');
  execFileSync('mkdir', ['-p', join(dist, 'resources')]);
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho placeholder electron\n');
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'version'), '45.6.0');

  return dist;
}

/**
 * The project's electron-builder config without its `electronFuses` block: the placeholder
 * binary has no fuse wire to flip. The fuses themselves are checked in the config text.
 */
function configWithoutFuses(): string {
  const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const path = join(temp, 'electron-builder.yml');
  writeFileSync(path, text.replace(/^electronFuses:\n(?: {2}.*\n)+/m, ''));

  return path;
}

describe('packaging', () => {
  it('flips the fuses that keep the packaged app from running as plain Node', () => {
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

    expect(text).toMatch(/^electronFuses:$/m);
    for (const fuse of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'onlyLoadAppFromAsar: true',
      'enableEmbeddedAsarIntegrityValidation: true',
    ]) {
      expect(text).toContain(`  ${fuse}\n`);
    }
    expect(configWithoutFuses()).not.toBe('');
    expect(readFileSync(configWithoutFuses(), 'utf8')).not.toContain('electronFuses');
  });

  it('builds app.asar with the built app and package.json, and no tests or sources', () => {
    const npx = (args: string[]): void => {
      execFileSync('npx', args, { cwd: root, stdio: 'pipe', timeout: 120_000 });
    };
    npx(['electron-vite', 'build']);
    const output = join(temp, 'release');
    npx([
      'electron-builder',
      '--dir',
      '--linux',
      '--publish',
      'never',
      `-c.electronDist=${placeholderElectron()}`,
      '-c.electronVersion=45.6.0',
      '--config',
      configWithoutFuses(),
      `-c.directories.output=${output}`,
    ]);

    const files = asar.listPackage(join(output, 'linux-unpacked', 'resources', 'app.asar'));
    const own = files.filter((file) => !file.startsWith('/node_modules/'));

    expect(own).toContain('/out/main/index.js');
    expect(own).toContain('/out/preload/index.cjs');
    expect(own).toContain('/out/renderer/index.html');
    expect(own).toContain('/package.json');
    expect(files.some((file) => file.startsWith('/tests'))).toBe(false);
    expect(own.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    expect(files.some((file) => file.startsWith('/node_modules/conf/'))).toBe(true);
  }, 180_000);
});
