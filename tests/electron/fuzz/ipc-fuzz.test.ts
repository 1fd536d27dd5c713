import { rmSync } from 'node:fs';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  ERROR_CODES,
  INVOKE_ARG_SCHEMAS,
  INVOKE_CHANNELS,
  type InvokeChannel,
} from '../../../electron/contract';
import { createBackend } from '../../../electron/host/backend';
import type { Backend } from '../../../electron/host/backend-types';
import { MemoryVault } from '../../../electron/host/memory-vault';
import { handleWebMessage } from '../../../electron/host/web-host-protocol';
import { closedPort, tempDir } from '../hostile/hostile-rig';

import { nastyValue, RUNS } from './fuzz-rig';

vi.mock('electron', () => import('../../support/electron'));

const electron = await import('../../support/electron');
const { registerIpc } = await import('../../../electron/main/register-ipc');

const RENDERER_URL = 'file:///opt/skylink/resources/app.asar/out/renderer/index.html';

let dir: string;
let backend: Backend;
let window: InstanceType<typeof electron.BrowserWindow>;
let savedId: string;

beforeAll(async () => {
  dir = tempDir('diag-ipc-fuzz-');
  // Built-in recipes run against a closed loopback port: fuzzed runs end at once, offline.
  backend = await createBackend({
    host: 'electron',
    dataDir: dir,
    vault: new MemoryVault(),
    sandboxUrl: `http://127.0.0.1:${await closedPort()}`,
  });
  electron.ipcMain.reset();
  window = new electron.BrowserWindow({});
  registerIpc({
    ipcMain: electron.ipcMain,
    backend,
    getWindow: () => window,
    rendererUrl: RENDERER_URL,
  });
  const saved = await backend.handlers['profiles:save']({
    name: 'Fuzz target',
    server: 'http://127.0.0.1:9',
    appKey: 'fuzz-key',
    room: 'lobby',
  });
  if (!saved.ok) throw new Error(saved.error.message);
  savedId = saved.value.id;
});
afterAll(async () => {
  electron.ipcMain.reset();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const trusted = () => ({
  sender: { id: window.webContents.id },
  senderFrame: { url: RENDERER_URL, parent: null },
});

/** An id that names nothing, or something that exists; repeat batches never get a real one. */
function idArb(channel: InvokeChannel): fc.Arbitrary<unknown> {
  const real = channel.startsWith('repeat:') ? [] : [savedId, 'builtin:cors-success'];

  return fc.oneof(
    fc.constantFrom('', 'no-such-id', 'x'.repeat(201), ...real),
    fc.string({ maxLength: 30 }),
    nastyValue,
  );
}

/** Arguments near the channel's schema: the right arity, values that may or may not fit. */
function nearArgs(channel: InvokeChannel): fc.Arbitrary<unknown[]> {
  const id = idArb(channel);
  const options = fc.record(
    {
      count: fc.oneof(fc.integer({ min: -1, max: 3 }), nastyValue),
      concurrency: fc.oneof(fc.integer({ min: 0, max: 2 }), nastyValue),
      intervalMs: fc.oneof(fc.integer({ min: -1, max: 10 }), nastyValue),
      format: fc.constantFrom('json', 'har', 'md', 'pdf', 1),
      redaction: fc.constantFrom('redact', 'hash', 'include', 'none'),
    },
    { requiredKeys: [] },
  );
  switch (channel) {
    case 'profiles:save':
      return fc
        .record(
          {
            name: fc.oneof(fc.string({ maxLength: 10 }), nastyValue),
            server: fc.oneof(fc.constantFrom('http://127.0.0.1:9', 'nope'), nastyValue),
            appKey: fc.oneof(fc.string({ maxLength: 10 }), nastyValue),
            room: fc.oneof(fc.string({ maxLength: 10 }), nastyValue),
            authMode: fc.constantFrom('cors', 'credentials', 'other'),
          },
          { requiredKeys: [] },
        )
        .map((draft) => [draft]);
    case 'profiles:export':
      return fc.oneof(fc.array(id, { maxLength: 3 }), nastyValue).map((ids) => [ids]);
    case 'profiles:import':
    case 'import:bundle':
      return fc.oneof(fc.string({ maxLength: 200 }), nastyValue).map((text) => [text]);
    case 'import:har-profile':
      return fc.tuple(
        fc.oneof(fc.string({ maxLength: 100 }), nastyValue),
        fc.oneof(fc.boolean(), nastyValue),
      );
    case 'secrets:set':
      return fc.tuple(
        id,
        fc.constantFrom('secret', 'credentials', 'token'),
        fc.oneof(fc.string(), nastyValue),
      );
    case 'secrets:store-without-keyring':
      return fc.tuple(fc.oneof(fc.boolean(), nastyValue));
    case 'run:events-since':
      return fc.tuple(id, fc.oneof(fc.integer({ min: -2, max: 5 }), nastyValue));
    case 'repeat:start':
    case 'export:render':
      return fc.tuple(id, fc.oneof(options, nastyValue));
    case 'profiles:remove':
    case 'profiles:duplicate':
    case 'secrets:clear':
    case 'run:start':
    case 'run:cancel':
    case 'run:get':
    case 'repeat:cancel':
    case 'repeat:get':
      return fc.tuple(id);
    case 'app:info':
    case 'app:renderer-ready':
    case 'catalog:list':
    case 'profiles:list':
    case 'run:list':
    case 'repeat:list':
    case 'sandbox:start':
    case 'sandbox:status':
    case 'sandbox:stop':
    case 'secrets:status':
      return fc.constant([]);
  }
}

/** Any argument list: near the schema, arbitrary values, or the wrong arity. */
function argsArb(channel: InvokeChannel): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    { weight: 3, arbitrary: nearArgs(channel) },
    { weight: 1, arbitrary: fc.array(nastyValue, { maxLength: 4 }) },
    { weight: 1, arbitrary: nearArgs(channel).map((args) => [...args, 'extra']) },
  );
}

