import type {
  DesktopApi,
  PushMap,
  RunSummary,
  TimelineEvent,
} from '../../../renderer/src/lib/contract';

/** What the stub answers for the one run it knows, and where pushed batches go. */
export interface StubRun {
  summary: RunSummary;
  events: TimelineEvent[];
  /** Receives the timeline's `onEvents` listener, so a test can push batches through it. */
  onListen?: (listener: (payload: PushMap['run:events']) => void) => void;
}

/**
 * Answers every call the timeline makes: one run, its log, and the push channel. The renderer
 * runs in the browser here, with no host behind it, so the host side is this small stand-in.
 */
export function stubApi(run: StubRun): DesktopApi {
  const none = () => () => undefined;
  const unused = () => Promise.reject(new Error('not used by this test'));

  return {
    app: {
      info: () =>
        Promise.resolve({
          name: 'x',
          version: '0',
          host: 'web',
          platform: 'test',
          dataDir: '/',
          recoveredStoreCopy: null,
        }),
      rendererReady: () => Promise.resolve(null),
      onMenu: none,
    },
    profiles: {
      list: () => Promise.resolve([]),
      save: unused,
      remove: unused,
      duplicate: unused,
      import: unused,
      export: unused,
    },
    secrets: {
      status: () =>
        Promise.resolve({
          encrypted: false,
          backend: 'memory',
          warning: null,
          storeWithoutKeyring: null,
        }),
      set: unused,
      clear: unused,
      storeWithoutKeyring: unused,
    },
    runs: {
      start: unused,
      cancel: unused,
      list: () => Promise.resolve([run.summary]),
      get: () => Promise.resolve({ ok: true, value: { summary: run.summary, events: run.events } }),
      eventsSince: () => Promise.resolve({ ok: true, value: [] }),
      onEvents: (listener) => {
        run.onListen?.(listener);

        return () => undefined;
      },
      onState: none,
    },
    repeats: {
      start: unused,
      cancel: unused,
      get: unused,
      list: () => Promise.resolve([]),
      onProgress: none,
    },
    exports: { render: unused },
    imports: { bundle: unused, harProfile: unused },
    catalog: { list: () => Promise.resolve([]) },
    sandbox: { status: unused, start: unused, stop: unused },
  };
}

/** A finished run's summary; only `runId` and the counts matter to the timeline. */
export function summaryOf(runId: string, eventCount: number): RunSummary {
  const startedAt = '2026-12-03T10:00:00.000Z';

  return {
    runId,
    profileId: null,
    profileName: 'Test run',
    source: 'imported',
    startedAt,
    finishedAt: startedAt,
    state: 'done',
    outcome: 'joined',
    headline: 'COMPLETED, joined',
    durationMs: 0,
    eventCount,
    sdk: '0.6',
    authMode: 'cors',
    repeatId: null,
  };
}
