import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PushMap, RepeatSummary, RunState, TimelineEvent } from '../../../electron/contract';
import { computeCredentials } from '../../../electron/core/credentials';
import { BUILTIN_RECIPES } from '../../../electron/core/profiles/builtin-profiles';
import { createBackend } from '../../../electron/host/backend';
import type { Backend } from '../../../electron/host/backend-types';
import { MemoryVault } from '../../../electron/host/memory-vault';

interface Seen {
  events: PushMap['run:events'][];
  states: PushMap['run:state'][];
}

let dir: string;
let backend: Backend;
const seen: Seen = { events: [], states: [] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diag-backend-'));
  backend = await createBackend({ host: 'web', dataDir: dir, vault: new MemoryVault() });
  backend.onPush((channel, payload) => {
    if (channel === 'run:events') seen.events.push(payload as PushMap['run:events']);
    if (channel === 'run:state') seen.states.push(payload as PushMap['run:state']);
  });
});

afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits for a run's final `run:state` push. */
async function finished(runId: string): Promise<PushMap['run:state']> {
  const deadline = Date.now() + 15_000;
  const final: RunState[] = ['done', 'failed', 'cancelled'];
  for (;;) {
    const state = seen.states.find((item) => item.runId === runId && final.includes(item.state));
    if (state !== undefined) return state;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Polls a repeat batch until `isReady` holds for its summary (or 20 s pass), and returns it. */
async function batchWhen(
  repeatId: string,
  isReady: (summary: RepeatSummary) => boolean,
): Promise<RepeatSummary> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const summary = await backend.handlers['repeat:get'](repeatId);
    if (!summary.ok) throw new Error(summary.error.message);
    if (isReady(summary.value) || Date.now() > deadline) return summary.value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function runRecipe(profileId: string) {
  const started = await backend.handlers['run:start'](profileId);
  if (!started.ok) throw new Error(started.error.message);

  return { runId: started.value.runId, state: await finished(started.value.runId) };
}

describe('createBackend()', () => {
  it('refuses the no-keyring opt-in where the vault keeps secrets in memory only', async () => {
    const answer = await backend.handlers['secrets:store-without-keyring'](true);

    expect(answer).toMatchObject({ ok: false, error: { code: 'secret.unavailable' } });
    expect(await backend.handlers['secrets:status']()).toMatchObject({
      backend: 'memory',
      storeWithoutKeyring: null,
    });
  });

  it('lists the built-in recipes before saved profiles', async () => {
    const list = await backend.handlers['profiles:list']();

    expect(list.filter((entry) => entry.builtIn)).toHaveLength(BUILTIN_RECIPES.length);
    expect(list[0]?.expect).toBe('COMPLETED');
  });

  it(
    'runs a built-in CORS recipe against the ' + 'embedded sandbox: events, states, history',
    async () => {
      const { runId, state } = await runRecipe('builtin:cors-success');

      expect(state.state).toBe('done');
      expect(state.summary.headline).toBe('COMPLETED, joined');
      const pushed = seen.events.filter((batch) => batch.runId === runId).flatMap((b) => b.events);
      const seqs = pushed.map((event) => event.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(pushed[0]?.type).toBe('run.start');
      expect(pushed.at(-1)?.type).toBe('result');
      expect(pushed.some((event) => event.type === 'peerJoined')).toBe(true);
      const states = seen.states.filter((item) => item.runId === runId).map((item) => item.state);
      expect(states).toEqual(['http', 'signalling', 'done']);

      const since = await backend.handlers['run:events-since'](runId, 2);
      expect(since.ok && since.value.map((event: TimelineEvent) => event.seq)).toEqual(
        seqs.slice(2),
      );
      expect((await backend.handlers['run:list']())[0]?.runId).toBe(runId);
      expect((await backend.handlers['sandbox:status']()).running).toBe(true);
    },
  );

  it(
    'reproduces the failure a recipe names ' + '(wrong secret: 4005) without a secret leaking',
    async () => {
      const { runId, state } = await runRecipe('builtin:wrong-secret');

      expect(state.state).toBe('failed');
      expect(state.summary.headline).toMatch(/^ERROR 4005/);
      const stored = readFileSync(join(dir, 'runs', `${runId}.json`), 'utf8');
      expect(stored).not.toContain('not-the-demo-secret');
    },
  );

  it('runs a duplicated sandbox recipe with the demo secret when the vault has none', async () => {
    const copy = await backend.handlers['profiles:duplicate']('builtin:credentials-success');
    if (!copy.ok) throw new Error(copy.error.message);

    const { state } = await runRecipe(copy.value.id);

    expect(copy.value.name).toBe('Sandbox: credentials success (copy)');
    expect(state.summary.headline).toBe('COMPLETED, joined');
  });

  it('exports a finished run and keeps it across a restart', async () => {
    const { runId } = await runRecipe('builtin:no-origin');
    const exported = await backend.handlers['export:render'](runId, {
      format: 'json',
      redaction: 'redact',
    });
    expect(exported.ok).toBe(true);

    const again = await createBackend({ host: 'web', dataDir: dir, vault: new MemoryVault() });
    const log = await again.handlers['run:get'](runId);
    const include = await again.handlers['export:render'](runId, {
      format: 'json',
      redaction: 'include',
    });
    await again.close();

    expect(log.ok && log.value.summary.headline).toMatch(/^ERROR 4004/);
    expect(include.ok).toBe(false);
  });

  it(
    'uses the vault: a saved secret wins over the ' +
      'demo one, a given credentials string is sent',
    async () => {
      const base = {
        server: 'sandbox',
        appKey: 'demo-credentials-key',
        room: 'lobby',
        authMode: 'credentials' as const,
        startDateTime: new Date(Date.now() - 3_600_000).toISOString(),
        duration: 2,
      };
      const wrong = await backend.handlers['profiles:save']({
        ...base,
        name: 'Vault wrong secret',
      });
      const given = await backend.handlers['profiles:save']({
        ...base,
        name: 'Vault given credentials',
        credentialsSource: 'given',
      });
      if (!wrong.ok || !given.ok) throw new Error('save failed');
      await backend.handlers['secrets:set'](wrong.value.id, 'secret', 'a-secret-nobody-registered');
      const missing = await backend.handlers['run:start'](given.value.id);
      const { credentials } = computeCredentials({
        room: 'lobby',
        duration: '2',
        startDateTime: base.startDateTime,
        secret: 'demo-credentials-secret',
      });
      await backend.handlers['secrets:set'](given.value.id, 'credentials', credentials);

      expect((await runRecipe(wrong.value.id)).state.summary.headline).toMatch(/^ERROR 4005/);
      expect(missing.ok || missing.error.code).toBe('secret.missing');
      expect((await runRecipe(given.value.id)).state.summary.headline).toBe('COMPLETED, joined');
      const listed = await backend.handlers['profiles:list']();
      expect(listed.find((entry) => entry.profile.id === given.value.id)?.hasSecret).toBe(true);
    },
  );

  it('cancels a live run', async () => {
    const started = await backend.handlers['run:start']('builtin:persistent-success');
    if (!started.ok) throw new Error(started.error.message);
    expect((await backend.handlers['run:cancel'](started.value.runId)).ok).toBe(true);

    expect((await finished(started.value.runId)).state).toBe('cancelled');
  });

  it('pushes the events of a run in few batches, not one push per event', async () => {
    const { runId, state } = await runRecipe('builtin:sdk-2x-success');
    const batches = seen.events.filter((batch) => batch.runId === runId);
    const events = batches.reduce((sum, batch) => sum + batch.events.length, 0);

    expect(events).toBe(state.summary.eventCount);
    // One batch per 50 ms at most, plus one flush before each of the three state changes.
    expect(batches.length).toBeLessThanOrEqual(Math.ceil((state.summary.durationMs ?? 0) / 50) + 4);
    expect(batches.length).toBeLessThan(events);
  });

  it('runs a repeat batch, pushes progress and keeps runs that open like any run', async () => {
    const progress: PushMap['repeat:progress'][] = [];
    const stop = backend.onPush((channel, payload) => {
      if (channel === 'repeat:progress') progress.push(payload as PushMap['repeat:progress']);
    });
    const started = await backend.handlers['repeat:start']('builtin:seat-limit', {
      count: 6,
      concurrency: 3,
      intervalMs: 0,
    });
    if (!started.ok) throw new Error(started.error.message);
    const summary = await batchWhen(started.value.repeatId, (batch) => batch.finishedAt !== null);
    stop();

    expect(summary.done).toBe(6);
    expect(summary.outcomes).toEqual({ 'ERROR 4020': 6 });
    expect(progress.at(-1)?.done).toBe(6);
    const keptId = summary.keptRunIds[0] ?? '';
    const kept = await backend.handlers['run:get'](keptId);
    expect(kept.ok && kept.value.summary.headline).toMatch(/^ERROR 4020/);
    expect(kept.ok && kept.value.summary.repeatId).toBe(started.value.repeatId);
  });

  it('opens a kept run while its batch is still going', async () => {
    const started = await backend.handlers['repeat:start']('builtin:seat-limit', {
      count: 4,
      concurrency: 1,
      intervalMs: 400,
    });
    if (!started.ok) throw new Error(started.error.message);
    const repeatId = started.value.repeatId;
    const summary = await batchWhen(repeatId, (batch) => batch.keptRunIds.length > 0);
    const keptId = summary.keptRunIds[0] ?? '';

    const kept = await backend.handlers['run:get'](keptId);
    const during = await backend.handlers['repeat:get'](repeatId);

    expect(during.ok && during.value.finishedAt).toBeNull();
    expect(kept.ok && kept.value.summary.headline).toMatch(/^ERROR 4020/);
    expect(kept.ok && kept.value.events.at(-1)?.type).toBe('result');
    await backend.handlers['repeat:cancel'](repeatId);
  });

  it('says a batch no longer keeps a run its sample replaced', async () => {
    const started = await backend.handlers['repeat:start']('builtin:cors-success', {
      count: 8,
      concurrency: 2,
      intervalMs: 0,
    });
    if (!started.ok) throw new Error(started.error.message);
    const repeatId = started.value.repeatId;
    const summary = await batchWhen(repeatId, (batch) => batch.finishedAt !== null);
    const kept = new Set(summary.keptRunIds);
    const dropped = Array.from({ length: 8 }, (_, index) => `${repeatId}-${index + 1}`).find(
      (runId) => !kept.has(runId),
    );

    expect(kept.size).toBe(5);
    const answer = await backend.handlers['run:get'](dropped ?? '');
    expect(answer.ok || answer.error.message).toMatch(/is no longer kept/);
  });

  it('answers a bad request with a Result error, never a throw', async () => {
    const missing = await backend.handlers['run:start']('no-such-profile');
    const readOnly = await backend.handlers['secrets:set'](
      'builtin:cors-success',
      'secret',
      'abcd',
    );
    const repeat = await backend.handlers['repeat:start']('builtin:cors-success', {
      count: 0,
      concurrency: 1,
      intervalMs: 0,
    });

    expect(missing.ok || missing.error.code).toBe('profile.not-found');
    expect(readOnly.ok).toBe(false);
    expect(repeat.ok).toBe(false);
  });
});
