// The cloud's per-item refusals of a change, keyed as the cloud answered them: the one item key of
// src-shared/org/item-key.ts, which the pre-check and the screens use too. Named by email wherever
// it is known.
import { parseItemKey } from '../../src-shared/org/item-key.ts';
import type { ItemResult } from '../../src-shared/org/mutations.ts';
import type { RefusedItem } from './change-answers.ts';

/**
 * The refused items of one answer. `emailOf` looks a user id up in the replica, for items the
 * cloud named only by id (it falls back to the id itself when it knows no email).
 */
export function refusedItems(
  items: readonly ItemResult[] | undefined,
  emailOf: (userId: string) => string | undefined,
): RefusedItem[] {
  if (!items?.length) return [];
  const out: RefusedItem[] = [];
  for (const item of items) {
    if (item.ok) continue;
    const key = item.key;
    const { userId } = parseItemKey(key);
    const cloudEmail = item.email && item.email.includes('@') ? item.email : undefined;
    const email = cloudEmail ?? (userId.includes('@') ? userId : emailOf(userId));
    out.push({
      key,
      ...(email ? { email } : {}),
      code: item.code ?? 'rejected',
      message: item.message ?? '',
    });
  }
  return out;
}
