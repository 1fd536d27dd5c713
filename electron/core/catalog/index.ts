import type { CatalogEntry, TimelineEvent } from '../../contract';

import { ENGINE_LOCAL_ENTRIES } from './engine-local';
import { ENGINE_NETWORK_ENTRIES } from './engine-network';
import { ENGINE_SIGNALLING_ENTRIES } from './engine-signalling';
import { READY_STATE_API_ENTRIES } from './ready-state-api';
import { READY_STATE_LEGACY_ENTRIES } from './ready-state-legacy';
import { READY_STATE_LOCAL_ENTRIES } from './ready-state-local';
import { SOCKET_ERROR_ENTRIES } from './socket-error';
import { SYSTEM_ACTION_ENTRIES, SYSTEM_ACTION_LEGACY_ENTRIES } from './system-action';

/**
 * Every explained code: `readyStateChange` errors (current and legacy), `systemAction` reasons
 * (current and legacy), `SOCKET_ERROR` codes and the engine's own error codes. The texts live
 * in one data file per family so they can be translated without touching any logic.
 */
export const CATALOG: readonly CatalogEntry[] = [
  ...READY_STATE_API_ENTRIES,
  ...READY_STATE_LOCAL_ENTRIES,
  ...READY_STATE_LEGACY_ENTRIES,
  ...SYSTEM_ACTION_ENTRIES,
  ...SYSTEM_ACTION_LEGACY_ENTRIES,
  ...SOCKET_ERROR_ENTRIES,
  ...ENGINE_NETWORK_ENTRIES,
  ...ENGINE_SIGNALLING_ENTRIES,
  ...ENGINE_LOCAL_ENTRIES,
];

/** The key of the entry explaining a raw HTTP status used as `errorCode` (2.x). */
export const HTTP_STATUS_KEY = 'readyState:http';

const BY_KEY = new Map(CATALOG.map((entry) => [entry.key.toLowerCase(), entry]));

/** The entry with this key (`readyState:4005`), case-insensitive, or `null`. */
export function catalogEntry(key: string): CatalogEntry | null {
  return BY_KEY.get(key.trim().toLowerCase()) ?? null;
}

/**
 * Finds entries by number (`4005`, `-3`), SDK name (`API_CREDENTIALS_NOT_MATCH`), reason
 * (`expired`, `toClose`), engine code (`dns.failed`) or key, case-insensitive. Exact matches
 * win; only when there are none does a query of 3+ characters match inside names and codes,
 * so `CREDENTIALS` lists every credentials-related code.
 */
export function findCatalogEntries(query: string): CatalogEntry[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];

  const exact = CATALOG.filter((entry) =>
    [entry.key, entry.name, entry.value, entry.number === null ? null : String(entry.number)].some(
      (field) => field !== null && field.toLowerCase() === wanted,
    ),
  );
  if (exact.length > 0 || wanted.length < 3) return exact;

  return CATALOG.filter((entry) =>
    [entry.key, entry.name].some((field) => field.toLowerCase().includes(wanted)),
  );
}

/** The catalog key for a `readyStateChange` `errorCode`: its own entry or the HTTP note. */
export function readyStateKey(errorCode: number): string | null {
  const own = catalogEntry(`readyState:${errorCode}`);
  if (own !== null) return own.key;
  // 2.x (and 0.6.27+ without a body code) put the HTTP status where the Skylink code goes.
  if (Number.isInteger(errorCode) && errorCode >= 100 && errorCode <= 599) return HTTP_STATUS_KEY;

  return null;
}

/** The catalog key for a `systemAction` reason; the wire's `toClose` maps to `toclose`. */
export function systemActionKey(reason: string): string | null {
  return catalogEntry(`systemAction:${reason}`)?.key ?? null;
}

/** The catalog key that explains an event, or `null` when the event needs no explanation. */
export function catalogKeyForEvent(event: TimelineEvent): string | null {
  if (event.type === 'readyStateChange') {
    return event.state === -1 && event.error !== null ? readyStateKey(event.error.errorCode) : null;
  }
  if (event.type === 'systemAction') return systemActionKey(event.reason);
  if (event.type === 'socketError') {
    return catalogEntry(`socketError:${event.errorCode}`)?.key ?? null;
  }
  if (event.type === 'step.failed') return catalogEntry(`engine:${event.error.code}`)?.key ?? null;
  if (event.type !== 'result') return null;

  if (event.error !== null) return catalogEntry(`engine:${event.error.code}`)?.key ?? null;
  if (event.systemAction !== null) return systemActionKey(event.systemAction.reason);
  if (event.readyStateError !== null) return readyStateKey(event.readyStateError.errorCode);

  return null;
}
