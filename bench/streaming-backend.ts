import { ok, type RunLog, type RunSummary } from '../electron/contract';
import type { Backend, PushListener } from '../electron/host/backend-types';

/** A backend with one extra run whose events the bench pushes at a set rate. */
export interface StreamingBackend {
  backend: Backend;
  /**
   * Pushes every event of the run as `run:events` batches, `ratePerSecond` events a second in
   * one batch per `batchMs` (the contract's 50 ms), then `run:state` done. Resolves with the
   * wall-clock time (epoch ms) of the last push.
   */
  stream(options: { ratePerSecond: number; batchMs: number }): Promise<number>;
}

/**
 * Wraps the real backend: every request goes to it, except the listing, fetching and catch-up
 * of the bench run, which answer from the events pushed so far. The pushes go through the
 * same listeners the web host registered with `onPush`, so they travel the product's push
 * path: JSON over the web host's WebSocket into the renderer's DesktopApi `onEvents`.
 */
export function createStreamingBackend(inner: Backend, run: RunLog): StreamingBackend {
  const listeners = new Set<PushListener>();
  const runId = run.summary.runId;
  let sent = 0;
  const summaryNow = (): RunSummary => ({
    ...run.summary,
    state: sent >= run.events.length ? 'done' : 'signalling',
    eventCount: sent,
    finishedAt: sent >= run.events.length ? run.summary.finishedAt : null,
  });

  const backend: Backend = {
    handlers: {
      ...inner.handlers,
      'run:list': async () => [summaryNow(), ...(await inner.handlers['run:list']())],
      'run:get': async (id) =>
        id === runId
          ? ok({ summary: summaryNow(), events: run.events.slice(0, sent) })
          : inner.handlers['run:get'](id),
      'run:events-since': async (id, afterSeq) =>
        id === runId
          ? ok(run.events.slice(afterSeq, sent))
          : inner.handlers['run:events-since'](id, afterSeq),
    },
    onPush(listener) {
      listeners.add(listener);
      const off = inner.onPush(listener);

      return () => {
        listeners.delete(listener);
        off();
      };
    },
    close: () => inner.close(),
  };

  const push: PushListener = (channel, payload) => {
    for (const listener of listeners) listener(channel, payload);
  };

  return {
    backend,
    stream: ({ ratePerSecond, batchMs }) =>
      new Promise((resolve) => {
        const started = performance.now();
        // Bounded: each tick sends what is due by the clock, and the run has a fixed length.
        const timer = setInterval(() => {
          const due = Math.min(
            run.events.length,
            Math.floor(((performance.now() - started) / 1000) * ratePerSecond),
          );
          if (due > sent) {
            const events = run.events.slice(sent, due);
            sent = due;
            push('run:events', { runId, events });
          }
          if (sent >= run.events.length) {
            clearInterval(timer);
            const lastPushAt = Date.now();
            push('run:state', { runId, state: 'done', summary: summaryNow() });
            resolve(lastPushAt);
          }
        }, batchMs);
      }),
  };
}
