// The answer of every bridge call: a value, or an error with a code and a message.
import { AppError, type ErrorInfo } from './errors.ts';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(err: unknown): Envelope<never> {
  return { ok: false, error: AppError.from(err).toInfo() };
}

/** Unwraps an envelope, throwing its error as an AppError. */
export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new AppError(env.error.code, env.error.message, env.error.details);
}
