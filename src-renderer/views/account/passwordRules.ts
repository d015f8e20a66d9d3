// Checks a password change before it is sent, with the sentence shown beside each field.

export interface PasswordDraft {
  current: string;
  next: string;
  confirm: string;
}

export type PasswordProblems = Partial<Record<keyof PasswordDraft, string>>;

export const MIN_PASSWORD_LENGTH = 8;

export function checkPasswordDraft(d: PasswordDraft): PasswordProblems {
  const problems: PasswordProblems = {};
  if (!d.current) problems.current = 'Enter your current password.';
  if (!d.next) problems.next = 'Enter a new password.';
  else if (d.next.length < MIN_PASSWORD_LENGTH) {
    problems.next = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  } else if (d.next === d.current) {
    problems.next = 'The new password must differ from the current one.';
  }
  if (!problems.next && d.confirm !== d.next) problems.confirm = 'The passwords do not match.';
  return problems;
}
