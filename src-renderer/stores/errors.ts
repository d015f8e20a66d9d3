// Turns whatever a bridge call threw into the sentence shown to the user.
import { AppError } from '../../src-shared/errors.ts';

export function messageOf(err: unknown): string {
  return AppError.from(err).message;
}
