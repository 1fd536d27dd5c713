/**
 * Buffers events from a callback API so a step can `await next()` them in order. Nothing is
 * lost between two waits, which a one-shot listener would risk.
 */
export class EventQueue<T> {
  readonly #items: T[] = [];
  #waiter: ((item: T) => void) | null = null;

  /** Adds an event; hands it straight to a waiting `next()` if there is one. */
  push(item: T): void {
    const waiter = this.#waiter;
    if (waiter !== null) {
      this.#waiter = null;
      waiter(item);
    } else {
      this.#items.push(item);
    }
  }

  /** The next event, now or when it arrives. One waiter at a time. */
  next(): Promise<T> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve(item);

    return new Promise((resolve) => {
      this.#waiter = resolve;
    });
  }
}
