import type { ResultEvent, RunState } from '../contract';
import { outcomeKey } from '../core/repeat/outcome-key';

/** The final state a result puts a run in. */
export function stateOfResult(result: ResultEvent): RunState {
  if (result.outcome === 'joined') return 'done';
  if (result.outcome === 'cancelled') return 'cancelled';

  return 'failed';
}

/**
 * A short outcome for lists: `COMPLETED, joined`, `ERROR 4005 API_CREDENTIALS_NOT_MATCH`,
 * `reject expired`, `failed http.timeout`.
 */
export function headlineOf(result: ResultEvent): string {
  if (result.outcome === 'joined') return 'COMPLETED, joined';

  const key = outcomeKey(result);
  const name = result.readyStateError?.errorName;

  return result.readyStateError !== null && name != null ? `${key} ${name}` : key;
}
