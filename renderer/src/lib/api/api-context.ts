import { getContext, setContext } from 'svelte';

import type { DesktopApi } from '../contract';

const KEY = Symbol('desktop-api');

/** Makes the DesktopApi available to every component below the caller. */
export function setApi(api: DesktopApi): void {
  setContext(KEY, api);
}

/** The DesktopApi set by `App.svelte`. */
export function getApi(): DesktopApi {
  const api = getContext<DesktopApi | undefined>(KEY);
  if (api === undefined) throw new Error('Expected `setApi` to run in a parent component');

  return api;
}
