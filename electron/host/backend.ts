import {
  fail,
  ok,
  type AppInfo,
  type Profile,
  type ProfileDraft,
  type ProfileEntry,
  type Result,
  type RunLog,
} from '../contract';
import { CATALOG } from '../core/catalog/index';
import { createLogger } from '../core/logger';
import { builtinEntries, findBuiltin, isBuiltinId } from '../core/profiles/builtin-profiles';
import { ENGINE_VERSION } from '../core/version';

import {
  STORE_WITHOUT_KEYRING_SETTING,
  type Backend,
  type BackendHandlers,
  type BackendOptions,
  type PushListener,
} from './backend-types';
import { PRODUCT_NAME } from './data-dir';
import { EmbeddedSandbox } from './embedded-sandbox';
import { exportRun, importBundle, importHarProfile } from './export-bridge';
import { guardHandlers } from './handler-guard';
import { ProfileStore } from './profile-store';
import { makeImportUnique, parseProfilesFile, renderProfilesFile } from './profile-transfer';
import { RepeatManager } from './repeat-manager';
import { RunHistory } from './run-history';
import { RunManager } from './run-manager';
import { openConfStore } from './store-file';

const log = createLogger('diag:backend');

/**
 * Builds the backend every host binds: profiles (built-in recipes and saved ones), secrets,
 * runs and their history, exports and imports, the catalog and the embedded sandbox. Every
 * handler returns a value or a `Result`; an unexpected throw becomes an `internal` error.
 */
