// Subscriptions (docs/sources.md, Account management "Active Products", "Expired Products"): an
// account's own purchases with their auto-renew window, the prorated price of more seats or an
// upgrade, and the orders that apply them. Whose they are follows docs/roles.md: the
// administrator's are the organization's.
import type {
  OrderAnswer,
  QuoteAnswer,
  SubscriptionsAnswer,
  SubscriptionView,
} from '../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../src-shared/billing/money.ts';
import { CURRENCY, familyOf, priceList, priceOf } from '../../src-shared/billing/prices.ts';
import { prorate, remainingDays } from '../../src-shared/billing/proration.ts';
import { autoRenewControl, isRenewable, NO_CARD_LABEL } from '../../src-shared/billing/renewal.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Actor } from '../org/actor.ts';
import { personalOnlyTerms } from '../views/licenses.ts';
import {
  issueInvoice,
  invoiceRow,
  paymentLabel,
  payInvoices,
  toView,
  NO_PAYMENT_METHOD,
} from './invoices.ts';
import type { BillingTx } from './tables.ts';

export const SUBSCRIPTION_NOT_FOUND = 'No subscription of yours has this id.';
export const priceChanged = (now: string, expected: string) =>
  `The price is now ${now}, not the ${expected} you were shown. Look at the new price and confirm again.`;

async function purchaseRows(tx: BillingTx, accountId: string) {
  return tx
    .selectFrom('purchases as p')
    .innerJoin('products as pr', 'pr.code', 'p.product_code')
    .select([
      'p.id',
      'p.product_code',
      'pr.name',
      'p.term',
      'p.quantity',
      'p.purchased_at',
      'p.activated_at',
      'p.expires_at',
      'p.auto_renew',
      'pr.sort_order',
    ])
    .where('p.account_id', '=', accountId)
    .orderBy('pr.sort_order')
    .orderBy('p.expires_at')
    .execute();
}
type Row = Awaited<ReturnType<typeof purchaseRows>>[number];

function view(
  r: Row,
  actor: Actor,
  payment: string | null,
  names: Map<string, string>,
  nowMs: number,
): SubscriptionView {
  const expiresMs = r.expires_at ? Date.parse(r.expires_at) : null;
  const control = autoRenewControl(r.term, r.auto_renew === 1, expiresMs, nowMs);
  const up = priceList[r.product_code]?.upgradeTo;
  return {
    id: r.id,
    productCode: r.product_code,
    productName: r.name,
    family: familyOf(r.product_code),
    term: r.term,
    quantity: r.quantity,
    activatedAt: r.activated_at ?? r.purchased_at,
    expiresAt: r.expires_at,
    currency: CURRENCY,
    unitCents: isRenewable(r.term) ? priceOf(r.product_code, r.term) : null,
    autoRenew: r.auto_renew === 1,
    autoRenewChange: { allowed: control.canChange, reason: control.reason },
    source:
      actor.adminOf && !(personalOnlyTerms as readonly string[]).includes(r.term)
        ? 'organization'
        : 'personal',
    upgradeTo: up && isRenewable(r.term) ? { code: up, name: names.get(up) ?? up } : null,
    // docs/sources.md, Account management "Active Products": "Copy License Key (For versions older
    // than 4.1)" — only perpetual licenses have one.
    licenseKey: r.term === 'perpetual' ? licenseKeyOf(r.id) : null,
    payment: isRenewable(r.term) ? (payment ?? NO_CARD_LABEL) : 'Not renewed',
  };
}

