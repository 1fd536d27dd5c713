/** The median of a list of numbers; `NaN` for an empty list. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile of a list (the bench keeps every sample, so it can be exact). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;

  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));

  return sorted[rank - 1] ?? Number.NaN;
}

/** Runs `round` `count` times, one after another, and returns what each round measured. */
export async function rounds<T>(count: number, round: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < count; index += 1) results.push(await round(index));

  return results;
}

/** Rejects if `work` takes longer than `ms`, so no bench section can hang the script. */
export async function withDeadline<T>(label: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
