import { getContext, setContext } from 'svelte';

import type { RepeatStore } from './repeat-store.svelte';

const KEY = Symbol('repeat-store');

/** Shares the repeat store with every component below the caller (`App.svelte`). */
export function setRepeatStore(store: RepeatStore): void {
  setContext(KEY, store);
}

/** The repeat store set by `App.svelte`. */
export function getRepeatStore(): RepeatStore {
  const store = getContext<RepeatStore | undefined>(KEY);
  if (store === undefined) {
    throw new Error('Expected `setRepeatStore` to run in a parent component');
  }

  return store;
}
