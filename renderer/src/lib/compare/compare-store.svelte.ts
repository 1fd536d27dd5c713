import type { DesktopApi, RunLog } from '../contract';
import type { NoticesStore } from '../notices/notices-store.svelte';

import { alignRuns, flatten } from './align-runs';

/** A row of the inputs or timings table. */
export interface DiffRow {
  key: string;
  a: string;
  b: string;
  isDifferent: boolean;
}

function diffRows(a: unknown, b: unknown): DiffRow[] {
  const left = flatten(a);
  const right = flatten(b);
  const keys = [...new Set([...left.keys(), ...right.keys()])];

  return keys.map((key) => {
    const av = left.get(key) ?? '–';
    const bv = right.get(key) ?? '–';

    return { key, a: av, b: bv, isDifferent: av !== bv };
  });
}

/** Two runs side by side: inputs, timings and events aligned by step. */
export class CompareStore {
  logs = $state.raw<[RunLog | null, RunLog | null]>([null, null]);
  isLoading = $state(false);

  readonly steps = $derived(alignRuns(this.logs[0]?.events ?? [], this.logs[1]?.events ?? []));
  readonly inputs = $derived(diffRows(this.#start(0), this.#start(1)));
  readonly timings = $derived(diffRows(this.#timings(0), this.#timings(1)));

  readonly #api: DesktopApi;
  readonly #notices: NoticesStore;

  constructor(api: DesktopApi, notices: NoticesStore) {
    this.#api = api;
    this.#notices = notices;
  }

  async load(ids: [string | null, string | null]): Promise<void> {
    const [a, b] = ids;
    if (a === null || b === null) {
      this.logs = [null, null];

      return;
    }
    this.isLoading = true;
    try {
      const [left, right] = await Promise.all([this.#api.runs.get(a), this.#api.runs.get(b)]);
      if (!left.ok) this.#notices.showError(left.error, 'Could not load run A');
      if (!right.ok) this.#notices.showError(right.error, 'Could not load run B');
      this.logs = [left.ok ? left.value : null, right.ok ? right.value : null];
    } catch (error) {
      this.#notices.showError(error, 'Could not load the runs to compare');
    } finally {
      this.isLoading = false;
    }
  }

  #start(side: 0 | 1): unknown {
    const first = this.logs[side]?.events[0];

    return first?.type === 'run.start' ? first.plan : {};
  }

  #timings(side: 0 | 1): unknown {
    const result = this.logs[side]?.events.findLast((event) => event.type === 'result');

    return result?.type === 'result' ? result.timings : {};
  }
}