export function createBackend(options: BackendOptions): Promise<Backend> {
  const { vault, dataDir, host } = options;
  const store = new ProfileStore((options.openStore ?? (() => openConfStore(dataDir)))());
  const history = new RunHistory(dataDir);
  const loaded = history.load();
  log.info('backend ready', { dataDir, runs: loaded.loaded, skippedRuns: loaded.skipped });

  const listeners = new Set<PushListener>();
  const push: PushListener = (channel, payload) => {
    for (const listener of listeners) {
      try {
        listener(channel, payload);
      } catch (error) {
        log.error('push listener threw', { channel, error });
      }
    }
  };
  const sandbox = new EmbeddedSandbox();
  const runs = new RunManager({ vault, sandbox, sandboxUrl: options.sandboxUrl, history, push });
  const repeats = new RepeatManager({ runs, push });
  // A run of this session, of the history, or kept by a repeat batch.
  const logOf = (runId: string): Result<RunLog> => {
    const found = runs.get(runId);
    if (found.ok) return found;
    const kept = repeats.runLog(runId);
    if (kept !== undefined) return ok(kept);
    const repeatId = repeats.batchOf(runId);
    if (repeatId === undefined) return found;

    return fail(
      'input.invalid',
      `Run \`${runId}\` of batch \`${repeatId}\` is no longer kept: a batch keeps a sample of ` +
        `its successes and its failures up to a cap, and a later run took this one's place`,
      { field: 'runId' },
    );
  };

  const findEntry = (profileId: string): { profile: Profile; builtIn: boolean } | undefined => {
    const recipe = findBuiltin(profileId);
    if (recipe !== undefined) return { profile: recipe.profile, builtIn: true };
    const saved = store.get(profileId);

    return saved === undefined ? undefined : { profile: saved, builtIn: false };
  };
  const notFound = <T>(profileId: string): Result<T> =>
    fail(
      'profile.not-found',
      `Expected the id of a saved or built-in profile, got \`${profileId}\``,
      {
        field: 'profileId',
      },
    );

  const appInfo = (): AppInfo => ({
    name: PRODUCT_NAME,
    version: ENGINE_VERSION,
    host,
    platform: `${process.platform}-${process.arch}`,
    dataDir,
    recoveredStoreCopy: store.recoveredCopy,
  });

  const handlers: BackendHandlers = {
    'app:info': () => Promise.resolve(appInfo()),
    'app:renderer-ready': () => Promise.resolve(null),
    'profiles:list': async () => {
      const saved: ProfileEntry[] = [];
      for (const profile of store.list()) {
        saved.push({ profile, builtIn: false, hasSecret: await vault.has(profile.id) });
      }

      return [...builtinEntries(), ...saved];
    },
    'profiles:save': (draft) => Promise.resolve(store.save(draft)),
    'profiles:remove': async (profileId) => {
      if (isBuiltinId(profileId)) {
        return fail(
          'profile.invalid',
          `Profile \`${profileId}\` is a built-in recipe and cannot be removed`,
        );
      }
      const removed = store.remove(profileId);
      if (removed.ok) await vault.clear(profileId);

      return removed;
    },
    'profiles:duplicate': async (profileId) => {
      const source = findEntry(profileId);
      if (source === undefined) return notFound(profileId);

      const fields = withoutBookkeeping(source.profile);
      const names = new Set(store.list().map((profile) => profile.name));
      let name = `${fields.name} (copy)`;
      for (let n = 2; names.has(name); n += 1) name = `${fields.name} (copy ${n})`;
      const draft: ProfileDraft = { ...fields, name: name.slice(0, 120) };
      const saved = store.save(draft);
      if (!saved.ok) return saved;

      // The copy runs as its source did: the same vault values, or the recipe's own secret.
      const override = findBuiltin(profileId)?.secretOverride ?? null;
      const secret = override ?? (await vault.get(profileId, 'secret'));
      const credentials = await vault.get(profileId, 'credentials');
      if (secret !== null) await vault.set(saved.value.id, 'secret', secret);
      if (credentials !== null) await vault.set(saved.value.id, 'credentials', credentials);

      return saved;
    },
    'profiles:import': (text) => {
      const parsed = parseProfilesFile(text);
      if (!parsed.ok) return Promise.resolve(parsed);
      const unique = makeImportUnique(store.list(), parsed.value);
      store.addAll(unique);

      return Promise.resolve(ok(unique));
    },
    'profiles:export': (profileIds) => {
      const profiles: Profile[] = [];
      for (const profileId of profileIds) {
        const entry = findEntry(profileId);
        if (entry === undefined) return Promise.resolve(notFound(profileId));
        profiles.push(entry.profile);
      }

      return Promise.resolve(ok(renderProfilesFile(profiles)));
    },
    'secrets:status': () => Promise.resolve(vault.status()),
    'secrets:set': async (profileId, kind, value) => {
      if (isBuiltinId(profileId)) {
        return fail(
          'profile.invalid',
          `Profile \`${profileId}\` is a built-in recipe: duplicate it to set a secret`,
        );
      }
      if (store.get(profileId) === undefined) return notFound(profileId);
      try {
        await vault.set(profileId, kind, value);
      } catch (error) {
        return fail('secret.unavailable', error instanceof Error ? error.message : String(error));
      }

      return ok(null);
    },
    'secrets:clear': async (profileId) => {
      await vault.clear(profileId);

      return ok(null);
    },
    'secrets:store-without-keyring': async (enabled) => {
      const before = vault.status();
      if (vault.storeWithoutKeyring === undefined || before.storeWithoutKeyring === null) {
        return fail(
          'secret.unavailable',
          `Secrets here are kept by \`${before.backend}\`, which offers no choice to store ` +
            `them without a keyring`,
        );
      }
      try {
        await vault.storeWithoutKeyring(enabled);
        store.setSetting(STORE_WITHOUT_KEYRING_SETTING, enabled);
      } catch (error) {
        return fail('secret.unavailable', error instanceof Error ? error.message : String(error));
      }

      return ok(vault.status());
    },
    'run:start': async (profileId) => {
      const entry = findEntry(profileId);
      if (entry === undefined) return notFound(profileId);

      return runs.start(entry.profile);
    },
    'run:cancel': (runId) => Promise.resolve(runs.cancel(runId)),
    'run:list': () => Promise.resolve(runs.list()),
    'run:get': (runId) => Promise.resolve(logOf(runId)),
    'run:events-since': (runId, afterSeq) => {
      const kept = repeats.runLog(runId);

      return Promise.resolve(
        kept === undefined
          ? runs.eventsSince(runId, afterSeq)
          : ok(kept.events.filter((event) => event.seq > afterSeq)),
      );
    },
    'repeat:start': async (profileId, repeatOptions) => {
      const entry = findEntry(profileId);
      if (entry === undefined) return notFound(profileId);

      return repeats.start(entry.profile, repeatOptions);
    },
    'repeat:cancel': (repeatId) => Promise.resolve(repeats.cancel(repeatId)),
    'repeat:get': (repeatId) => Promise.resolve(repeats.get(repeatId)),
    'repeat:list': () => Promise.resolve(repeats.list()),
    'export:render': (runId, exportOptions) => {
      const runLog = logOf(runId);
      if (!runLog.ok) return Promise.resolve(runLog);
      const profileId = runLog.value.summary.profileId;
      const profile = profileId === null ? null : (findEntry(profileId)?.profile ?? null);

      return Promise.resolve(
        exportRun({
          log: runLog.value,
          profile,
          options: exportOptions,
          redactor: runs.redactorOf(runId),
          app: { name: PRODUCT_NAME, version: ENGINE_VERSION },
        }),
      );
    },
    'import:bundle': (text) => Promise.resolve(importBundle(text, history)),
    'import:har-profile': (text, keepCredentials) =>
      Promise.resolve(importHarProfile(text, keepCredentials)),
    'catalog:list': () => Promise.resolve([...CATALOG]),
    'sandbox:status': () => Promise.resolve(sandbox.status()),
    'sandbox:start': async () => ok(await sandbox.start()),
    'sandbox:stop': async () => ok(await sandbox.stop()),
  };

  return Promise.resolve({
    handlers: guardHandlers(handlers, appInfo),
    onPush(listener) {
      listeners.add(listener);

      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      await repeats.close();
      await runs.close();
      await sandbox.stop();
      listeners.clear();
    },
  });
}

/** A profile's editable fields: what a copy starts from. */
function withoutBookkeeping(profile: Profile): Omit<ProfileDraft, 'id'> {
  const fields: Partial<Profile> = { ...profile };
  delete fields.id;
  delete fields.createdAt;
  delete fields.updatedAt;

  return fields as Omit<ProfileDraft, 'id'>;
}