/** A `Result` failure, if `value` is one. */
function failure(value: unknown): { code: string; message: string } | null {
  if (value === null || typeof value !== 'object' || !('ok' in value) || value.ok !== false) {
    return null;
  }

  return (value as unknown as { error: { code: string; message: string } }).error;
}

describe('registerIpc() under fuzzed arguments', () => {
  for (const channel of INVOKE_CHANNELS) {
    it(`answers \`${channel}\` with a Result or its value, never a throw`, async () => {
      // sandbox:start would bind a real sandbox each time; once is enough to prove it answers.
      const numRuns = channel.startsWith('sandbox:') ? 3 : Math.max(30, Math.round(RUNS / 5));
      await fc.assert(
        fc.asyncProperty(argsArb(channel), async (args) => {
          const answer = await electron.ipcMain.invoke(channel, trusted(), ...args);
          const isValid = INVOKE_ARG_SCHEMAS[channel].safeParse(args).success;
          const error = failure(answer);

          expect(answer).not.toBeUndefined();
          if (!isValid) {
            // Refused before the backend saw it, naming the argument and the channel.
            expect(error?.code).toBe('input.invalid');
            expect(error?.message).toContain(`\`${channel}\``);
          }
          if (error !== null) {
            expect(ERROR_CODES).toContain(error.code);
            expect(error.code).not.toBe('internal');
            expect(error.message).not.toMatch(/\n\s+at /);
          }
        }),
        { numRuns },
      );
    }, 60_000);
  }

  it('rejects a valid draft with a broken required field, naming `draft.<field>`', async () => {
    const draft = { name: 'Ok', server: 'http://127.0.0.1:9', appKey: 'k', room: 'lobby' };
    expect(
      (await electron.ipcMain.invoke('profiles:save', trusted(), draft)) as object,
    ).toMatchObject({
      ok: true,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('name', 'server', 'appKey', 'room'),
        fc.constantFrom(undefined, '', null, 5, [], {}, true),
        async (field, value) => {
          const broken: Record<string, unknown> = { ...draft, [field]: value };
          if (value === undefined) Reflect.deleteProperty(broken, field);
          const error = failure(await electron.ipcMain.invoke('profiles:save', trusted(), broken));

          expect(error?.code).toBe('input.invalid');
          expect(error?.message).toContain(`\`draft.${field}\``);
        },
      ),
      { numRuns: RUNS / 3 },
    );
  });

  it('refuses every channel from a foreign sender whatever the arguments', async () => {
    const strangers = [
      {
        sender: { id: window.webContents.id },
        senderFrame: { url: 'https://evil.example/', parent: null },
      },
      { sender: { id: window.webContents.id }, senderFrame: { url: RENDERER_URL, parent: {} } },
      {
        sender: { id: window.webContents.id + 1000 },
        senderFrame: { url: RENDERER_URL, parent: null },
      },
      { sender: { id: window.webContents.id }, senderFrame: null },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...INVOKE_CHANNELS),
        fc.constantFrom(...strangers),
        fc.array(nastyValue, { maxLength: 3 }),
        async (channel, event, args) => {
          const error = failure(await electron.ipcMain.invoke(channel, event, ...args));

          expect(error?.code).toBe('input.invalid');
          expect(error?.message).toContain('not the app');
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('handleWebMessage() under fuzzed messages', () => {
  const channelArb = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(...INVOKE_CHANNELS.filter((c) => !c.startsWith('sandbox:'))),
    },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 20 }), nastyValue) },
  );
  const message = fc.oneof(
    fc
      .tuple(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), nastyValue), channelArb)
      .chain(([id, channel]) =>
        (typeof channel === 'string' && (INVOKE_CHANNELS as string[]).includes(channel)
          ? argsArb(channel as InvokeChannel)
          : fc.array(nastyValue, { maxLength: 3 })
        ).map((args) => JSON.stringify({ id, channel, args })),
      ),
    fc.string({ maxLength: 100 }),
    nastyValue.map((value) => (JSON.stringify(value) as string | undefined) ?? 'null'),
  );

  it('replies to every message, never throws, and never reports an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        const reply = await handleWebMessage(backend.handlers, raw);

        expect(reply).toHaveProperty('id');
        const error = 'error' in reply ? reply.error : failure(reply.result);
        if (error !== null) {
          expect(ERROR_CODES).toContain(error.code);
          expect(error.code).not.toBe('internal');
          expect(error.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  }, 60_000);
});
