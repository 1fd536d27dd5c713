import type { lookup as dnsLookup } from 'node:dns';

import { readyStateErrorName } from '../../contract';
import { buildApiHeaders } from '../api-headers';
import { parseApiBody, validateApiResponse, type ApiBody, type ApiResponse } from '../api-response';
import { buildApiUrl } from '../api-url';
import { DiagnosticError } from '../diagnostic-error';
import { BODY_CAP_BYTES, httpGet, type HttpExchange } from '../http-client';
import { judgeApiResponse, networkError, timeoutError } from '../ready-state-error';
import type { Redactor } from '../redactor';

import { failStep, type RunContext } from './run-context';
import { RunEnd } from './run-end';

/** What the API step needs besides the run. */
export interface ApiStepDeps {
  redactor: Redactor;
  lookup: typeof dnsLookup | undefined;
  ca: Buffer | null;
}

/**
 * The auth request (protocol spec §4, §6): sends it with the flavour's headers, retries as
 * 0.6.27+ does, reports the response and the SDK's verdict, and returns the validated body.
 * Every failure ends the run with the `readyStateChange` the SDK would have emitted.
 */
export async function runApiStep(run: RunContext, deps: ApiStepDeps): Promise<ApiResponse> {
  const { plan } = run;
  const url = buildApiUrl(plan, run.clock.now());
  const headers = buildApiHeaders(plan.sdk, plan.origin);
  const exchange = await sendWithRetries(run, deps, url, headers);

  const body = parseApiBody(exchange.body);
  // Tokens are registered before anything built from the body is emitted.
  if (body.kind === 'json') {
    for (const kind of ['roomCred', 'userCred'] as const) {
      const value = body.value[kind];
      if (typeof value === 'string') deps.redactor.register(kind, value);
    }
  }
  run.emit({
    type: 'http.response',
    purpose: 'api',
    attempt: run.timings.apiAttempts,
    status: exchange.status,
    statusText: exchange.statusText,
    headers: exchange.headers,
    httpVersion: exchange.httpVersion,
    body: exchange.body,
    bodyBytes: exchange.bodyBytes,
    truncated: exchange.truncated,
    remoteAddress: exchange.remoteAddress,
    remotePort: exchange.remotePort,
    serverDate: exchange.serverDate,
    timings: exchange.timings,
  });

  checkTransport(run, exchange, url);
  if (plan.sdk === '2.x') return judge2x(run, exchange, body);

  return judge06(run, exchange, body);
}

async function sendWithRetries(
  run: RunContext,
  deps: ApiStepDeps,
  url: string,
  headers: Record<string, string>,
): Promise<HttpExchange> {
  const { plan } = run;
  // 2.x uses fetch with no timeout and no retry; only the run's deadline bounds it.
  const attempts = plan.sdk === '0.6' ? plan.network.apiRetries + 1 : 1;
  const timeoutMs = plan.sdk === '0.6' ? plan.network.apiTimeoutMs : null;

  for (let attempt = 1; ; attempt++) {
    run.timings.apiAttempts = attempt;
    run.emit({ type: 'http.request', purpose: 'api', attempt, method: 'GET', url, headers });
    try {
      const exchange = await run.race(
        httpGet({
          url,
          headers,
          timeoutMs,
          timers: run.timers,
          signal: run.signal,
          clock: run.clock,
          ca: deps.ca,
          insecure: plan.network.insecure,
          proxy: plan.network.proxy,
          lookup: deps.lookup,
          observer: {
            dns: (event) => run.emit({ type: 'dns', ...event }),
            tcp: (event) => run.emit({ type: 'tcp', ...event }),
            tls: (event) => run.emit({ type: 'tls', ...event }),
          },
        }),
      );
      Object.assign(run.timings, exchange.timings);

      return exchange;
    } catch (error) {
      if (error instanceof RunEnd) throw error;
      const failure = DiagnosticError.from(error);
      const timings = failure.detail?.timings;
      if (timings !== undefined && typeof timings === 'object') Object.assign(run.timings, timings);
      if (failure.code === 'run.cancelled') return run.stopped;

      if (failure.code === 'http.timeout' && attempt < attempts) {
        // 0.6.27+ detaches the stale XHR and sends the same URL again at once.
        run.emit({ type: 'http.retry', attempt, reason: failure.message, delayMs: 0 });
        continue;
      }
      const responseStatus =
        typeof failure.detail?.responseStatus === 'number' ? failure.detail.responseStatus : null;
      if (plan.sdk === '2.x' && responseStatus !== null && isSuccess(responseStatus)) {
        // fetch resolved on the status line, so 2.x already said COMPLETED; the body's failure
        // only rejects its unhandled response.json(), and no further SDK event follows.
        run.readyStateChange(2, plan.room, null);
        run.note('warn', BODY_AFTER_COMPLETED_2X, { responseStatus });
        throw failStep(run, 'request', failure.toInfo());
      }
      const end = failStep(run, 'request', failure.toInfo());
      const sdkError =
        failure.code === 'http.timeout' ? timeoutError(responseStatus) : networkError(plan.sdk);
      if (failure.code === 'http.timeout') {
        run.note('info', `No answer after ${attempts} attempts of ${timeoutMs ?? 0} ms each`);
      }
      run.readyStateChange(-1, plan.room, sdkError);
      throw end;
    }
  }
}

