import { readyStateErrorName, type ReadyStateError, type SdkFlavour } from '../contract';

import type { ApiBody } from './api-response';

/** The verdict of one API exchange, as the chosen SDK flavour reaches it (spec §6.3). */
export type ApiVerdict =
  | { ok: true }
  | {
      ok: false;
      error: ReadyStateError;
      /** Where the SDK's report differs from the wire, said plainly for the timeline. */
      note: string | null;
    };

/** Builds a ready-state error with the SDK constant's name for its code. */
export function readyStateError(
  status: number,
  errorCode: number,
  content: string,
): ReadyStateError {
  return { status, errorCode, errorName: readyStateErrorName(errorCode), content };
}

/** A network failure (refused, reset, DNS, TLS): `{status:-1, errorCode:-1}` in both flavours. */
export function networkError(sdk: SdkFlavour): ReadyStateError {
  // 0.6.x reads `xhr.status` (0 after a network error) into its message; 2.x gets fetch's
  // TypeError, whose message in Chromium is "Failed to fetch".
  return sdk === '0.6'
    ? readyStateError(-1, -1, 'Network error occurred. (Status: 0)')
    : readyStateError(-1, -1, 'Failed to fetch');
}

/**
 * 0.6.27+ after its last attempt timed out: `{status: xhr.status || -1, errorCode:-2}`. The
 * status is -1 unless the last attempt's status line had arrived (a body still dripping in),
 * when the XHR already holds it: `responseStatus` is that code, or null.
 */
export function timeoutError(responseStatus: number | null = null): ReadyStateError {
  const status = responseStatus === null || responseStatus === 0 ? -1 : responseStatus;

  return readyStateError(status, -2, 'Response timed out from API server');
}

/**
 * How the flavour reads an HTTP response. 0.6.27+ decides on the body's `success` alone
 * (`status = httpStatus || (success ? 200 : 400)`, `errorCode = body.error || status`), and
 * treats a success without `pc_constraints` and `offer_constraints` as an error. 2.x decides
 * on the HTTP status alone and never surfaces the body's `error`.
 */
export function judgeApiResponse(sdk: SdkFlavour, httpStatus: number, body: ApiBody): ApiVerdict {
  return sdk === '0.6' ? judge06(httpStatus, body) : judge2x(httpStatus, body);
}

function judge06(httpStatus: number, body: ApiBody): ApiVerdict {
  // 0.6.x parses `xhr.responseText || '{}'`; unparseable text throws inside its handler and
  // is the engine's to report, so only JSON and empty bodies reach here.
  const value = body.kind === 'json' ? body.value : {};
  const isSuccess = Boolean(value.success);
  const status = httpStatus || (isSuccess ? 200 : 400);
  const info = typeof value.info === 'string' && value.info !== '' ? value.info : null;

  if (!isSuccess) {
    const code = truthyCode(value.error) ?? status;

    return {
      ok: false,
      error: readyStateError(
        status,
        code,
        info ?? `XMLHttpRequest status not OK\nStatus was: ${status}`,
      ),
      note:
        body.kind === 'empty'
          ? `The API answered HTTP ${httpStatus} with an empty body; 0.6.x reads it as \`{}\``
          : null,
    };
  }
  if (value.pc_constraints === undefined && value.offer_constraints === undefined) {
    const code = truthyCode(value.error);

    return {
      ok: false,
      error: readyStateError(200, code ?? 200, info ?? ''),
      note:
        code === null
          ? 'The body says `success` but has no `pc_constraints`/`offer_constraints`; ' +
            '0.6.x reports `errorCode: undefined` here, shown as 200'
          : null,
    };
  }

  return { ok: true };
}

function judge2x(httpStatus: number, body: ApiBody): ApiVerdict {
  if (httpStatus >= 200 && httpStatus < 300) return { ok: true };

  const bodyCode = body.kind === 'json' ? truthyCode(body.value.error) : null;

  return {
    ok: false,
    error: readyStateError(
      httpStatus,
      httpStatus,
      `XMLHttpRequest status not OK\nStatus was: ${httpStatus}`,
    ),
    note:
      bodyCode === null
        ? null
        : `The API body carries \`error: ${bodyCode}\` ` +
          `(${readyStateErrorName(bodyCode) ?? 'unknown'}), but 2.x reports only the HTTP ` +
          `status: it reads \`error\` off the fetch Response, which has none`,
  };
}

/** JavaScript's `body.error || …`: a truthy number, or a numeric string as a number. */
function truthyCode(value: unknown): number | null {
  if (typeof value === 'number' && value !== 0 && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    const code = Number(value);

    return code === 0 ? null : code;
  }

  return null;
}
