import { getContext, setContext } from 'svelte';

import type { CatalogStore } from './detail/catalog-store.svelte';
import type { NoticesStore } from './notices/notices-store.svelte';
import type { ProfilesStore } from './profiles/profiles-store.svelte';
import type { RunsStore } from './runs/runs-store.svelte';
import type { TimelineStore } from './timeline/timeline-store.svelte';

/** The stores `App.svelte` creates and every view shares. */
export interface AppStores {
  notices: NoticesStore;
  profiles: ProfilesStore;
  runs: RunsStore;
  timeline: TimelineStore;
  catalog: CatalogStore;
}

const KEY = Symbol('app-stores');

/** Shares the stores with every component below the caller. */
export function setStores(stores: AppStores): void {
  setContext(KEY, stores);
}

/** The stores set by `App.svelte`. */
export function getStores(): AppStores {
  const stores = getContext<AppStores | undefined>(KEY);
  if (stores === undefined) throw new Error('Expected `setStores` to run in a parent component');

  return stores;
}
