// The cloud's per-item refusals of a batch mutation, keyed as the desktop's pre-check keys them
// (email for invitations, user id for user batches) and named by email wherever it is known.
import type { ItemResult } from '../../src-shared/org/mutations.ts';
import type { RefusedItem } from '../store/change-answers.ts';

interface Sent {
  name: string;
  args: unknown;
}

/** A batch over one purchase or product keys items `userId:other`; the screens key by user. */
function singleSecondary(m: Sent): boolean {
  const a = m.args as { purchaseIds?: unknown[]; productCodes?: unknown[] } | null;
  if (m.name === 'assignProducts') return a?.purchaseIds?.length === 1;
  if (m.name === 'revokeProducts') return a?.productCodes?.length === 1;
  return false;
}

/**
 * The refused items of one answer. `emailOf` looks a user id up in the replica, for items the
 * cloud named only by id (it falls back to the id itself when it knows no email).
 */
export function refusedItems(
  sent: Sent,
  items: readonly ItemResult[] | undefined,
  emailOf: (userId: string) => string | undefined,
): RefusedItem[] {
  if (!items?.length) return [];
  const byUser = singleSecondary(sent);
  const out: RefusedItem[] = [];
  for (const item of items) {
    if (item.ok) continue;
    const sep = item.key.indexOf(':');
    const key = byUser && sep > 0 ? item.key.slice(0, sep) : item.key;
    const userPart = sep > 0 ? item.key.slice(0, sep) : item.key;
    const cloudEmail = item.email && item.email.includes('@') ? item.email : undefined;
    const email = cloudEmail ?? (key.includes('@') ? key : emailOf(userPart));
    out.push({
      key,
      ...(email ? { email } : {}),
      code: item.code ?? 'rejected',
      message: item.message ?? '',
    });
  }
  return out;
}
