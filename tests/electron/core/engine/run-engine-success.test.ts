import { describe, expect, it } from 'vitest';

import type { SdkFlavour } from '../../../../electron/contract';

import {
  checkShape,
  credentialsPlan,
  ofType,
  plan,
  readyStates,
  run,
  useSharedSandbox,
} from './harness';

const sandbox = useSharedSandbox();
const REDACTED_CREDENTIALS_URL = new RegExp(
  String.raw`\/api\/demo-credentials-key\/lobby\/[^/]+\/2\?cred=` +
    String.raw`\[REDACTED:credentials#[0-9a-f]{8}\]&rand=\d+$`,
);

describe('runHandshake() success', () => {
  const cases: [SdkFlavour, 'cors' | 'credentials'][] = [
    ['0.6', 'cors'],
    ['0.6', 'credentials'],
    ['2.x', 'cors'],
    ['2.x', 'credentials'],
  ];

  for (const [sdk, mode] of cases) {
    it(`joins in ${mode} mode as ${sdk}`, async () => {
      const runPlan =
        mode === 'cors' ? plan(sandbox.url, { sdk }) : credentialsPlan(sandbox.url, { sdk });
      const { events, result } = await run(runPlan);

      checkShape(events);
      expect(result).toMatchObject({ outcome: 'joined', readyState: 2, error: null });
      expect(readyStates(events)).toEqual(['0', '1', '2']);
      expect(ofType(events, 'peerJoined')).toHaveLength(1);
      expect(ofType(events, 'channelOpen')).toHaveLength(1);
      expect(ofType(events, 'channelClose')[0]?.reason).toBe('client');
      const sent = ofType(events, 'socket.message').filter((e) => e.direction === 'sent');
      expect(sent.map((e) => e.messageType)).toEqual(['joinRoom', 'enter']);
      expect(result.timings.apiAttempts).toBe(1);
      expect(result.timings.joinMs).not.toBeNull();
    });
  }

  it('orders COMPLETED after api.parsed in 0.6 and before it in 2.x', async () => {
    const order = async (sdk: SdkFlavour) => {
      const { events } = await run(plan(sandbox.url, { sdk }));

      return events
        .filter((e) => e.type === 'api.parsed' || (e.type === 'readyStateChange' && e.state === 2))
        .map((e) => e.type);
    };

    expect(await order('0.6')).toEqual(['api.parsed', 'readyStateChange']);
    expect(await order('2.x')).toEqual(['readyStateChange', 'api.parsed']);
  });

  it('sends the flavour headers, the origin and rand on the API request', async () => {
    const { events } = await run(credentialsPlan(sandbox.url, { sdk: '2.x' }));
    const request = ofType(events, 'http.request')[0];

    expect(request?.headers).toMatchObject({
      'X-Server-Select': 'sig-v2',
      Origin: 'https://app.example.com',
    });
    expect(request?.url).toMatch(REDACTED_CREDENTIALS_URL);
  });

  it('dials ipSigserver:port with rand in 0.6 and the bare host from the API in 2.x', async () => {
    const v06 = ofType((await run(plan(sandbox.url))).events, 'socket.attempt')[0];
    const v2x = ofType((await run(plan(sandbox.url, { sdk: '2.x' }))).events, 'socket.attempt')[0];
    const port = new URL(sandbox.url).port;

    expect(v06?.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}\\?rand=\\d+$`));
    expect(v06).toMatchObject({ transport: 'websocket', fallbackType: 'nonfallback' });
    expect(v2x).toMatchObject({ url: `http://127.0.0.1:${port}`, port: null });
  });

  it('stamps seq from 1, t rising from 0 and an ISO at on every event', async () => {
    const { events } = await run(plan(sandbox.url));

    expect(events[0]).toMatchObject({ seq: 1, type: 'run.start' });
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
    }
    expect(events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('stops after the API response when asked, without connecting', async () => {
    const { events, result } = await run(plan(sandbox.url), { stopAfter: 'api' });

    expect(result).toMatchObject({ outcome: 'joined', readyState: 2 });
    expect(ofType(events, 'socket.attempt')).toHaveLength(0);
  });

  it('calls diagnose at the api and final stages and emits each finding once', async () => {
    const stages: string[] = [];
    const { events } = await run(plan(sandbox.url), {
      diagnose: (seen, stage) => {
        stages.push(`${stage}:${seen.length > 0 ? 'events' : 'none'}`);

        return [
          {
            id: 'test.same',
            verdict: 'v',
            confidence: 'high',
            severity: 'info',
            evidence: [1],
            nextStep: 'n',
          },
        ];
      },
    });

    expect(stages).toEqual(['api:events', 'final:events']);
    expect(ofType(events, 'diagnosis')).toHaveLength(1);
    checkShape(events);
  });

  it('lingers in the room when asked and still closes the channel', async () => {
    const { events, result } = await run(plan(sandbox.url), { stayInRoomMs: 300 });

    expect(result.outcome).toBe('joined');
    expect(result.durationMs).toBeGreaterThanOrEqual(300);
    expect(ofType(events, 'channelClose')).toHaveLength(1);
  });
});
