import type { CatalogEntry } from './catalog';
import type { ExportedFile, ExportOptions } from './export-bundle';
import type { Profile, ProfileDraft, ProfileEntry } from './profile';
import type { RepeatOptions, RepeatSummary } from './repeat';
import type { Result } from './result';
import type { RunLog, RunState, RunSummary } from './run-summary';
import type { TimelineEvent } from './timeline-event';

/** Which host the renderer runs in; it should not need to know, but the About box says. */
export type HostKind = 'electron' | 'web';

/** What the app says about itself. */
export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  platform: string;
  dataDir: string;
  /** Where a corrupt store was copied at start-up, so the UI can tell the user. */
  recoveredStoreCopy: string | null;
}

/** Whether secrets can be kept, and how. */
export interface SecretStoreStatus {
  /** `true` when an OS keyring (or the CLI's own choice) protects stored secrets. */
  encrypted: boolean;
  /** `safeStorage`, `memory` (web host: kept for this session only), `plaintext (opted in)`. */
  backend: string;
  /** Said to the user when nothing protects secrets. */
  warning: string | null;
  /**
   * The user's choice to store secrets on disk where no OS keyring protects them; `null` where
   * there is no such choice (a keyring protects them, or the host keeps them in memory only).
   */
  storeWithoutKeyring: boolean | null;
}

/** The embedded sandbox's state. */
export interface SandboxStatus {
  running: boolean;
  url: string | null;
}

/** A HAR turned into a profile draft. */
export interface HarProfile {
  draft: ProfileDraft;
  /** The credentials string from the HAR, only when the user asked to keep it. */
  credentials: string | null;
  /** The request it came from, redacted, so the user can see what was read. */
  sourceUrl: string;
}

/** Every request the renderer can make, with its arguments and result. */
export interface InvokeMap {
  'app:info': { args: []; result: AppInfo };
  'app:renderer-ready': { args: []; result: null };
  'profiles:list': { args: []; result: ProfileEntry[] };
  'profiles:save': { args: [draft: ProfileDraft]; result: Result<Profile> };
  'profiles:remove': { args: [profileId: string]; result: Result<null> };
  'profiles:duplicate': { args: [profileId: string]; result: Result<Profile> };
  'profiles:import': { args: [text: string]; result: Result<Profile[]> };
  'profiles:export': { args: [profileIds: string[]]; result: Result<ExportedFile> };
  'secrets:status': { args: []; result: SecretStoreStatus };
  'secrets:set': {
    args: [profileId: string, kind: 'secret' | 'credentials', value: string];
    result: Result<null>;
  };
  'secrets:clear': { args: [profileId: string]; result: Result<null> };
  'secrets:store-without-keyring': { args: [enabled: boolean]; result: Result<SecretStoreStatus> };
  'run:start': { args: [profileId: string]; result: Result<{ runId: string }> };
  'run:cancel': { args: [runId: string]; result: Result<null> };
  'run:list': { args: []; result: RunSummary[] };
  'run:get': { args: [runId: string]; result: Result<RunLog> };
  'run:events-since': { args: [runId: string, afterSeq: number]; result: Result<TimelineEvent[]> };
  'repeat:start': {
    args: [profileId: string, options: RepeatOptions];
    result: Result<{ repeatId: string }>;
  };
  'repeat:cancel': { args: [repeatId: string]; result: Result<null> };
  'repeat:get': { args: [repeatId: string]; result: Result<RepeatSummary> };
  'repeat:list': { args: []; result: RepeatSummary[] };
  'export:render': { args: [runId: string, options: ExportOptions]; result: Result<ExportedFile> };
  'import:bundle': { args: [text: string]; result: Result<RunSummary> };
  'import:har-profile': {
    args: [text: string, keepCredentials: boolean];
    result: Result<HarProfile>;
  };
  'catalog:list': { args: []; result: CatalogEntry[] };
  'sandbox:status': { args: []; result: SandboxStatus };
  'sandbox:start': { args: []; result: Result<SandboxStatus> };
  'sandbox:stop': { args: []; result: Result<SandboxStatus> };
}

/** A request channel. */
export type InvokeChannel = keyof InvokeMap;

/** Menu actions main forwards to the renderer. */
export type MenuAction = 'open-log' | 'export-run';

/** Everything the backend pushes to the renderer. */
export interface PushMap {
  /** Events of one run, in `seq` order, batched (at most one batch per 50 ms per run). */
  'run:events': { runId: string; events: TimelineEvent[] };
  'run:state': { runId: string; state: RunState; summary: RunSummary };
  'repeat:progress': RepeatSummary;
  'app:menu': { action: MenuAction };
}

/** A push channel. */
export type PushChannel = keyof PushMap;

/** Stops a subscription. */
export type Unsubscribe = () => void;

/** The transport a {@link DesktopApi} is built on: IPC in Electron, a WebSocket in the web host. */
export interface ApiTransport {
  invoke<C extends InvokeChannel>(
    channel: C,
    ...args: InvokeMap[C]['args']
  ): Promise<InvokeMap[C]['result']>;
  subscribe<C extends PushChannel>(
    channel: C,
    listener: (payload: PushMap[C]) => void,
  ): Unsubscribe;
}

