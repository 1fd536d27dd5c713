import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ExportFormat, PushMap, RunState, TimelineEvent } from '../../../electron/contract';
import { DEMO_APP_KEYS, DEMO_SECRETS } from '../../../electron/core/demo-apps';
import { configureLogging } from '../../../electron/core/logger';
import { createBackend } from '../../../electron/host/backend';
import type { Backend } from '../../../electron/host/backend-types';
import { createLogFileSink } from '../../../electron/host/log-file-sink';
import { SafeStorageVault } from '../../../electron/main/safe-storage-vault';
import { safeStorage } from '../../support/electron';
import { tempDir } from '../hostile/hostile-rig';

/** The demo credentials key's secret: the embedded sandbox only accepts this one. */
const SECRET = DEMO_SECRETS[DEMO_APP_KEYS.credentials] ?? '';
/** An outdated secret, for the 4005 run the diagnosis explains. */
const WRONG_SECRET = 'Outdated-Secret-7c1e94b2';

let dir: string;
let backend: Backend;
const states: PushMap['run:state'][] = [];
/** Every value that must never be in a file, found while the flow runs. */
const sensitive = new Set<string>();
const runIds: string[] = [];
const profileIds: string[] = [];
let logPath: string;

/** All plain-text forms a value could take in a file. */
function formsOf(value: string): string[] {
  const forms = [value, encodeURIComponent(value), encodeURIComponent(encodeURIComponent(value))];
  try {
    forms.push(decodeURIComponent(value));
  } catch {
    // Not percent-encoded text: its raw form is enough.
  }
  forms.push(Buffer.from(value, 'utf8').toString('base64'));

  return forms.filter((form) => form.length >= 8);
}

async function finished(runId: string): Promise<RunState> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = states.find(
      (item) => item.runId === runId && ['done', 'failed', 'cancelled'].includes(item.state),
    );
    if (state !== undefined) return state.state;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function saveProfile(name: string, kind: 'secret' | 'credentials', value: string) {
  const saved = await backend.handlers['profiles:save']({
    name,
    server: 'sandbox',
    appKey: DEMO_APP_KEYS.credentials,
    room: 'lobby',
    authMode: 'credentials',
    startDateTime: 'now',
    duration: 2,
    credentialsSource: kind === 'secret' ? 'secret' : 'given',
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const set = await backend.handlers['secrets:set'](saved.value.id, kind, value);
  if (!set.ok) throw new Error(set.error.message);
  profileIds.push(saved.value.id);

  return saved.value.id;
}

async function runProfile(profileId: string): Promise<{ runId: string; state: RunState }> {
  const started = await backend.handlers['run:start'](profileId);
  if (!started.ok) throw new Error(started.error.message);
  runIds.push(started.value.runId);

  return { runId: started.value.runId, state: await finished(started.value.runId) };
}

/**
 * Reads the real credentials and tokens of a run from its `include` export, which is the one
 * place they may appear (rendered in memory here, never written).
 */
async function collectSensitive(runId: string): Promise<void> {
  const exported = await backend.handlers['export:render'](runId, {
    format: 'json',
    redaction: 'include',
  });
  if (!exported.ok) throw new Error(exported.error.message);
  const bundle = JSON.parse(exported.value.text) as { events: TimelineEvent[] };
  for (const event of bundle.events) {
    if (event.type === 'http.request') {
      const cred = new URL(event.url).searchParams.get('cred');
      if (cred !== null) sensitive.add(cred);
    }
    if (event.type === 'http.response' && event.body.startsWith('{')) {
      const body = JSON.parse(event.body) as Record<string, unknown>;
      for (const key of ['roomCred', 'userCred']) {
        if (typeof body[key] === 'string') sensitive.add(body[key]);
      }
    }
  }
  // Even `include` never reveals an app secret.
  expect(exported.value.text).not.toContain(SECRET);
  expect(exported.value.text).not.toContain(WRONG_SECRET);
}

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);

    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  dir = tempDir('diag-secret-scan-');
  const logs = createLogFileSink({ dir: join(dir, 'logs') });
  logPath = logs.path;
  // Every level, so a secret passed to any log call would reach the file.
  configureLogging({ sinks: [logs.sink], level: 'trace' });
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  const vault = await SafeStorageVault.open({ safeStorage, dir, allowUnprotected: false });
  backend = await createBackend({ host: 'electron', dataDir: dir, vault });
  backend.onPush((channel, payload) => {
    if (channel === 'run:state') states.push(payload as PushMap['run:state']);
  });
  sensitive.add(SECRET);
  sensitive.add(WRONG_SECRET);

  const good = await saveProfile('Leak check: good secret', 'secret', SECRET);
  const goodRun = await runProfile(good);
  expect(goodRun.state).toBe('done');
  await collectSensitive(goodRun.runId);

  const wrong = await saveProfile('Leak check: wrong secret', 'secret', WRONG_SECRET);
  const wrongRun = await runProfile(wrong);
  expect(wrongRun.state).toBe('failed');
  await collectSensitive(wrongRun.runId);

  // The customer's credentials string, tested as given.
  const cred = [...sensitive].find((value) => value.endsWith('%3D') || value.endsWith('='));
  if (cred === undefined) throw new Error('the good run should have sent a cred parameter');
  const given = await saveProfile('Leak check: given credentials', 'credentials', cred);
  const givenRun = await runProfile(given);
  await collectSensitive(givenRun.runId);

  // Every export of every run, as a user would save it next to the data.
  mkdirSync(join(dir, 'exports'));
  for (const runId of runIds) {
    for (const format of ['json', 'har', 'md'] as ExportFormat[]) {
      for (const redaction of ['redact', 'hash'] as const) {
        const exported = await backend.handlers['export:render'](runId, { format, redaction });
        if (!exported.ok) throw new Error(exported.error.message);
        writeFileSync(join(dir, 'exports', `${runId}-${redaction}.${format}`), exported.value.text);
      }
    }
  }
  const profiles = await backend.handlers['profiles:export'](profileIds);
  if (!profiles.ok) throw new Error(profiles.error.message);
  writeFileSync(join(dir, 'exports', 'profiles.json'), profiles.value.text);
  await backend.close();
}, 60_000);

