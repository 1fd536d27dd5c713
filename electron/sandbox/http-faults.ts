import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ApiRequest } from './api-request';
import { wrongTypesBody } from './api-response';
import type { Lifecycle } from './lifecycle';
import { HTTP_FAULTS, makeFault } from './parse-faults';
import type { FaultMatch, FaultSpec, HttpFaultName, Scenario } from './scenario-types';

/** The answer the API would give without a fault. */
export interface PlannedAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Whether a fault's match covers a request. */
export function faultMatches(
  match: FaultMatch,
  target: { path: string; appKey: string | null; room: string | null },
): boolean {
  return (
    (match.path === null || target.path.startsWith(match.path)) &&
    (match.appKey === null || match.appKey === target.appKey) &&
    (match.room === null || match.room === target.room)
  );
}

function queryFault(scenario: Scenario, request: ApiRequest | null): FaultSpec | null {
  const name = request?.query.get('fault');
  if (!scenario.allowQueryFaults || request === null || name === undefined) return null;
  if (!HTTP_FAULTS.includes(name as HttpFaultName)) return null;
  const number = (key: string) => {
    const raw = request.query.get(key);
    const value = raw === undefined ? NaN : Number(raw);

    return Number.isFinite(value) && value >= 0 ? value : undefined;
  };

  return makeFault(name as HttpFaultName, {
    ms: number('faultMs'),
    bytes: number('faultBytes'),
    status: number('faultStatus'),
  });
}

/**
 * Picks the fault for an API request: `?fault=` first, then the scenario's `faults`, then the
 * app's own. Only HTTP faults count here; socket faults act in the signalling server.
 */
export function selectHttpFault(
  scenario: Scenario,
  path: string,
  request: ApiRequest | null,
): FaultSpec | null {
  const fromQuery = queryFault(scenario, request);
  if (fromQuery !== null) return fromQuery;
  const target = { path, appKey: request?.appKey ?? null, room: request?.room ?? null };
  const app = scenario.apps.find((candidate) => candidate.appKey === request?.appKey);
  const candidates = [...scenario.faults, ...(app?.faults ?? [])];

  return (
    candidates.find(
      (fault) =>
        HTTP_FAULTS.includes(fault.fault as HttpFaultName) && faultMatches(fault.match, target),
    ) ?? null
  );
}

function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length });
  res.end(body);
}

/** Sends a plain JSON answer. */
export function sendJson(res: ServerResponse, answer: PlannedAnswer): void {
  sendText(res, answer.status, 'application/json; charset=utf-8', JSON.stringify(answer.body));
}

function writeOversized(res: ServerResponse, bytes: number): void {
  const head = '{"success":true,"padding":"';
  const tail = '"}';
  const padding = Math.max(0, bytes - head.length - tail.length);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes });
  res.write(head);
  const chunk = 'x'.repeat(64 * 1024);
  let left = padding;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
      left -= piece.length;
      // Respect back-pressure: a client that stops reading must not make us buffer 20 MB.
      if (!res.write(piece)) {
        res.once('drain', pump);

        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

function drip(res: ServerResponse, life: Lifecycle, text: string, fault: FaultSpec): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  let offset = 0;
  const step = () => {
    if (res.destroyed) return;
    const piece = body.subarray(offset, offset + fault.bytes);
    offset += piece.length;
    if (offset >= body.length) {
      res.end(piece);

      return;
    }
    res.write(piece);
    life.setTimer(step, fault.ms);
  };
  step();
}

/** Answers a request through a fault instead of plainly. */
export function answerWithFault(options: {
  req: IncomingMessage;
  res: ServerResponse;
  fault: FaultSpec;
  planned: PlannedAnswer;
  life: Lifecycle;
}): void {
  const { req, res, fault, planned, life } = options;
  const text = JSON.stringify(planned.body);
  const name = fault.fault as HttpFaultName;
  switch (name) {
    case 'delay':
      life.setTimer(() => {
        sendJson(res, planned);
      }, fault.ms);

      return;
    case 'hang':
      // Never answer; the socket is destroyed when the sandbox closes.
      return;
    case 'reset': {
      const body = Buffer.from(text, 'utf8');
      res.writeHead(planned.status, {
        'Content-Type': 'application/json',
        'Content-Length': body.length,
      });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());

      return;
    }
    case 'truncated-json':
      sendText(res, planned.status, 'application/json', text.slice(0, Math.floor(text.length / 2)));

      return;
    case 'non-json':
      sendText(res, 200, 'text/html', '<html><body><h1>Welcome to nginx!</h1></body></html>');

      return;
    case 'wrong-types': {
      const body = planned.body.success === true ? wrongTypesBody(planned.body) : planned.body;
      const broken = { ...body, error: JSON.stringify(planned.body.error ?? null), info: 404 };
      sendJson(res, {
        status: planned.status,
        body: planned.body.success === true ? body : broken,
      });

      return;
    }
    case 'oversized':
      writeOversized(res, fault.bytes);

      return;
    case 'slow-drip':
      drip(res, life, text, fault);

      return;
    case 'server-error':
      sendText(res, fault.status, 'text/html', `<html><body>${fault.status}</body></html>`);

      return;
    case 'redirect-loop':
      res.writeHead(302, { Location: req.url ?? '/', 'Content-Length': 0 });
      res.end();

      return;
  }
}
