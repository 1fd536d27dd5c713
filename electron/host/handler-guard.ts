import { fail, type AppInfo, type InvokeChannel, type SecretStoreStatus } from '../contract';
import { createLogger } from '../core/logger';
import { builtinEntries } from '../core/profiles/builtin-profiles';

import type { BackendHandlers } from './backend-types';

const log = createLogger('diag:handler-guard');

/** What a channel without a `Result` answers when its handler throws anyway. */
function fallbackOf(channel: InvokeChannel, appInfo: () => AppInfo, error: unknown): unknown {
  switch (channel) {
    case 'app:info':
      return appInfo();
    case 'profiles:list':
      return builtinEntries();
    case 'run:list':
    case 'repeat:list':
    case 'catalog:list':
      return [];
    case 'secrets:status':
      return {
        encrypted: false,
        backend: 'unavailable',
        warning: messageOf(error),
        storeWithoutKeyring: null,
      } satisfies SecretStoreStatus;
    case 'sandbox:status':
      return { running: false, url: null };
    case 'app:renderer-ready':
      return null;
    case 'profiles:save':
    case 'profiles:remove':
    case 'profiles:duplicate':
    case 'profiles:import':
    case 'profiles:export':
    case 'secrets:set':
    case 'secrets:clear':
    case 'secrets:store-without-keyring':
    case 'run:start':
    case 'run:cancel':
    case 'run:get':
    case 'run:events-since':
    case 'repeat:start':
    case 'repeat:cancel':
    case 'repeat:get':
    case 'export:render':
    case 'import:bundle':
    case 'import:har-profile':
    case 'sandbox:start':
    case 'sandbox:stop':
      return fail('internal', messageOf(error));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Wraps every handler so nothing throws across the boundary. */
export function guardHandlers(handlers: BackendHandlers, appInfo: () => AppInfo): BackendHandlers {
  const guarded: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [
    InvokeChannel,
    (...args: unknown[]) => Promise<unknown>,
  ][]) {
    guarded[channel] = async (...args) => {
      try {
        return await handler(...args);
      } catch (error) {
        log.error('handler threw', { channel, error });

        return fallbackOf(channel, appInfo, error);
      }
    };
  }

  return guarded as unknown as BackendHandlers;
}
