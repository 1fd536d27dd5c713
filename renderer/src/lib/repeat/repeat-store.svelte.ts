import type { DesktopApi, RepeatOptions, RepeatSummary, Unsubscribe } from '../contract';
import type { NoticesStore } from '../notices/notices-store.svelte';

import { checkRepeatField, type RepeatField } from './repeat-limits';

/** What the form starts with: a quick stability check. */
export const DEFAULT_REPEAT: RepeatOptions = { count: 10, concurrency: 2, intervalMs: 0 };

const FIELDS: readonly RepeatField[] = ['count', 'concurrency', 'intervalMs'];

/**
 * The Repeat action: the options form (text as typed, checked against the `repeat:start`
 * bounds), the batch under way and its summary, and opening the runs a batch kept.
 */
export class RepeatStore {
  /** The inputs' text, kept as typed so an invalid value can be shown and fixed. */
  fields = $state<Record<RepeatField, string>>({
    count: String(DEFAULT_REPEAT.count),
    concurrency: String(DEFAULT_REPEAT.concurrency),
    intervalMs: String(DEFAULT_REPEAT.intervalMs),
  });
  isFormOpen = $state(false);
  isStarting = $state(false);
  /** The batch shown: the one started here, the latest one pushed, or the newest held. */
  summary = $state<RepeatSummary | null>(null);
  /** Set when the backend refused the last start. */
  unavailable = $state<string | null>(null);
  /** The kept run shown in the timeline, to mark it in the list. */
  openedRunId = $state<string | null>(null);
  /** Headlines of the kept runs (`ERROR 4005 …`), read as the batch keeps them. */
  headlines = $state<Record<string, string>>({});

  readonly errors = $derived.by(() => {
    const errors: Partial<Record<RepeatField, string>> = {};
    for (const field of FIELDS) {
      const checked = checkRepeatField(field, this.fields[field]);
      if (!checked.ok) errors[field] = checked.message;
    }

    return errors;
  });
  readonly options = $derived.by((): RepeatOptions | null => {
    const values: Partial<RepeatOptions> = {};
    for (const field of FIELDS) {
      const checked = checkRepeatField(field, this.fields[field]);
      if (!checked.ok) return null;
      values[field] = checked.value;
    }

    return values as RepeatOptions;
  });
  readonly isRunning = $derived(this.summary !== null && this.summary.finishedAt === null);

  readonly #api: DesktopApi;
  readonly #notices: NoticesStore;
  readonly #openRun: (runId: string) => Promise<void>;

  constructor(api: DesktopApi, notices: NoticesStore, openRun: (runId: string) => Promise<void>) {
    this.#api = api;
    this.#notices = notices;
    this.#openRun = openRun;
  }

  /** Subscribes to `repeat:progress`: the batch shown follows its own pushes only. */
  listen(): Unsubscribe {
    return this.#api.repeats.onProgress((summary) => {
      if (this.summary === null || this.summary.repeatId === summary.repeatId) {
        this.summary = summary;
        this.#requestHeadlines();
      }
    });
  }

  /**
   * Shows the newest batch the host still holds, so a reload comes back to the batch it was
   * showing (running or not). A push or a start that came first wins.
   */
  async restore(): Promise<void> {
    try {
      const [newest] = await this.#api.repeats.list();
      if (newest === undefined || this.summary !== null) return;
      this.summary = newest;
      this.#requestHeadlines();
    } catch {
      // The panel works without it; a running batch shows again with its next push.
    }
  }

  /** Starts a batch with the form's options; does nothing while they are invalid. */
  async start(profileId: string): Promise<boolean> {
    const options = this.options;
    if (options === null || this.isStarting) return false;
    this.isStarting = true;
    // Cleared so that the first pushes of the new batch are taken.
    if (!this.isRunning) this.summary = null;
    try {
      const started = await this.#api.repeats.start(profileId, options);
      if (!started.ok) {
        this.unavailable = started.error.message;
        this.#notices.showError(started.error, 'Repeat is not available');

        return false;
      }
      this.unavailable = null;
      this.isFormOpen = false;
      this.openedRunId = null;
      this.headlines = {};
      const summary = await this.#api.repeats.get(started.value.repeatId);
      // A push may already have brought a newer state of this batch: keep the furthest.
      const shown = this.summary;
      if (
        summary.ok &&
        (shown?.repeatId !== summary.value.repeatId || shown.done <= summary.value.done)
      ) {
        this.summary = summary.value;
      }

      return true;
    } catch (error) {
      this.unavailable = error instanceof Error ? error.message : 'unavailable';
      this.#notices.showError(error, 'Repeat is not available');

      return false;
    } finally {
      this.isStarting = false;
    }
  }

  async cancel(): Promise<void> {
    if (this.summary === null) return;
    try {
      const result = await this.#api.repeats.cancel(this.summary.repeatId);
      if (!result.ok) this.#notices.showError(result.error, 'Could not cancel the repeat');
    } catch (error) {
      this.#notices.showError(error, 'Could not cancel the repeat');
    }
  }

  /** Opens a run the batch kept in the timeline. */
  async open(runId: string): Promise<void> {
    this.openedRunId = runId;
    await this.#openRun(runId);
  }

  #headlineLoad: Promise<void> | null = null;
  #wantsHeadlines = false;

  /**
   * Reads the headlines of the runs kept so far. Pushes come up to ten a second: one reader
   * runs at a time, and a push that lands while it reads makes it go round once more.
   */
  #requestHeadlines(): void {
    this.#wantsHeadlines = true;
    if (this.#headlineLoad !== null) return;
    this.#headlineLoad = (async () => {
      while (this.#wantsHeadlines) {
        this.#wantsHeadlines = false;
        if (this.summary !== null) await this.#loadHeadlines(this.summary);
      }
    })().finally(() => {
      this.#headlineLoad = null;
    });
  }

  /**
   * Reads each kept run's headline, one at a time so a batch of 55 kept runs does not flood the
   * host; a run that cannot be read simply keeps its number.
   */
  async #loadHeadlines(summary: RepeatSummary): Promise<void> {
    for (const runId of summary.keptRunIds) {
      if (this.summary?.repeatId !== summary.repeatId) return;
      if (this.headlines[runId] !== undefined) continue;
      try {
        const log = await this.#api.runs.get(runId);
        if (log.ok) this.headlines[runId] = log.value.summary.headline;
      } catch {
        // The list works without headlines: the run still opens from its button.
      }
    }
  }

  /** Hides the summary (the batch itself goes on if it is running). */
  dismiss(): void {
    if (!this.isRunning) this.summary = null;
  }
}
