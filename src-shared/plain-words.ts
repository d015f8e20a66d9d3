// Errors in words for people (issue 18, docs/interface.md): what the bridge and the cloud answer is
// written for programs (`Invalid input for org.invite: invitations.0.email must match pattern …`);
// the screen shows a sentence per field instead, and never schema text.
import { AppError, type ErrorInfo } from './errors.ts';

/** What a person reads when the Chaos cloud cannot be reached. */
export const CLOUD_UNREACHABLE =
  'Can’t reach the Chaos cloud. Check your connection and try again.';

/** Schema-validation wording that must never reach the screen (docs/interface.md). */
export const SCHEMA_SHAPE =
  /must match pattern|must not have (fewer|more) than|Invalid (input|body|args) |must be (string|number|integer|boolean|object|array)|is not a known field|must NOT|must be equal to one of/;

const LABELS: Record<string, string> = {
  email: 'Email address',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  userIds: 'Users',
  purchaseIds: 'Products',
  invitations: 'Invitations',
  quantity: 'Quantity',
  limit: 'Credit limit',
  amount: 'Amount',
  name: 'Name',
};

/** "invitations.0.email" → "Email address"; unknown names in words ("creditLimit" → "Credit limit"). */
export function fieldLabel(path: string): string {
  const parts = path
    .replace(/^\//, '')
    .split(/[./]/)
    .filter((p) => p && !/^\d+$/.test(p) && p !== 'body');
  const last = parts[parts.length - 1] ?? '';
  if (!last) return 'This value';
  const known = LABELS[last];
  if (known) return known;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One schema problem ("<field> <what>") as a sentence for people. */
export function fieldSentence(problem: string): string {
  const required = /^([\w, ]+) is required$/.exec(problem);
  if (required?.[1]) {
    const names = required[1].split(', ').map(fieldLabel);
    return names.length === 1 ? `${names[0]} is required.` : `${names.join(', ')} are required.`;
  }
  const [path = '', ...rest] = problem.split(' ');
  const what = rest.join(' ');
  const label = fieldLabel(path);
  if (label === 'Email address' || /format "email"/.test(what))
    return 'Enter a valid email address, like name@example.com.';
  if (/fewer than 1 characters|fewer than 1 items/.test(what)) return `${label} is required.`;
  if (/fewer than (\d+) characters/.test(what)) return `${label} is too short.`;
  if (/more than (\d+) characters/.test(what)) return `${label} is too long.`;
  if (/more than (\d+) items/.test(what)) return `${label}: too many at once.`;
  if (/is not a known field/.test(what))
    return 'The app sent something the cloud does not know. Update the app and try again.';
  if (/must be (>=|greater)/.test(what)) return `${label} is too small.`;
  if (/must be (<=|less)/.test(what)) return `${label} is too large.`;
  return `${label} is not valid.`;
}

function isProblemList(d: unknown): d is { path: string; message: string }[] {
  return (
    Array.isArray(d) &&
    d.every((p) => typeof (p as { message?: unknown } | null)?.message === 'string')
  );
}

/** The sentences of a schema failure, one per field (deduplicated), or null when it is not one. */
export function fieldProblems(err: ErrorInfo): string[] | null {
  if (isProblemList(err.details)) return unique(err.details.map((p) => fieldSentence(p.message)));
  const m = /^Invalid [^:]+: (.*)$/s.exec(err.message);
  if (m?.[1] && SCHEMA_SHAPE.test(err.message)) return unique(m[1].split('; ').map(fieldSentence));
  return null;
}

const unique = (xs: string[]): string[] => [...new Set(xs)];

/** Whatever a bridge call or the cloud threw, as the sentence shown to a person. */
export function forPeople(err: unknown): string {
  const e = AppError.from(err);
  if (e.code === 'offline' || e.code === 'unavailable') return CLOUD_UNREACHABLE;
  const fields = fieldProblems(e);
  if (fields) return fields.join(' ');
  if (e.code === 'internal' && /fetch failed|ECONN|socket|network/i.test(e.message))
    return CLOUD_UNREACHABLE;
  return e.message;
}
