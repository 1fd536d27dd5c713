import { NetworkOptionsSchema } from '../electron/contract';
import { DEMO_APP_KEYS, DEMO_ORIGIN } from '../electron/core/demo-apps';
import { resolvePlan } from '../electron/core/plan-resolver';
import type { RunPlan } from '../electron/core/run-plan';

/** The room every bench handshake joins. */
export const BENCH_ROOM = 'lobby';

/** A CORS handshake plan for the demo key against the bench's sandbox, resolved now. */
export function benchPlan(server: string): RunPlan {
  const resolved = resolvePlan(
    {
      profileId: null,
      profileName: 'Bench (sandbox CORS)',
      server,
      embeddedSandbox: false,
      appKey: DEMO_APP_KEYS.cors,
      room: BENCH_ROOM,
      authMode: 'cors',
      origin: DEMO_ORIGIN,
      startDateTime: null,
      duration: null,
      secret: null,
      givenCredentials: null,
      sdk: '0.6',
      network: NetworkOptionsSchema.parse({}),
    },
    Date.now(),
  );
  if (!resolved.ok) throw new Error(resolved.error.message);

  return resolved.value;
}
