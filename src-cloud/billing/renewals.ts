// Automatic renewal on the cloud's clock (seed 002: "The billing upon renewal will be handled
// automatically"): a subscription with auto-renewal on whose end has come is extended by its term
// and invoiced to the billing information of that moment (VAT ID included); with a saved card the
// invoice is paid at once (simulated), otherwise it stays unpaid and adds to the balance.
// Run for the caller before the portal's reads, as the credit room settles due render jobs.
import { priceOf } from '../../src-shared/billing/prices.ts';
import { TERM_DAYS } from '../../src-shared/billing/proration.ts';
import { DAY_MS, isRenewable } from '../../src-shared/billing/renewal.ts';
import { issueInvoice, paymentLabel, payInvoices } from './invoices.ts';
import type { BillingTx } from './tables.ts';

/** At most this many terms are caught up at once (a clock moved years ahead). */
const MAX_TERMS = 24;

export async function renewDue(tx: BillingTx, accountId: string, now: string): Promise<string[]> {
  const due = await tx
    .selectFrom('purchases as p')
    .innerJoin('products as pr', 'pr.code', 'p.product_code')
    .select(['p.id', 'p.product_code', 'pr.name', 'p.term', 'p.quantity', 'p.expires_at'])
    .where('p.account_id', '=', accountId)
    .where('p.auto_renew', '=', 1)
    .where('p.term', 'in', ['annual', 'monthly'])
    .where('p.expires_at', 'is not', null)
    .where('p.expires_at', '<=', now)
    .execute();
  const numbers: string[] = [];
  const card = await paymentLabel(tx, accountId);
  for (const p of due) {
    const unit = isRenewable(p.term) ? priceOf(p.product_code, p.term) : null;
    if (!isRenewable(p.term) || unit === null || p.expires_at === null) continue;
    let end = Date.parse(p.expires_at);
    let terms = 0;
    while (end <= Date.parse(now) && terms < MAX_TERMS) {
      end += TERM_DAYS[p.term] * DAY_MS;
      terms++;
    }
    await tx
      .updateTable('purchases')
      .set({ expires_at: new Date(end).toISOString() })
      .where('id', '=', p.id)
      .execute();
    const seats = `${p.quantity} ${p.quantity === 1 ? 'seat' : 'seats'}`;
    const number = await issueInvoice(
      tx,
      accountId,
      [
        {
          description: `${p.name}, ${p.term}, ${seats}, renewal${terms > 1 ? ` × ${terms}` : ''}`,
          quantity: p.quantity * terms,
          unitCents: unit,
          amountCents: unit * p.quantity * terms,
        },
      ],
      now,
    );
    if (card) await payInvoices(tx, accountId, [number], now);
    numbers.push(number);
  }
  return numbers;
}
