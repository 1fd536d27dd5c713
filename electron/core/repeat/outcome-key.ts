import type { ResultEvent } from '../../contract';

/**
 * The key a run's outcome is counted under in a repeat summary: `joined`, `cancelled`,
 * `ERROR 4020` (the SDK's ready-state error code), `reject expired` (the rejecting
 * `systemAction`), or `failed http.timeout` (the engine's own error code).
 *
 * The SDK-level facts win over the engine's error because they are what a customer's app would
 * have seen: a 4020 answer is also an `api.rejected` error inside the engine, and counting it
 * as `ERROR 4020` keeps distinct API codes apart.
 */
export function outcomeKey(result: ResultEvent): string {
  if (result.outcome === 'joined') return 'joined';
  if (result.outcome === 'cancelled') return 'cancelled';
  if (result.readyStateError !== null) return `ERROR ${result.readyStateError.errorCode}`;
  if (result.systemAction !== null) {
    return `${result.systemAction.action} ${result.systemAction.reason}`;
  }
  if (result.error !== null) return `failed ${result.error.code}`;

  return result.outcome;
}
