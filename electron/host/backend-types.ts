import type {
  HostKind,
  InvokeChannel,
  InvokeMap,
  PushChannel,
  PushMap,
  SecretStoreStatus,
  Unsubscribe,
} from '../contract';

/** One async handler per request channel, typed from the contract. */
export type BackendHandlers = {
  [C in InvokeChannel]: (...args: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>;
};

/** Receives every push the backend makes; transports forward it to their renderer. */
export type PushListener = <C extends PushChannel>(channel: C, payload: PushMap[C]) => void;

/**
 * Where secrets live. In the app: `safeStorage`-encrypted in its own file; in the web host
 * and tests: memory; the CLI: never stored. A vault never writes into the profile file.
 */
/** The `settings` key that holds the opt-in to store secrets where no keyring protects them. */
export const STORE_WITHOUT_KEYRING_SETTING = 'storeSecretsWithoutKeyring';

export interface SecretVault {
  status(): SecretStoreStatus;
  get(profileId: string, kind: 'secret' | 'credentials'): Promise<string | null>;
  set(profileId: string, kind: 'secret' | 'credentials', value: string): Promise<void>;
  clear(profileId: string): Promise<void>;
  has(profileId: string): Promise<boolean>;
  /**
   * Turns the opt-in to store secrets where no keyring protects them on or off, moving what
   * the vault holds accordingly. Absent where the vault offers no such choice.
   */
  storeWithoutKeyring?(enabled: boolean): Promise<void>;
}

/**
 * The key-value file the profile store sits on: electron-store in the app, `conf` in the CLI
 * and web host, one `config.json` in one folder either way.
 */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** The file's path, for messages. */
  readonly path: string;
  /** Where an unreadable predecessor was copied when the file was opened, if it was. */
  readonly recoveredCopy?: string | null;
}

/** What a host needs to build the backend. */
export interface BackendOptions {
  host: HostKind;
  /** The app's data folder: profiles, run history, logs. */
  dataDir: string;
  vault: SecretVault;
  /** Opens the profile file; defaults to `conf` in `dataDir`. */
  openStore?: () => KeyValueFile;
  /** Overrides for tests: a sandbox URL to use instead of starting the embedded one. */
  sandboxUrl?: string;
}

/** The backend every host binds: IPC in Electron, a WebSocket in the web host, calls in the CLI. */
export interface Backend {
  handlers: BackendHandlers;
  onPush(listener: PushListener): Unsubscribe;
  close(): Promise<void>;
}
