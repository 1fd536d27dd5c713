import { createSandbox } from '../electron/sandbox';

import { benchScenario } from './bench-scenario';

/**
 * The sandbox of the bench, run in its own process so that its CPU time and memory are not
 * charged to the engine the bench measures. It reports its URL over IPC and exits when the
 * parent disconnects (or dies), so it can never outlive the bench.
 */
const sandbox = await createSandbox(benchScenario());
process.send?.({ url: sandbox.url });
process.on('disconnect', () => {
  void sandbox.close().finally(() => process.exit(0));
});
