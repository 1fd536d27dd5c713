import type { IncomingMessage, ServerResponse } from 'node:http';

import { createLogger } from '../core/logger';

import { checkApiRequest } from './api-checks';
import { parseApiRequest, type ApiRequest } from './api-request';
import { buildSuccessBody, type SignallingTarget } from './api-response';
import { applyCorsHeaders } from './cors';
import { answerWithFault, selectHttpFault, sendJson, type PlannedAnswer } from './http-faults';
import { API_ERROR_INFO, httpStatusFor } from './http-status';
import type { Lifecycle } from './lifecycle';
import type { SandboxState } from './sandbox-state';

const log = createLogger('diag:sandbox-api');

/** Strips the IPv4-mapped prefix so `::ffff:127.0.0.1` compares as `127.0.0.1`. */
export function callerIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

/** Plans the answer to a parsed GET: the checks, then the success body. */
function planAnswer(
  state: SandboxState,
  req: IncomingMessage,
  request: ApiRequest | null,
  target: (req: IncomingMessage) => SignallingTarget,
): PlannedAnswer {
  if (request === null) {
    return {
      status: 404,
      body: { success: false, error: 404, info: 'Expected /api/:appKey/:room[/:start/:duration]' },
    };
  }
  const verdict = checkApiRequest(state, request, {
    host: req.headers.host,
    ip: callerIp(req),
    origin: req.headers.origin,
  });
  if (!verdict.ok) {
    const info = verdict.info || (API_ERROR_INFO[verdict.code] ?? 'Rejected');

    return {
      status: httpStatusFor(state.scenario, verdict.code),
      body: { success: false, error: verdict.code, info },
    };
  }

  return { status: 200, body: buildSuccessBody(state, verdict.value, target(req)) };
}

/**
 * Creates the HTTP request listener for `/api/…` (socket.io paths are taken by the socket.io
 * server before this runs). Every answer carries CORS headers and a `Date` from the
 * sandbox's clock, so clock-skew diagnosis sees the offset.
 */
export function createApiHandler(options: {
  state: SandboxState;
  life: Lifecycle;
  target: (req: IncomingMessage) => SignallingTarget;
}) {
  const { state, life, target } = options;

  return (req: IncomingMessage, res: ServerResponse): void => {
    res.setHeader('Date', new Date(state.clock.now()).toUTCString());
    applyCorsHeaders(req, res);
    const path = (req.url ?? '/').split('?')[0] ?? '/';

    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Content-Length': 0 });
      res.end();

      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, {
        status: 405,
        body: { success: false, error: 405, info: `Expected GET, got ${req.method ?? '?'}` },
      });

      return;
    }

    const request = parseApiRequest(req.url ?? '/');
    const planned = planAnswer(state, req, request, target);
    const fault = selectHttpFault(state.scenario, path, request);
    log.debug('api request', {
      path,
      status: planned.status,
      error: planned.body.error,
      fault: fault?.fault,
    });
    if (fault === null) {
      sendJson(res, planned);

      return;
    }
    answerWithFault({ req, res, fault, planned, life });
  };
}
