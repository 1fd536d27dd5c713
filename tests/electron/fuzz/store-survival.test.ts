import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import type { ProfileDraft } from '../../../electron/contract';
import { createBackend } from '../../../electron/host/backend';
import type { Backend } from '../../../electron/host/backend-types';
import { MemoryVault } from '../../../electron/host/memory-vault';
import { renderProfilesFile } from '../../../electron/host/profile-transfer';
import { tempDir } from '../hostile/hostile-rig';

import { mutationOf, nastyValue, RUNS, sampleProfile, textDamageOf, withValueAt } from './fuzz-rig';

const SAVED_COUNT = 5;

const DRAFT: ProfileDraft = {
  name: 'Draft',
  description: '',
  server: 'http://127.0.0.1:9',
  appKey: 'draft-key',
  room: 'lobby',
  authMode: 'cors',
  origin: 'https://app.example.com',
  startDateTime: null,
  duration: null,
  credentialsSource: 'secret',
  sdk: '0.6',
  network: {
    apiTimeoutMs: 4000,
    apiRetries: 2,
    socketTimeoutMs: 7000,
    joinTimeoutMs: 10_000,
    deadlineMs: 60_000,
    caFile: null,
    insecure: false,
    proxy: null,
  },
};

const IMPORT_TEXT = renderProfilesFile([
  sampleProfile({ id: 'import-1', name: 'Saved 0' }),
  sampleProfile({ id: 'import-2', name: 'Other' }),
]).text;

/** One thing a user, a bad file or another process can do to the store. */
type Op =
  | { kind: 'import'; text: string }
  | { kind: 'save'; draft: unknown }
  | { kind: 'remove'; id: string }
  | { kind: 'bad-entries'; entries: unknown[] }
  | { kind: 'reopen' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc
    .oneof(textDamageOf(IMPORT_TEXT), fc.constant(IMPORT_TEXT), fc.string({ maxLength: 80 }))
    .map((text) => ({ kind: 'import' as const, text })),
  mutationOf(DRAFT).map(({ path, next }) => ({
    kind: 'save' as const,
    draft: withValueAt(DRAFT, path, next),
  })),
  fc.oneof(fc.string({ maxLength: 30 }), fc.constant('builtin:cors-success')).map((id) => ({
    kind: 'remove' as const,
    id,
  })),
  fc.array(nastyValue, { minLength: 1, maxLength: 3 }).map((entries) => ({
    kind: 'bad-entries' as const,
    entries,
  })),
  fc.constant({ kind: 'reopen' as const }),
);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const open = (dataDir: string): Promise<Backend> =>
  createBackend({ host: 'web', dataDir, vault: new MemoryVault() });

async function savedIds(backend: Backend): Promise<string[]> {
  return (await backend.handlers['profiles:list']())
    .filter((entry) => !entry.builtIn)
    .map((entry) => entry.profile.id);
}

describe('the profile store under hostile imports and writes', () => {
  it(
    'keeps every saved profile whatever is ' + 'imported, saved, removed or written beside it',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
          const dir = tempDir('diag-store-fuzz-');
          dirs.push(dir);
          let backend = await open(dir);
          const kept: string[] = [];
          try {
            for (let i = 0; i < SAVED_COUNT; i += 1) {
              const saved = await backend.handlers['profiles:save']({
                ...DRAFT,
                name: `Saved ${i}`,
              });
              if (!saved.ok) throw new Error(saved.error.message);
              kept.push(saved.value.id);
            }

            for (const step of ops) {
              if (step.kind === 'import') await backend.handlers['profiles:import'](step.text);
              if (step.kind === 'save') {
                const result = await backend.handlers['profiles:save'](step.draft as ProfileDraft);
                // An accepted draft never overwrites: it had no id, so it got a fresh one.
                if (result.ok) expect(kept).not.toContain(result.value.id);
              }
              if (step.kind === 'remove') {
                fc.pre(!kept.includes(step.id));
                await backend.handlers['profiles:remove'](step.id);
              }
              if (step.kind === 'bad-entries' || step.kind === 'reopen') {
                await backend.close();
                if (step.kind === 'bad-entries') {
                  const file = join(dir, 'config.json');
                  const data = JSON.parse(readFileSync(file, 'utf8')) as { profiles: unknown[] };
                  data.profiles.splice(1, 0, ...step.entries);
                  writeFileSync(file, JSON.stringify(data));
                }
                backend = await open(dir);
              }
              expect(await savedIds(backend)).toEqual(expect.arrayContaining(kept));
            }
          } finally {
            await backend.close();
          }
        }),
        { numRuns: Math.max(15, RUNS / 20) },
      );
    },
    60_000,
  );

  it('keeps what a cut or garbled file still holds, live or in a copy', async () => {
    const dir = tempDir('diag-store-cut-');
    dirs.push(dir);
    let backend = await open(dir);
    const kept: string[] = [];
    for (let i = 0; i < SAVED_COUNT; i += 1) {
      const saved = await backend.handlers['profiles:save']({ ...DRAFT, name: `Saved ${i}` });
      if (saved.ok) kept.push(saved.value.id);
    }
    await backend.close();
    const file = join(dir, 'config.json');
    const original = readFileSync(file, 'utf8');

    await fc.assert(
      fc.asyncProperty(textDamageOf(original), async (damaged) => {
        fc.pre(damaged !== original);
        writeFileSync(file, damaged);
        for (const name of readdirSync(dir)) {
          if (name.includes('.corrupt-')) rmSync(join(dir, name));
        }
        backend = await open(dir);
        const live = await savedIds(backend);
        await backend.close();

        // Unreadable as it stands, the text must survive on disk (in the file, or in a copy set
        // aside), so the user can recover every profile by hand.
        const onDisk = readdirSync(dir)
          .filter((name) => name.startsWith('config'))
          .map((name) => readFileSync(join(dir, name), 'utf8'))
          .join('\n');
        // A cut can destroy data itself; what the damaged text still held must not be lost.
        for (const id of kept.filter((item) => damaged.includes(item))) {
          expect(live.includes(id) || onDisk.includes(id)).toBe(true);
        }
        const isCopied = readdirSync(dir).some((name) => name.includes('.corrupt-'));
        if (isCopied) expect(onDisk).toContain(damaged);
        writeFileSync(file, original);
      }),
      { numRuns: Math.max(30, RUNS / 5) },
    );
  }, 60_000);
});
