import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `npm run bench` cannot pass `--expose-gc` to node, so the flag is set at run time and the
// `gc` function fetched from a fresh context, where V8 installs it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects garbage twice (the second pass frees what the first one's finalisers released). */
export function forceGc(): void {
  gc();
  gc();
}

/** Resident set size after a full collection, in megabytes. */
export function settledRssMb(): number {
  forceGc();

  return process.memoryUsage().rss / (1024 * 1024);
}
