/**
 * A fixed-bucket logarithmic histogram of durations in milliseconds. Memory is fixed at
 * construction (about 1,000 counters for the default range), however many values go in, so a
 * repeat batch of a million runs costs the same as one of ten.
 *
 * Error bound: bucket `i` covers `[min·g^(i-1), min·g^i)` with `g = 2^(1/32)`, and a percentile
 * is reported as the geometric middle of its bucket, so the reported value is within
 * `g^(1/2) - 1 ≈ 1.09 %` of the true order statistic (relative). Values at or below the lower
 * bound (`minMs`, default 0.01 ms) share the first bucket and values above `maxMs` the last;
 * the exact smallest and largest values seen are kept apart, and every answer is clamped to
 * them, so `max` is exact.
 */
export class LogHistogram {
  readonly #minMs: number;
  readonly #logGrowth: number;
  readonly #counts: Float64Array;
  #count = 0;
  #smallest = Number.POSITIVE_INFINITY;
  #largest = Number.NEGATIVE_INFINITY;

  /**
   * @param options - `minMs` and `maxMs` bound the range with full resolution;
   * `bucketsPerDoubling` sets the resolution (32 gives the ≈1.1 % bound above).
   */
  constructor(options: { minMs?: number; maxMs?: number; bucketsPerDoubling?: number } = {}) {
    const minMs = options.minMs ?? 0.01;
    const maxMs = options.maxMs ?? 3_600_000;
    const perDoubling = options.bucketsPerDoubling ?? 32;
    if (!(minMs > 0 && maxMs > minMs && perDoubling >= 1)) {
      throw new RangeError(
        `Expected 0 < \`minMs\` < \`maxMs\` and \`bucketsPerDoubling\` ` +
          `>= 1, got ${minMs}, ${maxMs}, ${perDoubling}`,
      );
    }
    this.#minMs = minMs;
    this.#logGrowth = Math.LN2 / perDoubling;
    // Bucket 0 holds values <= minMs; the last one catches everything above maxMs.
    const buckets = Math.ceil(Math.log(maxMs / minMs) / this.#logGrowth) + 2;
    this.#counts = new Float64Array(buckets);
  }

  /** How many values went in. */
  get count(): number {
    return this.#count;
  }

  /** The largest value seen, exact; `null` when empty. */
  get max(): number | null {
    return this.#count === 0 ? null : this.#largest;
  }

  /** The smallest value seen, exact; `null` when empty. */
  get min(): number | null {
    return this.#count === 0 ? null : this.#smallest;
  }

  /** Adds one value. Negative and non-finite values are ignored: they are not durations. */
  record(valueMs: number): void {
    if (!Number.isFinite(valueMs) || valueMs < 0) return;

    const bucket = this.#bucketOf(valueMs);
    this.#counts[bucket] = (this.#counts[bucket] ?? 0) + 1;
    this.#count += 1;
    if (valueMs < this.#smallest) this.#smallest = valueMs;
    if (valueMs > this.#largest) this.#largest = valueMs;
  }

  /**
   * The nearest-rank percentile: the value of rank `ceil(p/100 · n)` in sorted order, within
   * the error bound above; `null` when empty.
   */
  percentile(p: number): number | null {
    if (this.#count === 0) return null;

    const rank = Math.min(this.#count, Math.max(1, Math.ceil((p / 100) * this.#count)));
    // The extremes are known exactly, so they need no estimate.
    if (rank === this.#count) return this.#largest;
    if (rank === 1) return this.#smallest;

    let seen = 0;
    for (let index = 0; index < this.#counts.length; index += 1) {
      seen += this.#counts[index] ?? 0;
      if (seen >= rank) return this.#clamp(this.#middleOf(index));
    }

    return this.#largest;
  }

  #bucketOf(valueMs: number): number {
    if (valueMs <= this.#minMs) return 0;

    const index = Math.ceil(Math.log(valueMs / this.#minMs) / this.#logGrowth);

    return Math.min(this.#counts.length - 1, Math.max(1, index));
  }

  /** The geometric middle of a bucket, which halves the worst relative error of either edge. */
  #middleOf(index: number): number {
    if (index === 0) return this.#minMs;

    return this.#minMs * Math.exp((index - 0.5) * this.#logGrowth);
  }

  #clamp(valueMs: number): number {
    return Math.min(this.#largest, Math.max(this.#smallest, valueMs));
  }
}
