import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MemoryVault } from '../../../electron/host/memory-vault';
import { ProfileStore } from '../../../electron/host/profile-store';
import { openConfStore } from '../../../electron/host/store-file';

const draft = {
  name: 'Customer A',
  server: 'https://api.example.test',
  appKey: 'key-a',
  room: 'room-1',
  authMode: 'credentials' as const,
  startDateTime: 'now',
  duration: 2,
};

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-store-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const configPath = (): string => join(dir, 'config.json');
const open = (): ProfileStore => new ProfileStore(openConfStore(dir));

describe('ProfileStore', () => {
  describe('save()', () => {
    it('round-trips a profile through config.json across reopenings', () => {
      const saved = open().save(draft);
      expect(saved.ok).toBe(true);
      if (!saved.ok) return;

      const reopened = open();
      expect(reopened.list()).toEqual([saved.value]);
      expect(reopened.get(saved.value.id)?.network.apiTimeoutMs).toBe(4000);
      expect(reopened.recoveredCopy).toBeNull();
    });

    it('updates in place and keeps createdAt when the draft has a known id', () => {
      let now = Date.parse('2026-12-01T00:00:00Z');
      const store = new ProfileStore(openConfStore(dir), () => now);
      const first = store.save(draft);
      if (!first.ok) throw new Error('save failed');
      now += 60_000;
      const second = store.save({ ...draft, id: first.value.id, room: 'room-2' });

      expect(second.ok && second.value.createdAt).toBe(first.value.createdAt);
      expect(second.ok && second.value.updatedAt).not.toBe(first.value.updatedAt);
      expect(store.list().map((profile) => profile.room)).toEqual(['room-2']);
    });

    it('names the bad field of an invalid draft', () => {
      const result = open().save({ ...draft, appKey: '' });

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('profile.invalid');
      expect(result.error.message).toContain('`appKey`');
    });

    it('refuses to overwrite a built-in recipe', () => {
      const result = open().save({ ...draft, id: 'builtin:cors-success' });

      expect(result.ok).toBe(false);
    });

    it('writes atomically: the file is replaced by a rename, no temp file is left', () => {
      const store = open();
      store.save(draft);
      const before = statSync(configPath()).ino;
      store.save({ ...draft, name: 'Customer B' });
      const after = statSync(configPath()).ino;

      // An in-place write keeps the inode; write-to-temp-then-rename gives a new one.
      expect(after).not.toBe(before);
      expect(readdirSync(dir).filter((name) => name !== 'config.json')).toEqual([]);
      expect(JSON.parse(readFileSync(configPath(), 'utf8')).profiles).toHaveLength(2);
    });
  });

  describe('secrets', () => {
    it('never writes a vault secret into the profile file', async () => {
      const store = open();
      const vault = new MemoryVault();
      const saved = store.save(draft);
      if (!saved.ok) throw new Error('save failed');
      await vault.set(saved.value.id, 'secret', 'super-secret-value-123');
      await vault.set(saved.value.id, 'credentials', 'given-credentials-XYZ');
      store.save({
        ...draft,
        id: saved.value.id,
        secret: 'super-secret-value-123',
      } as typeof draft);

      const bytes = readFileSync(configPath()).toString('utf8');
      expect(bytes).toContain('Customer A');
      expect(bytes).not.toContain('super-secret-value-123');
      expect(bytes).not.toContain('given-credentials-XYZ');
    });
  });

  describe('migrations', () => {
    it('lifts a version 1 file: sdkVersion and timeout become sdk and network', () => {
      writeFileSync(
        configPath(),
        JSON.stringify({
          __internal__: { migrations: { version: '1.0.0' } },
          profiles: [
            {
              id: 'p1',
              name: 'Old one',
              server: 'https://api.example.test',
              appKey: 'key-1',
              room: 'r',
              authMode: 'cors',
              origin: 'https://app.example.com',
              sdkVersion: '2.7.2',
              timeout: 9000,
              createdAt: '2025-01-01T00:00:00.000Z',
              updatedAt: '2025-01-01T00:00:00.000Z',
            },
            {
              id: 'p2',
              name: 'Older one',
              server: 'sandbox',
              appKey: 'demo-cors-key',
              room: 'lobby',
              sdkVersion: '0.6.37',
              createdAt: '2025-01-01T00:00:00.000Z',
              updatedAt: '2025-01-01T00:00:00.000Z',
            },
          ],
        }),
      );

      const store = open();
      const [first, second] = store.list();

      expect(first?.sdk).toBe('2.x');
      expect(first?.network.apiTimeoutMs).toBe(9000);
      expect(second?.sdk).toBe('0.6');
      expect(second?.network.apiTimeoutMs).toBe(4000);
      const raw = JSON.parse(readFileSync(configPath(), 'utf8'));
      expect(raw.__internal__.migrations.version).toBe('2.0.0');
      expect(raw.profiles[0]).not.toHaveProperty('sdkVersion');
      expect(raw.profiles[0]).not.toHaveProperty('timeout');
      expect(store.recoveredCopy).toBeNull();
    });
  });

  describe('corruption', () => {
    it('copies an unparsable file aside, starts empty and says where the copy is', () => {
      writeFileSync(configPath(), '{"profiles": [ {"id": "p1", ');

      const store = open();

      expect(store.list()).toEqual([]);
      expect(store.recoveredCopy).toMatch(/config\.corrupt-.*\.json$/);
      expect(readFileSync(store.recoveredCopy ?? '', 'utf8')).toBe('{"profiles": [ {"id": "p1", ');
      expect(store.save(draft).ok).toBe(true);
    });

    it(
      'keeps a bad entry aside with its reason and ' + 'a copy of the file, keeping the good ones',
      () => {
        const good = open().save(draft);
        if (!good.ok) throw new Error('save failed');
        const raw = JSON.parse(readFileSync(configPath(), 'utf8'));
        raw.profiles.push({
          id: 'broken',
          name: 'Broken',
          server: 'ftp://nope',
          appKey: 'k',
          room: 'r',
        });
        writeFileSync(configPath(), JSON.stringify(raw));

        const store = open();

        expect(store.list().map((profile) => profile.id)).toEqual([good.value.id]);
        expect(store.invalidEntries()).toHaveLength(1);
        expect(store.invalidEntries()[0]?.entry).toMatchObject({ id: 'broken' });
        expect(store.invalidEntries()[0]?.reason).toContain('`server`');
        expect(store.recoveredCopy).toMatch(/config\.corrupt-.*\.json$/);
        expect(readFileSync(store.recoveredCopy ?? '', 'utf8')).toContain('ftp://nope');
        // The kept entry survives the next opening too: nothing is ever dropped.
        expect(open().invalidEntries()).toHaveLength(1);
      },
    );

    it('copies aside a file whose outline the schema refuses', () => {
      writeFileSync(configPath(), JSON.stringify({ profiles: 'not an array' }));

      const store = open();

      expect(store.list()).toEqual([]);
      expect(readFileSync(store.recoveredCopy ?? '', 'utf8')).toContain('not an array');
    });
  });
});
