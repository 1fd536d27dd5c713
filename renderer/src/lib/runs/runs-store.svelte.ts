import type { DesktopApi, RunSummary, Unsubscribe } from '../contract';
import type { NoticesStore } from '../notices/notices-store.svelte';
import type { TimelineStore } from '../timeline/timeline-store.svelte';

const FINISHED: ReadonlySet<RunSummary['state']> = new Set(['done', 'failed', 'cancelled']);

/** Run history, the run in progress and the pair picked for comparison (repeats: `RepeatStore`). */
export class RunsStore {
  history = $state<RunSummary[]>([]);
  /** The run shown in the timeline. */
  selectedId = $state<string | null>(null);
  isStarting = $state(false);
  compareIds = $state<[string | null, string | null]>([null, null]);

  readonly selected = $derived(this.history.find((run) => run.runId === this.selectedId) ?? null);
  readonly isRunning = $derived(this.selected !== null && !FINISHED.has(this.selected.state));

  readonly #api: DesktopApi;
  readonly #notices: NoticesStore;
  readonly #timeline: TimelineStore;

  constructor(api: DesktopApi, notices: NoticesStore, timeline: TimelineStore) {
    this.#api = api;
    this.#notices = notices;
    this.#timeline = timeline;
  }

  /** Subscribes to run state pushes. */
  listen(): Unsubscribe {
    return this.#api.runs.onState(({ summary }) => {
      this.#upsert(summary);
      this.#timeline.updateSummary(summary);
    });
  }

  async load(): Promise<void> {
    try {
      const runs = await this.#api.runs.list();
      this.history = [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    } catch (error) {
      this.#notices.showError(error, 'Could not load run history');
    }
  }

  /** Opens a run in the timeline (finished or still running). */
  async open(runId: string): Promise<void> {
    this.selectedId = runId;
    await this.#timeline.show(runId);
  }

  async start(profileId: string): Promise<void> {
    this.isStarting = true;
    try {
      const started = await this.#api.runs.start(profileId);
      if (!started.ok) {
        this.#notices.showError(started.error, 'Could not start the run');

        return;
      }
      await this.load();
      await this.open(started.value.runId);
    } catch (error) {
      this.#notices.showError(error, 'Could not start the run');
    } finally {
      this.isStarting = false;
    }
  }

  async cancel(): Promise<void> {
    const runId = this.selectedId;
    if (runId === null) return;
    try {
      const done = await this.#api.runs.cancel(runId);
      if (!done.ok) this.#notices.showError(done.error, 'Could not cancel the run');
    } catch (error) {
      this.#notices.showError(error, 'Could not cancel the run');
    }
  }

  /** Picks a run for one side of the comparison. */
  pickForCompare(side: 0 | 1, runId: string | null): void {
    const next: [string | null, string | null] = [...this.compareIds];
    next[side] = runId;
    this.compareIds = next;
  }

  /** Adds an imported run to the history and opens it. */
  async addImported(summary: RunSummary): Promise<void> {
    this.#upsert(summary);
    await this.open(summary.runId);
  }

  #upsert(summary: RunSummary): void {
    const index = this.history.findIndex((run) => run.runId === summary.runId);
    if (index === -1) this.history = [summary, ...this.history];
    else this.history[index] = summary;
  }
}
