import type { CatalogEntry, DesktopApi, TimelineEvent } from '../contract';
import type { NoticesStore } from '../notices/notices-store.svelte';

/** The catalog key that explains an event, or `null` when nothing about it needs explaining. */
export function catalogKeyOf(event: TimelineEvent): string | null {
  switch (event.type) {
    case 'readyStateChange':
      return event.error === null ? null : `readyState:${event.error.errorCode}`;
    case 'systemAction':
      return `systemAction:${event.reason}`;
    case 'socketError':
      return `socketError:${event.errorCode}`;
    case 'step.failed':
      return `engine:${event.error.code}`;
    case 'result':
      return event.error === null ? null : `engine:${event.error.code}`;
    case 'diagnosis':
      return event.finding.catalogKey ?? null;
    case 'run.start':
    case 'channelOpen':
    case 'channelClose':
    case 'channelError':
    case 'peerJoined':
    case 'dns':
    case 'tcp':
    case 'tls':
    case 'http.request':
    case 'http.response':
    case 'http.retry':
    case 'api.parsed':
    case 'socket.attempt':
    case 'socket.message':
    case 'note':
      return null;
  }
}

/** The error catalog, fetched once, looked up by key. */
export class CatalogStore {
  /** By key; replaced whole on load, so a plain record in raw state is enough. */
  entries = $state.raw<Readonly<Record<string, CatalogEntry>>>({});

  readonly #api: DesktopApi;
  readonly #notices: NoticesStore;

  constructor(api: DesktopApi, notices: NoticesStore) {
    this.#api = api;
    this.#notices = notices;
  }

  async load(): Promise<void> {
    try {
      const list = await this.#api.catalog.list();
      this.entries = Object.fromEntries(list.map((entry) => [entry.key, entry]));
    } catch (error) {
      this.#notices.showError(error, 'Could not load the error catalog');
    }
  }

  /** The explanation of an event, if the catalog has one. */
  explain(event: TimelineEvent): CatalogEntry | null {
    const key = catalogKeyOf(event);

    return key === null ? null : (this.entries[key] ?? null);
  }
}
