import type { NetworkOptions, SdkFlavour, TimelineEvent } from '../../electron/contract';
import { computeCredentials, renderDuration } from '../../electron/core/credentials';
import { resolveStartToken } from '../../electron/core/demo-apps';
import { resolvePlan } from '../../electron/core/plan-resolver';
import { Redactor } from '../../electron/core/redactor';
import { runHandshake } from '../../electron/core/run-engine';
import { createSandbox, type Sandbox } from '../../electron/sandbox';

import { compareSequences, type SequenceComparison } from './compare-sequences';
import type { ConformanceEvent } from './conformance-event';
import { startLoopbackTargets, type LoopbackTargets } from './loopback-targets';
import { fromEngineEvents, fromSdkEvents } from './normalize-events';
import {
  sandboxScenarioJson,
  type ConformanceScenario,
  type SandboxVariant,
  type ScenarioAuth,
} from './scenarios';
import { SdkBrowser, type SdkRunConfig, type SdkRunResult } from './sdk-browser';
import type { SdkVersion } from './sdk-bundle';
import { engineWireRecord, sdkWireRecord, type WireRecord } from './wire-record';

/**
 * Short timeouts, the same on both sides: 0.6 honours `apiTimeout` (so its three attempts take
 * 4.5 s, not 12 s); 2.x has no API timeout, and neither has the engine's 2.x flavour. With
 * 500 ms a CI run on 2 busy cores once saw the real SDK's request time out three times on a
 * success cell (the browser, the sandbox and two other test projects share the cores).
 */
export const RIG_TIMING = {
  apiTimeoutMs: 1500,
  /** 0.6 replaces anything under 5000 with 7000. */
  socketTimeoutMs: 5000,
  joinTimeoutMs: 5000,
  /** Long enough for 0.6's first-port reconnections (about 1 s + 2 s, jittered). */
  deadlineMs: 9000,
  /** Where the SDK hangs for good (2.x against a silent server), waiting longer shows nothing. */
  hangDeadlineMs: 3000,
} as const;

/** The engine flavour that imitates an SDK version. */
export const FLAVOUR_OF: Record<SdkVersion, SdkFlavour> = { '0.6.37': '0.6', '2.7.2': '2.x' };

/** One scenario run once by the SDK in Chromium and once by the engine. */
export interface CellResult {
  scenario: ConformanceScenario;
  version: SdkVersion;
  sdk: SdkRunResult & { compared: ConformanceEvent[] };
  engine: { timeline: TimelineEvent[]; compared: ConformanceEvent[]; outcome: string };
  comparison: SequenceComparison;
  /** The auth request and joinRoom as each side sent them (masked, shapes only). */
  wire: { sdk: WireRecord; engine: WireRecord };
}

interface ResolvedAuth {
  sdk: SdkRunConfig['credentials'];
  startDateTime: string | null;
  duration: number | null;
  secret: string | null;
}

function resolveAuth(auth: ScenarioAuth, room: string, nowMs: number): ResolvedAuth {
  if (auth.mode === 'cors') return { sdk: null, startDateTime: null, duration: null, secret: null };
  // Resolved once, so the SDK and the engine sign and send the very same start string.
  const startDateTime = resolveStartToken(auth.start, nowMs);
  const { credentials } = computeCredentials({
    room,
    duration: renderDuration(auth.duration),
    startDateTime,
    secret: auth.secret,
  });

  return {
    sdk: { startDateTime, duration: auth.duration, credentials },
    startDateTime,
    duration: auth.duration,
    secret: auth.secret,
  };
}

/** A browser, the sandboxes and the failure targets, shared by every cell of a run. */
export class ConformanceRig {
  private readonly sandboxes = new Map<SandboxVariant, Promise<Sandbox>>();

  private constructor(
    readonly browser: SdkBrowser,
    private readonly targets: LoopbackTargets,
  ) {}

  /** Starts Chromium, the page server and the loopback targets; sandboxes start on first use. */
  static async start(): Promise<ConformanceRig> {
    const targets = await startLoopbackTargets();
    try {
      return new ConformanceRig(await SdkBrowser.launch(), targets);
    } catch (error) {
      await targets.close();
      throw error;
    }
  }

