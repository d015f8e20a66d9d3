// Automatic renewal on the cloud's clock (docs/sources.md, Account management "Enable or Disable
// Auto-Renewal": "The billing upon renewal will be handled automatically"): a subscription with
// auto-renewal on whose end has come is extended by its term and invoiced to the billing
// information of that moment (VAT ID included); with a saved card the invoice is paid at once
// (simulated), otherwise it stays unpaid and adds to the balance. Settled before every read that
// shows a purchase's end — the portal's reads, the organization's pull, a license server's
// entitlement — and swept hourly, so a renewed license never looks expired to a replica or a
// license server because nobody opened Billing.
import type { Kysely } from 'kysely';
import { priceOf } from '../../src-shared/billing/prices.ts';
import { TERM_DAYS } from '../../src-shared/billing/proration.ts';
import { DAY_MS, isRenewable } from '../../src-shared/billing/renewal.ts';
import { issueInvoice, paymentLabel, payInvoices } from './invoices.ts';
import { billingStore, type BillingDB, type BillingTx } from './tables.ts';
import type { CloudDB } from '../store/tables.ts';

/** At most this many terms are caught up at once (a clock moved years ahead). */
const MAX_TERMS = 24;

/** Subscriptions with auto-renewal on whose end has come. */
function dueQuery(db: Kysely<BillingDB>, now: string) {
  return db
    .selectFrom('purchases as p')
    .where('p.auto_renew', '=', 1)
    .where('p.term', 'in', ['annual', 'monthly'])
    .where('p.expires_at', 'is not', null)
    .where('p.expires_at', '<=', now);
}

/** Renews what is due for every account; answers the invoices issued. */
export async function renewAllDue(store: Kysely<CloudDB>, now: string): Promise<string[]> {
  const db = billingStore(store);
  const accounts = await dueQuery(db, now).select('p.account_id').distinct().execute();
  const numbers: string[] = [];
  for (const { account_id: id } of accounts) {
    const issued = db.isTransaction
      ? await renewDue(db as BillingTx, id, now)
      : await db.transaction().execute((tx) => renewDue(tx, id, now));
    numbers.push(...issued);
  }
  return numbers;
}

export async function renewDue(tx: BillingTx, accountId: string, now: string): Promise<string[]> {
  const due = await dueQuery(tx, now)
    .innerJoin('products as pr', 'pr.code', 'p.product_code')
    .select(['p.id', 'p.product_code', 'pr.name', 'p.term', 'p.quantity', 'p.expires_at'])
    .where('p.account_id', '=', accountId)
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
    // Only if nobody renewed it meanwhile (another node, another read): one renewal, one invoice.
    const moved = await tx
      .updateTable('purchases')
      .set({ expires_at: new Date(end).toISOString() })
      .where('id', '=', p.id)
      .where('expires_at', '=', p.expires_at)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) continue;
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
