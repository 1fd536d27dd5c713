import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_APP_KEYS, DEMO_SECRETS } from '../../../../electron/core/demo-apps';
import { diagnose, originVariants, runOriginMatrix } from '../../../../electron/core/diagnosis';
import { DiagnosticError } from '../../../../electron/core/diagnostic-error';
import type { Sandbox } from '../../../../electron/sandbox';

import { planFor, runScenario, startSandbox } from './run-scenario';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('originVariants()', () => {
  it('puts the customer origin first and adds the usual variants', () => {
    const variants = originVariants('https://www.app.example.com');

    expect(variants.map((variant) => variant.origin)).toEqual([
      'https://www.app.example.com',
      'http://www.app.example.com',
      'https://app.example.com',
      'http://app.example.com',
      'https://www.app.example.com:8443',
      'https://www.app.example.com/',
      'null',
      'file://',
      null,
    ]);
  });

  it('adds www. to an apex and drops an explicit port', () => {
    const origins = originVariants('http://app.example.com:8080').map((variant) => variant.origin);

    expect(origins).toContain('http://www.app.example.com:8080');
    expect(origins).toContain('http://app.example.com');
  });

  it('rejects something that is not an http(s) origin, naming the field', () => {
    expect(() => originVariants('app.example.com')).toThrow(DiagnosticError);
    expect(() => originVariants('ftp://app.example.com')).toThrow(/`origin`/);
  });
});

describe('runOriginMatrix()', () => {
  it('says the domain is registered but the page runs on another origin', async () => {
    const result = await runOriginMatrix({
      plan: planFor(sandbox, { appKey: DEMO_APP_KEYS.cors }),
      variants: originVariants('https://www.app.example.com'),
    });

    expect(result.conclusion).toBe('registered-elsewhere');
    expect(result.customer.accepted).toBe(false);
    expect(result.customer.errorCode).toBe(4003);
    expect(result.acceptedOrigins).toContain('https://app.example.com');
    expect(result.rows.find((row) => row.origin === null)?.errorCode).toBe(4004);
    // Each variant stopped after the API answer: no signalling happened.
    expect(result.rows.every((row) => !row.events.some((e) => e.type === 'socket.attempt'))).toBe(
      true,
    );
  });

  it('says the domain is not registered when every variant is refused', async () => {
    const result = await runOriginMatrix({
      plan: planFor(sandbox),
      variants: originVariants('https://shop.unregistered.example'),
    });

    expect(result.conclusion).toBe('not-registered');
    expect(result.acceptedOrigins).toEqual([]);
    expect(result.verdict).toContain('Domain not registered');
  });

  it("says registered when the customer's origin is accepted", async () => {
    const result = await runOriginMatrix({
      plan: planFor(sandbox),
      variants: originVariants('https://app.example.com'),
    });

    expect(result.conclusion).toBe('registered');
    expect(result.customer.accepted).toBe(true);
  });

  it('is inconclusive when the key itself is refused', async () => {
    const result = await runOriginMatrix({
      plan: planFor(sandbox, { appKey: DEMO_APP_KEYS.otherServer }),
      variants: originVariants('https://app.example.com'),
    });

    expect(result.conclusion).toBe('inconclusive');
  });

  it('feeds the auth-mode rule: credentials refused on a key whose CORS path works', async () => {
    const credentialsKey = DEMO_APP_KEYS.credentials;
    const run = await runScenario(sandbox, {
      appKey: credentialsKey,
      authMode: 'credentials',
      startDateTime: 'now',
      duration: 2,
      secret: `${DEMO_SECRETS[credentialsKey] ?? ''}-rotated`,
    });
    const matrix = await runOriginMatrix({
      plan: run.plan,
      variants: originVariants(run.plan.origin ?? ''),
    });
    const found = diagnose(run.events, { corsAccepted: matrix.customer.accepted }).find(
      (item) => item.id === 'auth.mode-mismatch',
    );

    expect(matrix.customer.accepted).toBe(true);
    expect(found?.confidence).toBe('high');
    expect(found?.evidence).toEqual(
      run.events
        .filter(
          (event) =>
            event.type === 'run.start' ||
            event.type === 'http.request' ||
            event.type === 'http.response' ||
            (event.type === 'readyStateChange' && event.state === -1),
        )
        .map((event) => event.seq),
    );
  });
});
