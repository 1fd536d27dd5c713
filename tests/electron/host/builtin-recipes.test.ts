import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PushMap } from '../../../electron/contract';
import { BUILTIN_RECIPES } from '../../../electron/core/profiles/builtin-profiles';
import { createBackend } from '../../../electron/host/backend';
import type { Backend } from '../../../electron/host/backend-types';
import { MemoryVault } from '../../../electron/host/memory-vault';

let dir: string;
let backend: Backend;
const finals = new Map<string, PushMap['run:state']>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diag-recipes-'));
  backend = await createBackend({ host: 'web', dataDir: dir, vault: new MemoryVault() });
  backend.onPush((channel, payload) => {
    const state = payload as PushMap['run:state'];
    if (channel === 'run:state' && ['done', 'failed', 'cancelled'].includes(state.state)) {
      finals.set(state.runId, state);
    }
  });
});

afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('built-in recipes', () => {
  it.each(BUILTIN_RECIPES.map((recipe) => [recipe.profile.name, recipe] as const))(
    '%s reproduces its expected outcome against the embedded sandbox',
    async (_name, recipe) => {
      const started = await backend.handlers['run:start'](recipe.profile.id);
      if (!started.ok) throw new Error(started.error.message);
      const deadline = Date.now() + 15_000;
      while (!finals.has(started.value.runId) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      const headline = finals.get(started.value.runId)?.summary.headline ?? 'unfinished';
      expect(headline).toContain(recipe.expect);
    },
  );
});