  private sandbox(variant: SandboxVariant): Promise<Sandbox> {
    let sandbox = this.sandboxes.get(variant);
    if (sandbox === undefined) {
      sandbox = createSandbox(sandboxScenarioJson(variant));
      this.sandboxes.set(variant, sandbox);
    }

    return sandbox;
  }

  /** `host:port` of the auth server a scenario points at. */
  private async authHost(scenario: ConformanceScenario): Promise<string> {
    switch (scenario.target) {
      case 'refused':
        return `127.0.0.1:${this.targets.refusedPort}`;
      case 'silent':
        return `127.0.0.1:${this.targets.silentPort}`;
      case 'sandbox':
        return new URL((await this.sandbox(scenario.sandbox)).url).host;
    }
  }

  /** Runs a scenario in the SDK, then in the engine, and compares what each reported. */
  async runCell(scenario: ConformanceScenario, version: SdkVersion): Promise<CellResult> {
    const host = await this.authHost(scenario);
    const deadlineMs =
      scenario.hangsIn?.includes(version) === true
        ? RIG_TIMING.hangDeadlineMs
        : RIG_TIMING.deadlineMs;

    const now = Date.now();
    const auth = resolveAuth(scenario.auth, scenario.room, now);
    // Both at once: each has its own tokens and socket, and the slow cells halve their time.
    const [sdkRun, engine] = await Promise.all([
      this.browser.run(version, {
        appKey: scenario.appKey,
        room: scenario.room,
        roomServer: `//${host}`,
        credentials: auth.sdk,
        apiTimeoutMs: RIG_TIMING.apiTimeoutMs,
        socketTimeoutMs: RIG_TIMING.socketTimeoutMs,
        deadlineMs,
        stayAfterJoinMs: scenario.stayInRoomMs ?? 0,
      }),
      this.runEngine({ scenario, version, server: `http://${host}`, auth, now, deadlineMs }),
    ]);
    const sdkCompared = fromSdkEvents(sdkRun.events);
    const engineCompared = fromEngineEvents(engine.timeline);

    return {
      scenario,
      version,
      sdk: { ...sdkRun, compared: sdkCompared },
      engine: { ...engine, compared: engineCompared },
      comparison: compareSequences(sdkCompared, engineCompared),
      wire: { sdk: sdkWireRecord(sdkRun), engine: engineWireRecord(engine.timeline) },
    };
  }

  private async runEngine(options: {
    scenario: ConformanceScenario;
    version: SdkVersion;
    server: string;
    auth: ResolvedAuth;
    now: number;
    deadlineMs: number;
  }): Promise<{ timeline: TimelineEvent[]; outcome: string }> {
    const { scenario, version, server, auth, now, deadlineMs } = options;
    const network: NetworkOptions = {
      apiTimeoutMs: RIG_TIMING.apiTimeoutMs,
      apiRetries: 2,
      socketTimeoutMs: RIG_TIMING.socketTimeoutMs,
      joinTimeoutMs: RIG_TIMING.joinTimeoutMs,
      deadlineMs,
      caFile: null,
      insecure: false,
      proxy: null,
    };
    const plan = resolvePlan(
      {
        profileId: null,
        profileName: `conformance ${scenario.id}`,
        server,
        embeddedSandbox: false,
        appKey: scenario.appKey,
        room: scenario.room,
        authMode: scenario.auth.mode,
        origin: this.browser.origin,
        startDateTime: auth.startDateTime,
        duration: auth.duration,
        secret: auth.secret,
        givenCredentials: null,
        sdk: FLAVOUR_OF[version],
        network,
      },
      now,
    );
    if (!plan.ok) throw new Error(`The plan of ${scenario.id} is invalid: ${plan.error.message}`);

    const timeline: TimelineEvent[] = [];
    const result = await runHandshake(plan.value, {
      sink: (event) => timeline.push(event),
      redactor: new Redactor(),
      ...(scenario.stayInRoomMs === undefined
        ? { stopAfter: 'join' as const }
        : { stayInRoomMs: scenario.stayInRoomMs }),
    });

    return { timeline, outcome: result.outcome };
  }

  /** Closes the sandboxes, Chromium and the targets. */
  async close(): Promise<void> {
    const sandboxes = await Promise.allSettled(this.sandboxes.values());
    for (const sandbox of sandboxes)
      if (sandbox.status === 'fulfilled') await sandbox.value.close();
    await this.browser.close();
    await this.targets.close();
  }
}
