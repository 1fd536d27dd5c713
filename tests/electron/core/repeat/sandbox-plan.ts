import { NetworkOptionsSchema } from '../../../../electron/contract';
import { DEMO_APP_KEYS, DEMO_ORIGIN } from '../../../../electron/core/demo-apps';
import { resolvePlan } from '../../../../electron/core/plan-resolver';
import type { RunPlan } from '../../../../electron/core/run-plan';

/** A plan for a CORS handshake against a sandbox on 127.0.0.1, resolved fresh per call. */
export function sandboxPlan(server: string, appKey: string = DEMO_APP_KEYS.cors): RunPlan {
  const resolved = resolvePlan(
    {
      profileId: null,
      profileName: 'Sandbox CORS',
      server,
      embeddedSandbox: false,
      appKey,
      room: 'lobby',
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
