import { DEFAULT_HTTP_STATUS_BY_CODE } from '../../electron/sandbox';

import type { ConformanceScenario } from './scenarios';
import type { SdkVersion } from './sdk-bundle';

const INIT = 'readyStateChange INIT';
const LOADING = 'readyStateChange LOADING';
const COMPLETED = 'readyStateChange COMPLETED';

function apiCodeOf(scenario: ConformanceScenario): number {
  const code = Number(scenario.id.replace(/^api-/, ''));
  if (!Number.isInteger(code)) throw new Error(`No API code in scenario id \`${scenario.id}\``);

  return code;
}

/**
 * What each SDK is known to report for a scenario, as `describeEvent` prints it. The suite
 * checks the real SDK against it before it compares the engine with the SDK, so a harness
 * that silently stopped recording (or an SDK that changed) cannot pass as "both agree".
 * 2.x's odd habit is spelt out here: it reports the HTTP status as `errorCode`.
 */
export function expectedSdkSequence(scenario: ConformanceScenario, version: SdkVersion): string[] {
  const is06 = version === '0.6.37';
  switch (scenario.group) {
    case 'success':
      return [INIT, LOADING, COMPLETED, 'channelOpen', 'peerJoined'];
    case 'api-error': {
      const code = apiCodeOf(scenario);
      const status = DEFAULT_HTTP_STATUS_BY_CODE[code] ?? 400;

      return [
        INIT,
        LOADING,
        `readyStateChange ERROR status=${status} errorCode=${is06 ? code : status}`,
      ];
    }
    case 'network':
      if (scenario.target === 'refused') {
        return [INIT, LOADING, 'readyStateChange ERROR status=-1 errorCode=-1'];
      }

      // 2.x's fetch has no timeout: it waits for ever after LOADING.
      return is06
        ? [INIT, LOADING, 'readyStateChange ERROR status=-1 errorCode=-2']
        : [INIT, LOADING];
    case 'redirect':
      return [
        INIT,
        LOADING,
        COMPLETED,
        'channelOpen',
        `systemAction reject/${scenario.id.replace(/^redirect-/, '')}`,
      ];
    case 'ladder':
      // 2.x dials `ipSigserver` (here the dead `host:port`) once, and has no `connect_error`
      // handler: it reports nothing and waits for ever.
      return is06
        ? [
            INIT,
            LOADING,
            COMPLETED,
            'socketError 0 nonfallback',
            'socketError -4 fallbackPortNonSSL',
            'channelOpen',
            'peerJoined',
          ]
        : [INIT, LOADING, COMPLETED];
  }
}
