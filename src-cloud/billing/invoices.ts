// Invoices and payments (docs/sources.md, Account management "Invoices"): issuing with the billing
// details of the moment, listing with search and filters, the outstanding balance (sum of unpaid),
// paying one, several or all. The payment processor is simulated: a payment is recorded, nothing is
// charged.
import type {
  InvoicesAnswer,
  InvoicesQuery,
  InvoiceView,
  Receipt,
} from '../../src-shared/cloud-api/billing.ts';
import { sumCents, type Cents } from '../../src-shared/billing/money.ts';
import { CURRENCY } from '../../src-shared/billing/prices.ts';
import { AppError } from '../../src-shared/errors.ts';
import { newId } from '../ids.ts';
import type { BillingTx } from './tables.ts';

export const NO_PAYMENT_METHOD =
  'No payment method is saved. Add one under Billing → Payment methods first.';
export const NOTHING_TO_PAY = 'There is no unpaid invoice to pay.';

export interface LineIn {
  description: string;
  quantity: number;
  unitCents: Cents;
  amountCents: Cents;
}

export interface BillTo {
  name: string;
  company: string | null;
  address: string;
  country: string;
  vatId: string | null;
  email: string;
}

/** Who the invoice is made out to now: the billing information, or the account's own details. */
export async function billToOf(tx: BillingTx, accountId: string): Promise<BillTo> {
  const a = await tx
    .selectFrom('accounts')
    .select(['name', 'email', 'country'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const b = await tx
    .selectFrom('billing_info')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return b
    ? {
        name: b.name,
        company: b.company,
        address: b.address,
        country: b.country,
        vatId: b.vat_id,
        email: a.email,
      }
    : { name: a.name, company: null, address: '', country: a.country, vatId: null, email: a.email };
}

async function nextNumber(tx: BillingTx, prefix: 'INV' | 'RCT', now: string): Promise<string> {
  const year = now.slice(0, 4);
  const rows =
    prefix === 'INV'
      ? await tx.selectFrom('invoices').select('number').execute()
      : await tx.selectFrom('payments').select('receipt_number as number').execute();
  let max = 0;
  for (const r of rows) {
    const n = Number(/-(\d+)$/.exec(r.number)?.[1] ?? 0);
    if (n > max) max = n;
  }
  return `${prefix}-${year}-${String(max + 1).padStart(6, '0')}`;
}

export async function paymentLabel(tx: BillingTx, accountId: string): Promise<string | null> {
  const m = await tx
    .selectFrom('payment_methods')
    .select(['brand', 'last4'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return m ? `${m.brand} •••• ${m.last4}` : null;
}

/** Issues an invoice with these lines, made out to the billing details of `now`. */
export async function issueInvoice(
  tx: BillingTx,
  accountId: string,
  lines: readonly LineIn[],
  now: string,
  dueInDays = 30,
): Promise<string> {
  const id = newId('invc');
  const number = await nextNumber(tx, 'INV', now);
  const billTo = await billToOf(tx, accountId);
  await tx
    .insertInto('invoices')
    .values({
      id,
      account_id: accountId,
      number,
      status: 'unpaid',
      issued_at: now,
      due_at: new Date(Date.parse(now) + dueInDays * 86_400_000).toISOString(),
      amount_cents: sumCents(lines.map((l) => l.amountCents)),
      currency: CURRENCY,
      description: lines.map((l) => l.description).join('; '),
      bill_to: JSON.stringify(billTo),
      paid_at: null,
    })
    .execute();
  let position = 0;
  for (const l of lines)
    await tx
      .insertInto('invoice_lines')
      .values({
        id: newId('line'),
        invoice_id: id,
        position: position++,
        description: l.description,
        quantity: l.quantity,
        unit_cents: l.unitCents,
        amount_cents: l.amountCents,
      })
      .execute();
  return number;
}

export async function invoiceRow(tx: BillingTx, accountId: string, number: string) {
  return tx
    .selectFrom('invoices')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('number', '=', number)
    .executeTakeFirst();
}

type InvoiceRow = NonNullable<Awaited<ReturnType<typeof invoiceRow>>>;

export async function toView(tx: BillingTx, row: InvoiceRow, now: string): Promise<InvoiceView> {
  const lines = await tx
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', row.id)
    .orderBy('position')
    .execute();
  return {
    number: row.number,
    status: row.status,
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    paidAt: row.paid_at,
    amountCents: row.amount_cents,
    currency: row.currency,
    description: row.description,
    overdue: row.status === 'unpaid' && row.due_at !== null && row.due_at < now,
    // Invoices from before itemized lines carry their description as their one line.
    lines:
      lines.length > 0
        ? lines.map((l) => ({
            description: l.description,
            quantity: l.quantity,
            unitCents: l.unit_cents,
            amountCents: l.amount_cents,
          }))
        : [
            {
              description: row.description,
              quantity: 1,
              unitCents: row.amount_cents,
              amountCents: row.amount_cents,
            },
          ],
  };
}

export async function listInvoices(
  tx: BillingTx,
  accountId: string,
  q: InvoicesQuery,
  now: string,
): Promise<InvoicesAnswer> {
  const rows = await tx
    .selectFrom('invoices')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('issued_at', 'desc')
    .execute();
  const needle = q.number?.trim().toUpperCase() ?? '';
  const shown = rows.filter(
    (r) =>
      (!needle || r.number.toUpperCase().includes(needle)) &&
      (!q.status || r.status === q.status) &&
      (!q.issuedFrom || r.issued_at.slice(0, 10) >= q.issuedFrom) &&
      (!q.issuedTo || r.issued_at.slice(0, 10) <= q.issuedTo),
  );
  return {
    invoices: await Promise.all(shown.map((r) => toView(tx, r, now))),
    outstandingCents: sumCents(
      rows.filter((r) => r.status === 'unpaid').map((r) => r.amount_cents),
    ),
    unappliedCreditCents: 0,
    currency: CURRENCY,
  };
}

/** Pays the named unpaid invoices (or all of them) with the saved method: one receipt. */
export async function payInvoices(
  tx: BillingTx,
  accountId: string,
  which: 'all' | readonly string[],
  now: string,
): Promise<Receipt> {
  const method = await paymentLabel(tx, accountId);
  if (!method) throw new AppError('no_payment_method', NO_PAYMENT_METHOD);
  const unpaid = await tx
    .selectFrom('invoices')
    .select(['id', 'number', 'amount_cents', 'currency', 'status'])
    .where('account_id', '=', accountId)
    .where('status', '=', 'unpaid')
    .orderBy('issued_at')
    .execute();
  let chosen = unpaid;
  if (which !== 'all') {
    const wanted = new Set(which);
    chosen = unpaid.filter((r) => wanted.has(r.number));
    const missing = [...wanted].filter((n) => !chosen.some((r) => r.number === n));
    if (missing.length > 0)
      throw new AppError(
        'not_payable',
        `${missing.join(', ')}: no unpaid invoice of yours has ${missing.length === 1 ? 'this number' : 'these numbers'}.`,
      );
  }
  if (chosen.length === 0) throw new AppError('nothing_to_pay', NOTHING_TO_PAY);
  return recordPayment(tx, accountId, chosen, method, now);
}

export async function recordPayment(
  tx: BillingTx,
  accountId: string,
  invoices: ReadonlyArray<{ id: string; number: string; amount_cents: number }>,
  method: string,
  now: string,
): Promise<Receipt> {
  for (const inv of invoices)
    await tx
      .updateTable('invoices')
      .set({ status: 'paid', paid_at: now })
      .where('id', '=', inv.id)
      .execute();
  const receipt: Receipt = {
    receiptNumber: await nextNumber(tx, 'RCT', now),
    paidAt: now,
    amountCents: sumCents(invoices.map((i) => i.amount_cents)),
    currency: CURRENCY,
    method,
    invoices: invoices.map((i) => i.number),
    simulated: true,
  };
  await tx
    .insertInto('payments')
    .values({
      id: newId('pay'),
      account_id: accountId,
      receipt_number: receipt.receiptNumber,
      amount_cents: receipt.amountCents,
      currency: receipt.currency,
      method,
      invoice_numbers: JSON.stringify(receipt.invoices),
      paid_at: now,
    })
    .execute();
  return receipt;
}
