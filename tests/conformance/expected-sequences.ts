import { DEFAULT_HTTP_STATUS_BY_CODE } from '../../electron/sandbox';

import type { ConformanceScenario } from './scenarios';
import type { SdkVersion } from './sdk-bundle';

const INIT = 'readyStateChange INIT';
const LOADING = 'readyStateChange LOADING';
const COMPLETED = 'readyStateChange COMPLETED';

const JOINED = [INIT, LOADING, COMPLETED, 'channelOpen', 'peerJoined'];
const NETWORK_ERROR = 'readyStateChange ERROR status=-1 errorCode=-1';

/**
 * What each SDK does with a broken server, read from its source and confirmed in Chromium.
 * A sequence that stops early is a hang: the SDK throws inside a handler (0.6's JSON.parse in
 * the XHR callback, 2.x's unhandled `response.json()` rejection) and reports nothing more.
 */
const FAULT_SEQUENCES: Record<string, Record<SdkVersion, string[]>> = {
  'server-error': {
    '0.6.37': [INIT, LOADING],
    '2.7.2': [INIT, LOADING, 'readyStateChange ERROR status=503 errorCode=503'],
  },
  'non-json': { '0.6.37': [INIT, LOADING], '2.7.2': [INIT, LOADING, COMPLETED] },
  'truncated-json': { '0.6.37': [INIT, LOADING], '2.7.2': [INIT, LOADING, COMPLETED] },
  'wrong-types': { '0.6.37': [INIT, LOADING], '2.7.2': [INIT, LOADING, COMPLETED] },
  // 2.x's fetch resolves on the headers (200 → COMPLETED); the body then fails unhandled.
  reset: { '0.6.37': [INIT, LOADING, NETWORK_ERROR], '2.7.2': [INIT, LOADING, COMPLETED] },
  // The browser follows the loop until its redirect limit, then fails as a network error.
  'redirect-loop': {
    '0.6.37': [INIT, LOADING, NETWORK_ERROR],
    '2.7.2': [INIT, LOADING, NETWORK_ERROR],
  },
  delay: { '0.6.37': JOINED, '2.7.2': JOINED },
  // 0.6 times out with the headers in: `status: xhr.status || -1` is then 200.
  'slow-drip': {
    '0.6.37': [INIT, LOADING, 'readyStateChange ERROR status=200 errorCode=-2'],
    '2.7.2': JOINED,
  },
  // 0.6 parses the whole body: `success` but no constraints is ERROR with status 200.
  oversized: {
    '0.6.37': [INIT, LOADING, 'readyStateChange ERROR status=200 errorCode=null'],
    '2.7.2': [INIT, LOADING, COMPLETED],
  },
  hang: {
    '0.6.37': [INIT, LOADING, 'readyStateChange ERROR status=-1 errorCode=-2'],
    '2.7.2': [INIT, LOADING],
  },
  'socket-close-on-connect': {
    '0.6.37': [INIT, LOADING, COMPLETED, 'channelOpen'],
    '2.7.2': [INIT, LOADING, COMPLETED, 'channelOpen'],
  },
  // 0.6's socket.io 1.4.8 reconnects after the parser error and reports the channel open again.
  'socket-garbage': {
    '0.6.37': [INIT, LOADING, COMPLETED, 'channelOpen', 'channelError', 'channelOpen'],
    '2.7.2': [INIT, LOADING, COMPLETED, 'channelOpen', 'channelError'],
  },
  'join-silent': {
    '0.6.37': [INIT, LOADING, COMPLETED, 'channelOpen'],
    '2.7.2': [INIT, LOADING, COMPLETED, 'channelOpen'],
  },
};

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
      return JOINED;
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
        return [INIT, LOADING, NETWORK_ERROR];
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
    case 'in-room':
      // 0.6 rewrites the wire's `toClose` to its constant `toclose`; 2.x passes it through.
      return [
        ...JOINED,
        `systemAction warning/${is06 ? 'toclose' : 'toClose'}`,
        'systemAction reject/roomclose',
      ];
    case 'fault': {
      const sequence = FAULT_SEQUENCES[scenario.id.replace(/^fault-/, '')]?.[version];
      if (sequence === undefined) throw new Error(`No expected sequence for \`${scenario.id}\``);

      return sequence;
    }
  }
}
