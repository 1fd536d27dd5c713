import type { ErrorInfo } from '../contract';

/** One message shown to the user until dismissed (or, for `info`, for a few seconds). */
export interface Notice {
  id: number;
  level: 'info' | 'error';
  title: string;
  message: string;
  code: string | null;
}

const INFO_LIFETIME_MS = 4000;

function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as ErrorInfo).code === 'string' &&
    typeof (value as ErrorInfo).message === 'string'
  );
}

/** The app's notices, and its one error helper. */
export class NoticesStore {
  items = $state<Notice[]>([]);
  #nextId = 1;

  /**
   * Shows a failure. `info` may be an `ErrorInfo`, an `Error` (a transport failure) or
   * anything else; `fallback` titles it. A cancelled run is the user's own doing, not an error.
   */
  showError(info: unknown, fallback: string): void {
    const resolved: ErrorInfo | null = isErrorInfo(info)
      ? info
      : info instanceof Error && isErrorInfo((info as Error & { info?: unknown }).info)
        ? (info as Error & { info: ErrorInfo }).info
        : null;
    if (resolved?.code === 'run.cancelled') return;

    const message =
      resolved?.message ?? (info instanceof Error ? info.message : 'Something went wrong');
    this.#push({ level: 'error', title: fallback, message, code: resolved?.code ?? null });
  }

  /** Shows a short confirmation that goes away by itself. */
  showInfo(title: string, message = ''): void {
    const id = this.#push({ level: 'info', title, message, code: null });
    setTimeout(() => {
      this.dismiss(id);
    }, INFO_LIFETIME_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((item) => item.id !== id);
  }

  #push(notice: Omit<Notice, 'id'>): number {
    const id = this.#nextId++;
    // Keep the list short: a flood of failures should not bury the UI.
    this.items = [...this.items.slice(-4), { id, ...notice }];

    return id;
  }
}
