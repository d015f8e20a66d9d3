// Checks a form makes before sending, with the sentence shown beside the field (issue 18,
// docs/interface.md): a person learns what to fix without a round trip or schema text.
import { isValidEmail } from '../../../src-shared/csv/email.ts';

export const EMAIL_REQUIRED = 'Enter an email address.';
export const EMAIL_INVALID = 'Enter a valid email address, like name@example.com.';

/** Null when the address can be sent, else what to fix. */
export function emailProblem(address: string): string | null {
  if (!address.trim()) return EMAIL_REQUIRED;
  return isValidEmail(address.trim()) ? null : EMAIL_INVALID;
}
