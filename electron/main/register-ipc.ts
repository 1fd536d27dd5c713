import type { IpcMainInvokeEvent } from 'electron';

import {
  fail,
  INVOKE_ARG_SCHEMAS,
  INVOKE_CHANNELS,
  type InvokeChannel,
  type PushChannel,
  type PushMap,
} from '../contract';
import { createLogger } from '../core/logger';
import type { Backend } from '../host/backend-types';

import { isTrustedSender } from './navigation-guard';

const log = createLogger('diag:ipc');

/** Argument names per channel, so a refusal names the argument, not its index. */
const ARG_NAMES: Record<InvokeChannel, readonly string[]> = {
  'app:info': [],
  'app:renderer-ready': [],
  'profiles:list': [],
  'profiles:save': ['draft'],
  'profiles:remove': ['profileId'],
  'profiles:duplicate': ['profileId'],
  'profiles:import': ['text'],
  'profiles:export': ['profileIds'],
  'secrets:status': [],
  'secrets:set': ['profileId', 'kind', 'value'],
  'secrets:clear': ['profileId'],
  'secrets:store-without-keyring': ['enabled'],
  'run:start': ['profileId'],
  'run:cancel': ['runId'],
  'run:list': [],
  'run:get': ['runId'],
  'run:events-since': ['runId', 'afterSeq'],
  'repeat:start': ['profileId', 'options'],
  'repeat:cancel': ['repeatId'],
  'repeat:get': ['repeatId'],
  'repeat:list': [],
  'export:render': ['runId', 'options'],
  'import:bundle': ['text'],
  'import:har-profile': ['text', 'keepCredentials'],
  'catalog:list': [],
  'sandbox:status': [],
  'sandbox:start': [],
  'sandbox:stop': [],
};

/** The window surface the binding needs: its contents' id, and a way to send to it. */
export interface TargetWindow {
  webContents: {
    id: number;
    send(channel: string, payload: unknown): void;
    isDestroyed(): boolean;
  };
  isDestroyed(): boolean;
}

/** What the binding needs of `ipcMain`. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** Options of {@link registerIpc}. */
export interface IpcBindingOptions {
  ipcMain: IpcMainLike;
  backend: Backend;
  getWindow: () => TargetWindow | null;
  /** Our renderer's URL: the dev server's origin or the packaged `index.html`. */
  rendererUrl: string;
  /** Pushes kept while the renderer is not ready; the oldest go first past it. */
  maxQueued?: number;
}

/** The binding, to undo it and to reset readiness when the page reloads. */
export interface IpcBinding {
  /** The page started loading again: queue pushes until it says it is ready. */
  rendererReloading(): void;
  dispose(): void;
}

/**
 * Names the first bad argument of a call, e.g.
 * ``Expected `draft.appKey`: Expected an app key``.
 */
export function describeArgError(
  channel: InvokeChannel,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  const issue = issues[0];
  if (issue === undefined) return `Expected valid arguments for \`${channel}\``;

  const [index, ...rest] = issue.path;
  const names = ARG_NAMES[channel];
  const name =
    typeof index === 'number'
      ? (names[index] ?? `argument ${index + 1}`)
      : `arguments of ${channel}`;
  const field = [name, ...rest.map(String)].join('.');

  return `Expected \`${field}\` of \`${channel}\` to be valid: ${issue.message}`;
}

/**
 * Binds every request channel to the backend through `ipcMain.handle`. Each call is checked:
 * the sender must be our window's top frame showing our renderer, and the arguments must parse
 * with the channel's schema. Pushes go to our window only, queued until `app:renderer-ready`.
 */
export function registerIpc(options: IpcBindingOptions): IpcBinding {
  const { ipcMain, backend, getWindow, rendererUrl, maxQueued = 10_000 } = options;
  let isReady = false;
  let queue: { channel: PushChannel; payload: unknown }[] = [];

  const send = (channel: PushChannel, payload: unknown): void => {
    const window = getWindow();
    if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(channel, payload);
  };
  const flush = (): void => {
    const pending = queue;
    queue = [];
    for (const item of pending) send(item.channel, item.payload);
  };

  const unsubscribe = backend.onPush(<C extends PushChannel>(channel: C, payload: PushMap[C]) => {
    if (isReady) {
      send(channel, payload);

      return;
    }
    queue.push({ channel, payload });
    if (queue.length > maxQueued) queue.shift();
  });

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args) => {
      const window = getWindow();
      const trusted = isTrustedSender({
        senderFrame: event.senderFrame,
        senderId: event.sender.id,
        windowContentsId: window === null || window.isDestroyed() ? null : window.webContents.id,
        rendererUrl,
      });
      if (!trusted) {
        log.warn('ipc call refused: foreign sender', {
          channel,
          url: event.senderFrame?.url ?? null,
        });

        return fail('input.invalid', `Refused \`${channel}\`: the caller is not the app's window`, {
          reason: 'sender',
        });
      }

      const parsed = INVOKE_ARG_SCHEMAS[channel].safeParse(args);
      if (!parsed.success) {
        return fail('input.invalid', describeArgError(channel, parsed.error.issues), {
          channel,
        });
      }

      const handler = backend.handlers[channel] as (...callArgs: unknown[]) => Promise<unknown>;
      let result: unknown;
      try {
        result = await handler(...(parsed.data as unknown[]));
      } catch (error) {
        // The backend guards its handlers; this is the last line so no throw reaches Electron,
        // which would keep only the message.
        log.error('handler threw', { channel, error });

        return fail('internal', error instanceof Error ? error.message : String(error));
      }
      if (channel === 'app:renderer-ready') {
        isReady = true;
        flush();
      }

      return result;
    });
  }

  return {
    rendererReloading() {
      isReady = false;
    },
    dispose() {
      unsubscribe();
      for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
    },
  };
}
