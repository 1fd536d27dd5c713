import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS, DEMO_SECRETS } from '../../../../electron/core/demo-apps';
import { diagnose } from '../../../../electron/core/diagnosis';
import type { Sandbox } from '../../../../electron/sandbox';

import { runScenario, seqsOf, startSandbox, type ScenarioRun } from './run-scenario';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

/** The seqs an API refusal rests on: the plan, the request, the response, the ERROR. */
function apiEvidence(run: ScenarioRun): number[] {
  return [
    ...seqsOf(run.events, 'run.start'),
    ...seqsOf(run.events, 'http.request'),
    ...seqsOf(run.events, 'http.response'),
    ...seqsOf(run.events, 'readyStateChange', (event) => event.state === -1),
  ];
}

function byId(findings: readonly { id: string }[], id: string): any {
  const found = findings.find((item) => item.id === id);
  expect(found, `finding ${id} in ${findings.map((item) => item.id).join(', ')}`).toBeDefined();

  return found;
}

const credentialsKey = DEMO_APP_KEYS.credentials;
const credentialsSecret = DEMO_SECRETS[credentialsKey] ?? '';

/** A credentials-mode run whose credentials were computed from a wrong secret (a 4005). */
function runWithWrongSecret(): Promise<ScenarioRun> {
  return runScenario(sandbox, {
    appKey: credentialsKey,
    authMode: 'credentials',
    startDateTime: 'now',
    duration: 2,
    secret: 'not-the-real-secret',
  });
}

/** A credentials-mode run of the persistent key's `standup` room from the given start. */
function runPersistent(startDateTime: string): Promise<ScenarioRun> {
  return runScenario(sandbox, {
    appKey: DEMO_APP_KEYS.persistent,
    room: 'standup',
    authMode: 'credentials',
    startDateTime,
    duration: 24,
    secret: DEMO_SECRETS[DEMO_APP_KEYS.persistent] ?? '',
  });
}

describe('diagnose() on API refusals from the sandbox', () => {
  it('names the secret when credentials computed from a wrong secret get 4005', async () => {
    const run = await runWithWrongSecret();
    const found = byId(run.placed, 'credentials.secret-mismatch');

    expect(found.evidence).toEqual(apiEvidence(run));
    expect(found.catalogKey).toBe('readyState:4005');
    expect(found.verdict).toContain('demo-credentials-key');
    expect(JSON.stringify(run.events)).not.toContain('not-the-real-secret');
  });

  it(
    'says the HMAC step differs when the real ' + 'secret is checked against the sent string',
    async () => {
      const run = await runWithWrongSecret();
      const findings = diagnose(run.events, {
        secret: credentialsSecret,
        credentials: run.plan.credentials,
      });
      const found = byId(findings, 'credentials.step-mismatch');

      expect(found.detail.firstDifference).toBe('hmac');
      expect(found.evidence).toEqual(apiEvidence(run));
      expect(JSON.stringify(found)).not.toContain(run.plan.credentials ?? '???');
    },
  );

  it('finds the signed string when given credentials signed `2.0` for the duration', async () => {
    const { computeCredentials } = await import('../../../../electron/core/credentials');
    const start = new Date().toISOString();
    const given = computeCredentials({
      room: 'lobby',
      duration: '2.0',
      startDateTime: start,
      secret: credentialsSecret,
    }).credentials;
    const run = await runScenario(sandbox, {
      appKey: credentialsKey,
      authMode: 'credentials',
      startDateTime: start,
      duration: 2,
      givenCredentials: given,
    });
    const found = byId(
      diagnose(run.events, { secret: credentialsSecret, credentials: given }),
      'credentials.step-mismatch',
    );

    expect(found.detail.firstDifference).toBe('message');
    expect(found.verdict).toContain(`lobby_2.0_${start}`);
    expect(found.evidence).toEqual(apiEvidence(run));
  });

  it('gives a low-confidence 4005 finding without the secret', async () => {
    const run = await runWithWrongSecret();
    const found = byId(diagnose(run.events), 'credentials.rejected');

    expect(found.confidence).toBe('low');
    expect(found.evidence).toEqual(apiEvidence(run));
  });

  it('explains 4010 for a persistent key with a start that is not the meeting', async () => {
    const run = await runPersistent('now');
    const found = byId(run.placed, 'persistent.no-meeting');

    expect(found.evidence).toEqual(apiEvidence(run));
    expect(found.detail.fieldToCheck).toBe('startDateTime');
    expect(found.detail.sent).toEqual({
      room: 'standup',
      startDateTime: run.plan.startDateTime,
      duration: '24',
    });
  });

  it('joins the persistent meeting with its own start, so no 4010 finding', async () => {
    const run = await runPersistent('today');

    expect(run.placed.map((item) => item.id)).toContain('run.joined');
    expect(run.placed.map((item) => item.id)).not.toContain('persistent.no-meeting');
  });

  it('names the wrong auth server on 5005', async () => {
    const run = await runScenario(sandbox, { appKey: DEMO_APP_KEYS.otherServer });
    const found = byId(run.placed, 'auth.wrong-server');

    expect(found.evidence).toEqual(apiEvidence(run));
    expect(found.catalogKey).toBe('readyState:5005');
  });

  it('says the key needs credentials or an origin on 4004 without an Origin', async () => {
    const run = await runScenario(sandbox, { origin: null });
    const found = byId(run.placed, 'auth.needs-origin-or-credentials');

    expect(found.verdict).toContain('needs credentials or an origin');
    expect(found.confidence).toBe('high');
    expect(found.evidence).toEqual(apiEvidence(run));
  });

  it('points at the origin matrix on 4003', async () => {
    const run = await runScenario(sandbox, { origin: 'https://www.app.example.com' });
    const found = byId(run.placed, 'auth.origin-not-registered');

    expect(found.evidence).toEqual(apiEvidence(run));
    expect(found.nextStep).toContain('skylink-diag origins');
  });

  it('reports the seat limit on 4020', async () => {
    const run = await runScenario(sandbox, { appKey: DEMO_APP_KEYS.seats });
    const found = byId(run.placed, 'seats.limit');

    expect(found.catalogKey).toBe('readyState:4020');
    expect(found.evidence).toEqual(apiEvidence(run).slice(1));
  });

  it('reads the body code that 2.x hides behind the HTTP status (4006)', async () => {
    const run = await runScenario(sandbox, { appKey: DEMO_APP_KEYS.orphan, sdk: '2.x' });
    const found = byId(run.placed, 'api.rejected');
    const error = run.events.find(
      (event) => event.type === 'readyStateChange' && event.state === -1,
    );

    expect(error?.type === 'readyStateChange' && error.error?.errorCode).not.toBe(4006);
    expect(found.catalogKey).toBe('readyState:4006');
    expect(found.verdict).toContain('the body says 4006');
    expect(found.evidence).toEqual(apiEvidence(run).slice(1));
  });
});