/** What `window.diagnostics` offers the renderer, whichever host it runs in. */
export interface DesktopApi {
  app: {
    info(): Promise<AppInfo>;
    rendererReady(): Promise<null>;
    onMenu(listener: (payload: PushMap['app:menu']) => void): Unsubscribe;
  };
  profiles: {
    list(): Promise<ProfileEntry[]>;
    save(draft: ProfileDraft): Promise<Result<Profile>>;
    remove(profileId: string): Promise<Result<null>>;
    duplicate(profileId: string): Promise<Result<Profile>>;
    import(text: string): Promise<Result<Profile[]>>;
    export(profileIds: string[]): Promise<Result<ExportedFile>>;
  };
  secrets: {
    status(): Promise<SecretStoreStatus>;
    set(profileId: string, kind: 'secret' | 'credentials', value: string): Promise<Result<null>>;
    clear(profileId: string): Promise<Result<null>>;
    /** Turns the opt-in to store secrets without a keyring on or off; saved in the settings. */
    storeWithoutKeyring(enabled: boolean): Promise<Result<SecretStoreStatus>>;
  };
  runs: {
    start(profileId: string): Promise<Result<{ runId: string }>>;
    cancel(runId: string): Promise<Result<null>>;
    list(): Promise<RunSummary[]>;
    get(runId: string): Promise<Result<RunLog>>;
    eventsSince(runId: string, afterSeq: number): Promise<Result<TimelineEvent[]>>;
    onEvents(listener: (payload: PushMap['run:events']) => void): Unsubscribe;
    onState(listener: (payload: PushMap['run:state']) => void): Unsubscribe;
  };
  repeats: {
    start(profileId: string, options: RepeatOptions): Promise<Result<{ repeatId: string }>>;
    cancel(repeatId: string): Promise<Result<null>>;
    get(repeatId: string): Promise<Result<RepeatSummary>>;
    /** The batches the host still holds (its last 20), newest first. */
    list(): Promise<RepeatSummary[]>;
    onProgress(listener: (payload: RepeatSummary) => void): Unsubscribe;
  };
  exports: {
    render(runId: string, options: ExportOptions): Promise<Result<ExportedFile>>;
  };
  imports: {
    bundle(text: string): Promise<Result<RunSummary>>;
    harProfile(text: string, keepCredentials: boolean): Promise<Result<HarProfile>>;
  };
  catalog: { list(): Promise<CatalogEntry[]> };
  sandbox: {
    status(): Promise<SandboxStatus>;
    start(): Promise<Result<SandboxStatus>>;
    stop(): Promise<Result<SandboxStatus>>;
  };
}

/** Builds the {@link DesktopApi} over a transport; preload and the web client both use it. */
export function createDesktopApi(transport: ApiTransport): DesktopApi {
  const invoke: ApiTransport['invoke'] = (channel, ...args) => transport.invoke(channel, ...args);
  const subscribe: ApiTransport['subscribe'] = (channel, listener) =>
    transport.subscribe(channel, listener);

  return {
    app: {
      info: () => invoke('app:info'),
      rendererReady: () => invoke('app:renderer-ready'),
      onMenu: (listener) => subscribe('app:menu', listener),
    },
    profiles: {
      list: () => invoke('profiles:list'),
      save: (draft) => invoke('profiles:save', draft),
      remove: (profileId) => invoke('profiles:remove', profileId),
      duplicate: (profileId) => invoke('profiles:duplicate', profileId),
      import: (text) => invoke('profiles:import', text),
      export: (profileIds) => invoke('profiles:export', profileIds),
    },
    secrets: {
      status: () => invoke('secrets:status'),
      set: (profileId, kind, value) => invoke('secrets:set', profileId, kind, value),
      clear: (profileId) => invoke('secrets:clear', profileId),
      storeWithoutKeyring: (enabled) => invoke('secrets:store-without-keyring', enabled),
    },
    runs: {
      start: (profileId) => invoke('run:start', profileId),
      cancel: (runId) => invoke('run:cancel', runId),
      list: () => invoke('run:list'),
      get: (runId) => invoke('run:get', runId),
      eventsSince: (runId, afterSeq) => invoke('run:events-since', runId, afterSeq),
      onEvents: (listener) => subscribe('run:events', listener),
      onState: (listener) => subscribe('run:state', listener),
    },
    repeats: {
      start: (profileId, options) => invoke('repeat:start', profileId, options),
      cancel: (repeatId) => invoke('repeat:cancel', repeatId),
      get: (repeatId) => invoke('repeat:get', repeatId),
      list: () => invoke('repeat:list'),
      onProgress: (listener) => subscribe('repeat:progress', listener),
    },
    exports: {
      render: (runId, options) => invoke('export:render', runId, options),
    },
    imports: {
      bundle: (text) => invoke('import:bundle', text),
      harProfile: (text, keepCredentials) => invoke('import:har-profile', text, keepCredentials),
    },
    catalog: { list: () => invoke('catalog:list') },
    sandbox: {
      status: () => invoke('sandbox:status'),
      start: () => invoke('sandbox:start'),
      stop: () => invoke('sandbox:stop'),
    },
  };
}
