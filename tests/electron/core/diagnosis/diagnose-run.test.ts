import type { lookup as dnsLookup } from 'node:dns';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS, DEMO_ROOMS, DEMO_SECRETS } from '../../../../electron/core/demo-apps';
import { diagnose } from '../../../../electron/core/diagnosis';
import { createSandbox, defaultScenarioJson, type Sandbox } from '../../../../electron/sandbox';
import { makeSelfSignedCert } from '../../../support/self-signed-cert';

import { runScenario, seqsOf, startSandbox } from './run-scenario';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

function byId(findings: readonly { id: string }[], id: string): any {
  const found = findings.find((item) => item.id === id);
  expect(found, `finding ${id} in ${findings.map((item) => item.id).join(', ')}`).toBeDefined();

  return found;
}

const credentials = {
  appKey: DEMO_APP_KEYS.credentials,
  authMode: 'credentials' as const,
  duration: 2,
  secret: DEMO_SECRETS[DEMO_APP_KEYS.credentials] ?? '',
};

describe('diagnose() on time, signalling and network from the sandbox', () => {
  it('reports a joined run at severity info with its evidence', async () => {
    const run = await runScenario(sandbox);
    const found = byId(run.placed, 'run.joined');

    expect(found.severity).toBe('info');
    expect(found.evidence).toEqual([
      ...seqsOf(run.events, 'readyStateChange', (event) => event.state === 2),
      ...seqsOf(run.events, 'channelOpen'),
      ...seqsOf(run.events, 'peerJoined'),
    ]);
  });

  it('names the server clock ~10 min ahead when the sandbox clock is offset', async () => {
    const skewed = await startSandbox({ clockOffsetMs: 600_000 });
    try {
      const run = await runScenario(skewed);
      const found = byId(run.placed, 'clock.skew');

      expect(found.verdict).toMatch(/^The server clock is (9 min 5\d s|10 min \d s) ahead/);
      expect(Math.abs(found.detail.skewMs - 600_000)).toBeLessThan(3000);
      expect(found.evidence).toEqual(seqsOf(run.events, 'http.response'));
    } finally {
      await skewed.close();
    }
  });

  it('reports no skew when both clocks agree', async () => {
    const run = await runScenario(sandbox);

    expect(run.placed.map((item) => item.id)).not.toContain('clock.skew');
  });

  it('flags a window starting in 2 h at stage api, before the join', async () => {
    const run = await runScenario(sandbox, { ...credentials, startDateTime: 'now+2h' });
    const event = run.events.find(
      (item) => item.type === 'diagnosis' && item.finding.id === 'credentials.window-not-started',
    );
    const firstAttempt = seqsOf(run.events, 'socket.attempt')[0] ?? 0;

    expect(event).toBeDefined();
    expect(event!.seq).toBeLessThan(firstAttempt);
    expect(event?.type === 'diagnosis' && event.finding.evidence).toEqual([
      ...seqsOf(run.events, 'run.start'),
      ...seqsOf(run.events, 'http.response'),
    ]);

    // After the join the same finding also cites the `notStart` the server sent.
    const final = byId(diagnose(run.events), 'credentials.window-not-started');
    expect(final.evidence).toContain(seqsOf(run.events, 'systemAction')[0]);
    expect(final.confidence).toBe('high');
  });

  it('flags a window that ended before the join', async () => {
    const run = await runScenario(sandbox, { ...credentials, startDateTime: 'now-5h' });
    const found = byId(run.placed, 'credentials.window-expired');

    expect(found.verdict).toContain('ended 3 h 0 min ago');
    expect(found.evidence).toEqual([
      ...seqsOf(run.events, 'run.start'),
      ...seqsOf(run.events, 'http.response'),
    ]);
  });

  it('lints a duration that looks like minutes at stage api', async () => {
    const run = await runScenario(sandbox, { ...credentials, startDateTime: 'now', duration: 90 });
    const found = byId(run.placed, 'credentials.lint');

    expect(found.detail.problems.map((problem: { id: string }) => problem.id)).toContain(
      'duration.minutes',
    );
    expect(found.evidence).toEqual([
      ...seqsOf(run.events, 'run.start'),
      ...seqsOf(run.events, 'http.request'),
    ]);
  });

  it('reports a locked room from the systemAction', async () => {
    const run = await runScenario(sandbox, { room: DEMO_ROOMS.locked });
    const found = byId(run.placed, 'room.locked');

    expect(found.evidence).toEqual([
      ...seqsOf(run.events, 'socket.message', (event) => event.messageType === 'joinRoom'),
      ...seqsOf(run.events, 'systemAction'),
    ]);
  });

  it('explains other rejects from the catalog (duplicatedLogin)', async () => {
    const run = await runScenario(sandbox, { room: DEMO_ROOMS.duplicateLogin });
    const found = byId(run.placed, 'join.rejected');

    expect(found.catalogKey).toBe('systemAction:duplicatedLogin');
    expect(found.evidence).toEqual([
      ...seqsOf(run.events, 'socket.message', (event) => event.messageType === 'joinRoom'),
      ...seqsOf(run.events, 'systemAction'),
    ]);
  });

  it('names the blocked port when the ladder succeeds on a later port', async () => {
    const laddered = await startSandbox({ signalling: { deadPorts: 1 } });
    try {
      const run = await runScenario(laddered);
      const found = byId(run.placed, 'signalling.port-blocked');
      const attempts = run.events.filter((event) => event.type === 'socket.attempt');
      const deadPort = attempts[0]?.type === 'socket.attempt' ? attempts[0].port : null;

      expect(found.verdict).toContain(`Port ${String(deadPort)} is blocked`);
      expect(found.evidence).toEqual(
        [
          ...seqsOf(run.events, 'socket.attempt'),
          ...seqsOf(run.events, 'socketError'),
          ...seqsOf(run.events, 'channelOpen'),
        ].sort((a, b) => a - b),
      );
    } finally {
      await laddered.close();
    }
  }, 30_000);

  it('names the refused connection and the step that failed', async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    const run = await runScenario({ url });
    const found = byId(run.placed, 'network.tcp.refused');

    expect(found.detail.step).toBe('request');
    expect(found.evidence).toEqual([
      ...seqsOf(run.events, 'step.failed'),
      ...seqsOf(run.events, 'readyStateChange', (event) => event.state === -1),
    ]);
  });

  it('names a DNS failure', async () => {
    const failing = ((_host: string, _options: unknown, callback: any) => {
      const error = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      callback(error, '', 0);
    }) as unknown as typeof dnsLookup;
    const run = await runScenario(
      { url: 'http://auth.sandbox.invalid:9' },
      {},
      { lookup: failing },
    );
    const found = byId(run.placed, 'network.dns.failed');

    expect(found.catalogKey).toBe('engine:dns.failed');
    expect(found.evidence).toEqual(
      [
        ...seqsOf(run.events, 'dns'),
        ...seqsOf(run.events, 'step.failed'),
        ...seqsOf(run.events, 'readyStateChange', (event) => event.state === -1),
      ].sort((a, b) => a - b),
    );
  });

  it('sees a self-signed certificate as TLS interception', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-tls-'));
    const { key, cert } = makeSelfSignedCert(dir, {
      subject: '/CN=Corp Inspection CA',
      altName: null,
    });
    const tlsSandbox = await createSandbox(defaultScenarioJson(), { tls: { key, cert } });
    try {
      const run = await runScenario(tlsSandbox);
      const found = byId(run.placed, 'network.tls-interception');

      expect(found.verdict).toContain('Corp Inspection CA');
      expect(found.confidence).toBe('high');
      expect(found.evidence).toEqual(
        [...seqsOf(run.events, 'tls'), ...seqsOf(run.events, 'step.failed')].sort((a, b) => a - b),
      );
    } finally {
      // Closing the HTTPS sandbox while the server side of the refused handshake is still
      // winding down ends the Vitest worker process; a short pause avoids it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await tlsSandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