const BODY_AFTER_COMPLETED_2X =
  '2.x emits COMPLETED as soon as fetch resolves on a 2xx status ' +
  'line; the body then failed, which only rejects its unhandled ' +
  'response.json(), so the join stops without another SDK event';

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * Redirects and oversized bodies: the engine's own limits. Where the SDK's report is known
 * anyway it is still emitted: a redirect back to the same URL loops in a browser until its
 * limit and fails as a network error; 2.x says COMPLETED on a 2xx status before any body.
 */
function checkTransport(run: RunContext, exchange: HttpExchange, url: string): void {
  const location = exchange.headers.location;
  if (exchange.status >= 300 && exchange.status < 400 && location !== undefined) {
    run.note(
      'warn',
      'A browser follows this redirect silently and the SDK reports whatever ' +
        'the target answers; the engine stops here so the redirect is visible',
      { location },
    );
    if (redirectsToItself(url, location)) {
      run.note(
        'info',
        'The redirect points back at the request itself: a browser follows it until ' +
          'its redirect limit (20) and fails, which the SDK reports as a network error',
      );
      run.readyStateChange(-1, run.plan.room, networkError(run.plan.sdk));
    }
    throw failStep(run, 'request', {
      code: 'http.redirect',
      message:
        `Expected the API to answer, got ` +
        `HTTP ${exchange.status} redirecting to \`${location}\``,
      detail: { status: exchange.status, location },
    });
  }
  if (exchange.truncated) {
    if (run.plan.sdk === '2.x' && isSuccess(exchange.status)) {
      run.readyStateChange(2, run.plan.room, null);
    }
    // Known limit: past the cap the body is not parsed, so 0.6's verdict on it (and 2.x's
    // after COMPLETED) is not reported; the SDKs read a body of any size.
    throw failStep(run, 'parse', {
      code: 'http.too-large',
      message: `Expected an API body of at most ${BODY_CAP_BYTES} bytes, got ${exchange.bodyBytes}`,
      detail: { bodyBytes: exchange.bodyBytes, capBytes: BODY_CAP_BYTES },
    });
  }
}

function redirectsToItself(url: string, location: string): boolean {
  try {
    return new URL(location, url).href === new URL(url).href;
  } catch {
    return false;
  }
}

function judge06(run: RunContext, exchange: HttpExchange, body: ApiBody): ApiResponse {
  const { plan } = run;
  if (body.kind === 'invalid') {
    run.note(
      'warn',
      '0.6.x calls JSON.parse on this body inside its XHR handler; it throws ' +
        'there, so the SDK emits no further readyStateChange and stays in LOADING',
    );
    throw failStep(run, 'parse', { code: 'http.malformed', message: body.message });
  }
  const verdict = judgeApiResponse('0.6', exchange.status, body);
  if (!verdict.ok) {
    if (verdict.note !== null) run.note('info', verdict.note);
    run.readyStateChange(-1, plan.room, verdict.error);
    throw apiRejected(run, verdict.error.status, verdict.error.errorCode, verdict.error.content);
  }

  if (body.kind !== 'json') {
    // Unreachable: an empty body has no `success`, so the verdict above already failed it.
    throw failStep(run, 'parse', { code: 'http.malformed', message: 'Expected a JSON body' });
  }
  const parsed = validate(run, body);
  run.readyStateChange(2, plan.room, null);

  return parsed;
}

function judge2x(run: RunContext, exchange: HttpExchange, body: ApiBody): ApiResponse {
  const { plan } = run;
  const verdict = judgeApiResponse('2.x', exchange.status, body);
  if (!verdict.ok) {
    if (verdict.note !== null) run.note('info', verdict.note);
    run.readyStateChange(-1, plan.room, verdict.error);
    throw apiRejected(run, verdict.error.status, verdict.error.errorCode, verdict.error.content);
  }
  // 2.x emits COMPLETED on any 2xx, before it reads the body (spec §2.2.3).
  run.readyStateChange(2, plan.room, null);
  if (body.kind !== 'json') {
    run.note(
      'warn',
      '2.x calls response.json() after COMPLETED; it rejects with no ' +
        'handler, so the join never proceeds and no further SDK event follows',
    );
    throw failStep(run, 'parse', {
      code: 'http.malformed',
      message:
        body.kind === 'empty'
          ? 'Expected the API body to be JSON, got an empty body'
          : body.message,
    });
  }

  return validate(run, body);
}

function validate(run: RunContext, body: ApiBody & { kind: 'json' }): ApiResponse {
  const result = validateApiResponse(body.value);
  if (!result.ok) throw failStep(run, 'parse', result.error);

  const api = result.value;
  run.emit({
    type: 'api.parsed',
    fields: body.value,
    signalling: {
      host: api.ipSigserver,
      path: api.ipSigserverPath ?? '/socket.io',
      httpPorts: api.httpPorts,
      httpsPorts: api.httpsPorts,
    },
  });

  return api;
}

function apiRejected(run: RunContext, status: number, errorCode: number, content: string): RunEnd {
  const name = readyStateErrorName(errorCode);

  return failStep(run, 'request', {
    code: 'api.rejected',
    message:
      `Expected the API to authorise the request, got ` +
      `ERROR ${errorCode}${name === null ? '' : ` ${name}`} ` +
      `(HTTP ${status})${content === '' ? '' : `: ${content.split('\n')[0] ?? ''}`}`,
    detail: { status, errorCode, errorName: name },
  });
}
