/**
 * Polls `check` every 20 ms until it holds; throws after `timeoutMs`, naming `what`. The
 * renderer updates the DOM in microtasks and frames, so a test waits for what it expects
 * rather than for a fixed time.
 */
export async function waitFor(
  check: () => boolean,
  what = 'the page',
  timeoutMs = 10_000,
): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
