import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'vitest';

import type { ResultEvent, TimelineEvent } from '../../../electron/contract';
import { catalogEntry, catalogKeyForEvent } from '../../../electron/core/catalog';
import type { EngineOptions } from '../../../electron/core/run-engine';
import type { RunPlan } from '../../../electron/core/run-plan';
import { run } from '../core/engine/harness';

/** Small budgets, so every hostile case ends in well under a few seconds. */
export const FAST_NETWORK = {
  apiTimeoutMs: 300,
  apiRetries: 1,
  socketTimeoutMs: 500,
  joinTimeoutMs: 500,
  deadlineMs: 3000,
} as const;

/** How late a run may end past its own deadline: the result is emitted after the unwind. */
const DEADLINE_SLACK_MS = 1000;

/** What one hostile run produced, with the checks every case shares already applied. */
export interface HostileOutcome {
  events: TimelineEvent[];
  result: ResultEvent;
  elapsedMs: number;
  /** Catalog keys of every event that has an explanation. */
  keys: string[];
  rssGrowthBytes: number;
}

/**
 * Runs a plan against a hostile peer and checks what must hold whatever the fault: the run
 * ends within its deadline, exactly one `result` arrives and it is last, the failure is named
 * by a specific code (never `internal`) with a catalog entry, and `step.failed` carries it.
 */
export async function runHostile(
  plan: RunPlan,
  options: Partial<EngineOptions> = {},
): Promise<HostileOutcome> {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const { events, result } = await run(plan, options);
  const elapsedMs = performance.now() - started;

  expect(elapsedMs).toBeLessThan(plan.network.deadlineMs + DEADLINE_SLACK_MS);
  expect(events.filter((event) => event.type === 'result')).toHaveLength(1);
  expect(events.at(-1)).toBe(result);
  expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));

  expect(result.outcome).not.toBe('joined');
  expect(result.error).not.toBeNull();
  expect(result.error?.code).not.toBe('internal');
  expect(result.error?.message.length).toBeGreaterThan(10);
  const resultKey = catalogKeyForEvent(result);
  expect(resultKey, `catalog entry for ${result.error?.code}`).not.toBeNull();
  expect(catalogEntry(resultKey ?? '')).not.toBeNull();

  const failed = events.filter((event) => event.type === 'step.failed');
  expect(failed.map((event) => event.error.code)).toContain(result.error?.code);
  const keys = events.map(catalogKeyForEvent).filter((key): key is string => key !== null);
  for (const key of keys) expect(catalogEntry(key), key).not.toBeNull();

  return {
    events,
    result,
    elapsedMs,
    keys,
    rssGrowthBytes: process.memoryUsage().rss - rssBefore,
  };
}

/** Runs `openssl` quietly; the certificates are made at test time so no key is committed. */
function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'ignore' });
}

/** PEM key and certificate files of one test certificate. */
export interface TestCert {
  key: Buffer;
  cert: Buffer;
  certFile: string;
}

/**
 * Makes a self-signed certificate in `dir`: valid for 127.0.0.1 by default, for another name
 * with `host`, or already expired with `isExpired`.
 */
export function makeCert(
  dir: string,
  name: string,
  options: { host?: string; isExpired?: boolean } = {},
): TestCert {
  const keyFile = join(dir, `${name}-key.pem`);
  const certFile = join(dir, `${name}.pem`);
  const host = options.host ?? '127.0.0.1';
  const san = /^[\d.]+$/.test(host) ? `IP:${host}` : `DNS:${host}`;
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile].concat([
      '-days',
      '1',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=${san}`,
    ]),
  );
  if (options.isExpired === true) {
    // Re-signed with a validity that ended a day before it began: expired from the start.
    openssl(['x509', '-in', certFile, '-signkey', keyFile, '-days', '-1', '-out', certFile]);
  }

  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A TCP listener on 127.0.0.1 that hands each socket to `onSocket`; closes them all after. */
export async function rawServer(
  onSocket: (socket: Socket) => void,
): Promise<{ port: number; url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that was bound and released again: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = await rawServer(() => undefined);
  await server.close();

  return server.port;
}