afterAll(() => {
  configureLogging({ sinks: [], level: 'error' });
  rmSync(dir, { recursive: true, force: true });
});

describe('secrets, credentials and tokens through the whole backend flow', () => {
  it('found the values to look for: both secrets, a credentials string and both tokens', () => {
    // Two secrets, the credentials of each run (the given run reuses one), two tokens per join.
    expect(sensitive.size).toBeGreaterThanOrEqual(5);
  });

  it('wrote the data folder a user would have: profiles, vault, history, log, exports', () => {
    const names = filesUnder(dir).map((path) => path.slice(dir.length + 1));

    expect(names).toContain('config.json');
    expect(names).toContain('secrets.bin');
    expect(names.filter((name) => name.startsWith('exports/'))).toHaveLength(3 * 6 + 1);
    expect(names.some((name) => /history|runs/.test(name))).toBe(true);
    expect(readFileSync(logPath, 'utf8').split('\n').length).toBeGreaterThan(5);
  });

  it('leaves no secret, credentials string or token in any file, in any encoding', () => {
    const forms = [...sensitive].flatMap(formsOf);
    for (const file of filesUnder(dir)) {
      const text = readFileSync(file, 'utf8');
      for (const form of forms) {
        expect(text.includes(form), `${form.slice(0, 6)}… in ${file.slice(dir.length)}`).toBe(
          false,
        );
      }
    }
  });

  it('marks where each value was taken out, so the exports stay useful', () => {
    const redacted = readFileSync(join(dir, 'exports', `${runIds[0]}-redact.json`), 'utf8');
    const hashed = readFileSync(join(dir, 'exports', `${runIds[0]}-hash.json`), 'utf8');

    expect(redacted).toMatch(/\[REDACTED:(credentials|roomCred|userCred)/);
    expect(hashed).toMatch(/\[REDACTED:(credentials|roomCred|userCred)#[0-9a-f]+\]/);
  });
});
