// Buying a lot of credits (the shop is simulated): the administrator's feeds the pool; a guest
// may buy personal credits only while organizational access is off (docs/sources.md, Portal guide
// §I); members never.
import type { RuleResult } from '../../src-shared/org/model.ts';
import { checkPersonalCreditPurchase } from '../../src-shared/org/rules/credits.ts';
import { toMilli } from '../../src-shared/credits/rules.ts';
import { newId } from '../ids.ts';
import { checkPoolAlert } from './alerts.ts';
import { addLot } from './ledger.ts';
import { payerOf } from './payer.ts';
import type { RenderCtx } from './render.ts';

export async function purchaseCredits(
  r: RenderCtx,
  accountId: string,
  body: { amount: number; expiresInDays?: number },
): Promise<RuleResult> {
  const payer = await payerOf(r.tx, accountId, r.now);
  const role = payer.actor.adminOf ? 'administrator' : (payer.actor.memberOf?.role ?? null);
  const access = payer.quota?.access ?? { mode: 'disabled' as const };
  const rule = checkPersonalCreditPurchase(role, access);
  if (!rule.ok) return rule;
  const expiresAt =
    body.expiresInDays === undefined
      ? null
      : new Date(Date.parse(r.now) + body.expiresInDays * 86_400_000).toISOString();
  await addLot(r.tx, {
    id: newId('lot'),
    ownerId: accountId,
    amountMilli: toMilli(body.amount),
    purchasedAt: r.now,
    expiresAt,
  });
  if (payer.actor.adminOf) await checkPoolAlert(r, accountId);
  return rule;
}