/** A stable, readable key derived from the purchase id (the vendor's key server is out of reach). */
export function licenseKeyOf(purchaseId: string): string {
  let h = 2166136261;
  for (const ch of purchaseId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const hex = (h.toString(16) + (h ^ 0x5a5a5a5a).toString(16)).toUpperCase().padEnd(16, '0');
  return hex.slice(0, 16).replace(/(.{4})(?!$)/g, '$1-');
}

export async function subscriptionsOf(
  tx: BillingTx,
  actor: Actor,
  nowMs: number,
): Promise<SubscriptionsAnswer> {
  const rows = await purchaseRows(tx, actor.accountId);
  const payment = await paymentLabel(tx, actor.accountId);
  const products = await tx.selectFrom('products').select(['code', 'name']).execute();
  const names = new Map(products.map((p) => [p.code, p.name]));
  const views = rows.map((r) => view(r, actor, payment, names, nowMs));
  const live = (s: SubscriptionView) => s.expiresAt === null || Date.parse(s.expiresAt) > nowMs;
  return { active: views.filter(live), expired: views.filter((s) => !live(s)) };
}

async function own(tx: BillingTx, actor: Actor, purchaseId: string, nowMs: number) {
  const all = await subscriptionsOf(tx, actor, nowMs);
  const s = [...all.active, ...all.expired].find((x) => x.id === purchaseId);
  if (!s) throw new AppError('subscription_not_found', SUBSCRIPTION_NOT_FOUND);
  return { s, active: all.active.includes(s) };
}

export async function setAutoRenew(
  tx: BillingTx,
  actor: Actor,
  purchaseId: string,
  on: boolean,
  nowMs: number,
): Promise<SubscriptionView> {
  const { s } = await own(tx, actor, purchaseId, nowMs);
  if (s.autoRenew !== on) {
    if (!s.autoRenewChange.allowed)
      throw new AppError('auto_renew_closed', s.autoRenewChange.reason ?? 'Not possible now.');
    await tx
      .updateTable('purchases')
      .set({ auto_renew: on ? 1 : 0 })
      .where('id', '=', purchaseId)
      .execute();
  }
  return (await own(tx, actor, purchaseId, nowMs)).s;
}

/** The prorated price of `seats` more (or upgraded) seats until the renewal date. */
export async function quote(
  tx: BillingTx,
  actor: Actor,
  kind: 'seats' | 'upgrade',
  purchaseId: string,
  seats: number,
  nowMs: number,
): Promise<QuoteAnswer & { target: string }> {
  const { s, active } = await own(tx, actor, purchaseId, nowMs);
  const term = s.term;
  if (!active || !isRenewable(term) || s.expiresAt === null || s.unitCents === null)
    throw new AppError('conflict', 'Only an active annual or monthly subscription can change.');
  let unit = s.unitCents;
  let target = s.productCode;
  let description = `${s.productName}, ${term}, ${seats} more ${seats === 1 ? 'seat' : 'seats'}`;
  if (kind === 'upgrade') {
    if (!s.upgradeTo) throw new AppError('no_upgrade', `${s.productName} has no upgrade.`);
    if (seats > s.quantity)
      throw new AppError('conflict', `The subscription has ${s.quantity} seats to upgrade.`);
    target = s.upgradeTo.code;
    unit = (priceOf(target, term) ?? unit) - s.unitCents;
    description = `Upgrade ${s.productName} to ${s.upgradeTo.name}, ${term}, ${seats} ${seats === 1 ? 'seat' : 'seats'}`;
  }
  const days = remainingDays(Date.parse(s.expiresAt), nowMs, term);
  const q = prorate(unit, seats, days, term);
  return {
    ...q,
    description: `${description}, ${days} of ${q.termDays} days`,
    currency: CURRENCY,
    target,
  };
}

/** Orders at the quoted price: the invoice is issued and paid at once with the saved method. */
export async function applyQuote(
  tx: BillingTx,
  actor: Actor,
  kind: 'seats' | 'upgrade',
  body: { purchaseId: string; seats: number; expectedCents: number },
  now: string,
): Promise<OrderAnswer> {
  const nowMs = Date.parse(now);
  const q = await quote(tx, actor, kind, body.purchaseId, body.seats, nowMs);
  if (q.totalCents !== body.expectedCents)
    throw new AppError(
      'price_changed',
      priceChanged(formatCents(q.totalCents, CURRENCY), formatCents(body.expectedCents, CURRENCY)),
    );
  if (!(await paymentLabel(tx, actor.accountId)))
    throw new AppError('no_payment_method', NO_PAYMENT_METHOD);
  const p = await tx
    .selectFrom('purchases')
    .selectAll()
    .where('id', '=', body.purchaseId)
    .executeTakeFirstOrThrow();
  if (kind === 'seats')
    await tx
      .updateTable('purchases')
      .set({ quantity: p.quantity + body.seats })
      .where('id', '=', p.id)
      .execute();
  else if (body.seats === p.quantity)
    await tx
      .updateTable('purchases')
      .set({ product_code: q.target })
      .where('id', '=', p.id)
      .execute();
  else {
    await tx
      .updateTable('purchases')
      .set({ quantity: p.quantity - body.seats })
      .where('id', '=', p.id)
      .execute();
    await tx
      .insertInto('purchases')
      .values({
        ...p,
        id: `${p.id}_up${Date.parse(now).toString(36)}`,
        product_code: q.target,
        quantity: body.seats,
      })
      .execute();
  }
  const line = {
    description: q.description,
    quantity: body.seats,
    unitCents: Math.round(q.totalCents / body.seats),
    amountCents: q.totalCents,
  };
  // One line whose amount is the quote: the unit shown is indicative, the amount is the total.
  const number = await issueInvoice(tx, actor.accountId, [line], now, 0);
  const receipt = q.totalCents > 0 ? await payInvoices(tx, actor.accountId, [number], now) : null;
  const row = await invoiceRow(tx, actor.accountId, number);
  return {
    invoice: row ? await toView(tx, row, now) : null,
    receipt,
    purchaseId: body.purchaseId,
  };
}
