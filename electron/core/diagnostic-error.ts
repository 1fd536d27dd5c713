import type { ErrorCode, ErrorInfo } from '../contract';

/** The one error the core throws: a code, a message and a cause. */
export class DiagnosticError extends Error {
  override readonly name = 'DiagnosticError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The error as it crosses IPC and goes into events. */
  toInfo(): ErrorInfo {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }

  /** The API request did not answer within its per-attempt timeout. */
  static timeout(url: string, ms: number): DiagnosticError {
    return new DiagnosticError('http.timeout', `No response from \`${url}\` within ${ms} ms`, {
      timeoutMs: ms,
    });
  }

  /** A bad input named by the field or flag it came from. */
  static invalidInput(field: string, expected: string, got: unknown): DiagnosticError {
    return new DiagnosticError(
      'input.invalid',
      `Expected \`${field}\` ${expected}, got ${describe(got)}`,
      {
        field,
      },
    );
  }

  /** Wraps anything thrown into a DiagnosticError, keeping the original as `cause`. */
  static from(error: unknown, fallback: ErrorCode = 'internal'): DiagnosticError {
    if (error instanceof DiagnosticError) return error;
    const message = error instanceof Error ? error.message : String(error);

    return new DiagnosticError(fallback, message, undefined, { cause: error });
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'an empty string' : `\`${value}\``;
  if (value === undefined) return 'nothing';

  return `\`${JSON.stringify(value)}\``;
}
