/**
 * The one fake of the `electron` module. Test files mock `electron` with this module:
 * `vi.mock('electron', () => import('../../support/electron'))`, and read the fakes below to
 * see what the main-process code did. Only the thin main/preload layer is ever faked.
 */
import { EventEmitter } from 'node:events';

// The event is whatever the test builds; the code under test reads only a few fields.
type Handler = (event: any, ...args: unknown[]) => unknown;

/** `ipcMain`: records `handle` registrations; `invoke` calls one as Electron would. */
class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** electron-store registers a sync listener for renderer mode; nothing here calls it. */
  on(): this {
    return this;
  }

  /** Calls a registered handler with a fake event from `sender`. */
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler for ${channel}`);

    return Promise.resolve(handler(event, ...args));
  }

  reset(): void {
    this.handlers.clear();
  }
}

let nextContentsId = 1;

/** `webContents` of a fake window: records sends and handlers. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  destroyed = false;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** `BrowserWindow`: keeps its constructor options for the secure-window assertions. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;

    return Promise.resolve();
  }

  show(): void {}

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** `safeStorage`, switchable between a keyring, `basic_text` and no encryption at all. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as
    'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  },
  encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) return Promise.reject(new Error('Encryption is not available'));

    // Reversible but not plain: enough to see that the bytes on disk are not the secret.
    return Promise.resolve(
      Buffer.from([...Buffer.from(plainText, 'utf8')].map((byte) => byte ^ 0x5a)),
    );
  },
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const result = Buffer.from([...encrypted].map((byte) => byte ^ 0x5a)).toString('utf8');

    return Promise.resolve({ result, shouldReEncrypt: false });
  },
  getSelectedStorageBackend() {
    return this.backend;
  },
};

export const ipcMain = new FakeIpcMain();
export const BrowserWindow = FakeBrowserWindow;

/** `ipcRenderer`, as the preload sees it. */
class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = [];

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });

    return Promise.resolve({ ok: true, value: channel });
  }
}

export const ipcRenderer = new FakeIpcRenderer();

/** `contextBridge`: keeps what the preload exposed. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

/** `app`: packaged or not, with a userData path tests set. */
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  paths: new Map<string, string>(),
  getPath(name: string): string {
    return this.paths.get(name) ?? `/tmp/fake-electron-${name}`;
  },
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  },
  getVersion: () => '0.1.0',
  /** Whether this instance gets the single-instance lock; tests of the lifecycle set it. */
  hasLock: false,
  readyResolvers: [] as (() => void)[],
  whenReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.readyResolvers.push(resolve);
    });
  },
  /** Resolves `whenReady()`, as Electron does once it has started. */
  markReady(): void {
    for (const resolve of this.readyResolvers.splice(0)) resolve();
  },
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  },
  quitCalls: 0,
  quit(): void {
    this.quitCalls += 1;
  },
});

export const Menu = {
  template: null as unknown,
  buildFromTemplate(template: unknown): unknown {
    this.template = template;

    return template;
  },
  setApplicationMenu(): void {},
};

export const shell = { openPath: (): Promise<string> => Promise.resolve('') };

/** The default session's permission hooks, recorded so a test can call what main installed. */
export const session = {
  defaultSession: {
    permissionRequestHandler: null as unknown,
    permissionCheckHandler: null as unknown,
    setPermissionRequestHandler(handler: unknown): void {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: unknown): void {
      this.permissionCheckHandler = handler;
    },
  },
};
export const dialog = {
  showMessageBox: (): Promise<{ response: number }> => Promise.resolve({ response: 0 }),
  showErrorBox(): void {},
};

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  safeStorage,
  session,
  shell,
};

/**
 * electron-store for tests: the real package loads the `electron` binary, which is not
 * installed here (and would try to download it). It is `conf` with electron-store's one
 * difference, `name` for `configName`, so the main process opens the same file as the app.
 */
export async function electronStoreModule(): Promise<{ default: unknown }> {
  const { default: Conf } = await import('conf');

  class FakeElectronStore extends Conf {
    constructor(options: Record<string, unknown>) {
      const { name, ...rest } = options;
      super({ ...rest, configName: typeof name === 'string' ? name : 'config' });
    }
  }

  return { default: FakeElectronStore };
}
