import { describe, expect, it } from 'vitest';

import { parseApiBody } from '../../../electron/core/api-response';
import {
  judgeApiResponse,
  networkError,
  timeoutError,
} from '../../../electron/core/ready-state-error';

const json = (value: Record<string, unknown>) => parseApiBody(JSON.stringify(value));
const failure = { success: false, error: 4005, info: 'Credentials do not match' };
const success = { success: true, pc_constraints: '{}', offer_constraints: '{}' };

describe('judgeApiResponse() in the 0.6 flavour', () => {
  it('reports the HTTP status and the body error, with info as content', () => {
    const verdict = judgeApiResponse('0.6', 403, json(failure));

    expect(verdict).toMatchObject({
      ok: false,
      error: {
        status: 403,
        errorCode: 4005,
        errorName: 'API_CREDENTIALS_NOT_MATCH',
        content: 'Credentials do not match',
      },
    });
  });

  it('decides on `success` alone: HTTP 200 with success false is an error', () => {
    const verdict = judgeApiResponse('0.6', 200, json(failure));

    expect(verdict).toMatchObject({ ok: false, error: { status: 200, errorCode: 4005 } });
  });

  it('accepts a non-200 status when the body says success', () => {
    expect(judgeApiResponse('0.6', 404, json(success))).toEqual({ ok: true });
  });

  it('falls back to the status when the body has no error code', () => {
    const verdict = judgeApiResponse('0.6', 404, json({ success: false }));

    expect(verdict).toMatchObject({
      ok: false,
      error: { status: 404, errorCode: 404, errorName: null },
    });
    expect(!verdict.ok && verdict.error.content).toBe(
      'XMLHttpRequest status not OK\nStatus was: 404',
    );
  });

  it('reads an empty body as `{}`: status and code are the HTTP status', () => {
    const verdict = judgeApiResponse('0.6', 400, parseApiBody(''));

    expect(verdict).toMatchObject({ ok: false, error: { status: 400, errorCode: 400 } });
    expect(!verdict.ok && verdict.note).toContain('empty body');
  });

  it('uses 400 when there is no HTTP status and no success (status || 400)', () => {
    expect(judgeApiResponse('0.6', 0, parseApiBody(''))).toMatchObject({
      ok: false,
      error: { status: 400, errorCode: 400 },
    });
  });

  it('fails a success without pc/offer constraints with status 200 and the body error', () => {
    const verdict = judgeApiResponse('0.6', 200, json({ success: true, error: 4021, info: 'x' }));

    expect(verdict).toMatchObject({
      ok: false,
      error: { status: 200, errorCode: 4021, content: 'x' },
    });
  });

  it('accepts a success that has only one of the two constraints', () => {
    expect(judgeApiResponse('0.6', 200, json({ success: true, pc_constraints: '{}' }))).toEqual({
      ok: true,
    });
  });
});

describe('judgeApiResponse() in the 2.x flavour', () => {
  it('reports the HTTP status as both status and errorCode and notes the hidden body code', () => {
    const verdict = judgeApiResponse('2.x', 403, json({ ...failure, error: 4003 }));

    expect(verdict).toMatchObject({
      ok: false,
      error: { status: 403, errorCode: 403, errorName: null },
    });
    expect(!verdict.ok && verdict.note).toContain('error: 4003');
  });

  it('treats any 2xx as success, whatever the body says', () => {
    expect(judgeApiResponse('2.x', 200, json(failure))).toEqual({ ok: true });
    expect(judgeApiResponse('2.x', 204, parseApiBody(''))).toEqual({ ok: true });
  });

  it('fails a non-2xx success body too', () => {
    expect(judgeApiResponse('2.x', 500, json(success))).toMatchObject({
      ok: false,
      error: { status: 500, errorCode: 500 },
    });
  });
});

describe('networkError() and timeoutError()', () => {
  it('reports a network failure as -1/-1 in both flavours', () => {
    expect(networkError('0.6')).toMatchObject({
      status: -1,
      errorCode: -1,
      errorName: 'XML_HTTP_REQUEST_ERROR',
    });
    expect(networkError('2.x')).toMatchObject({ status: -1, errorCode: -1 });
  });

  it('keeps the status line of a timed-out 0.6 attempt whose headers had arrived', () => {
    expect(timeoutError(200)).toMatchObject({ status: 200, errorCode: -2 });
    expect(timeoutError(0)).toMatchObject({ status: -1, errorCode: -2 });
    expect(timeoutError(null)).toMatchObject({ status: -1, errorCode: -2 });
  });

  it('reports the 0.6 timeout as -1/-2 with the SDK message', () => {
    expect(timeoutError()).toEqual({
      status: -1,
      errorCode: -2,
      errorName: 'XML_HTTP_NO_REPONSE_ERROR',
      content: 'Response timed out from API server',
    });
  });
});
