// The one error type of the project: a stable code for programs and a message for people.

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'offline'
  | 'unavailable'
  | 'internal'
  | (string & {});

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable detail, e.g. per-field validation problems. */
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.details !== undefined) info.details = this.details;
    return info;
  }

  static from(err: unknown): AppError {
    if (err instanceof AppError) return err;
    if (isErrorInfo(err)) return new AppError(err.code, err.message, err.details);
    const message = err instanceof Error ? err.message : String(err);
    return new AppError('internal', message || 'Unexpected error');
  }
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    typeof (value as ErrorInfo).message === 'string'
  );
}
