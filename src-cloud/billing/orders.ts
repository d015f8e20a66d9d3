// The simulated store (docs/sources.md, Portal guide §I, Account management "Expired Products"):
// what this account may buy, and orders of subscriptions, credits, trials and betas. Paid orders
// are invoiced and paid at once with the saved (simulated) payment method; trials and betas cost
// nothing and anyone may apply.
import type { OrderAnswer, OrderBody, StoreAnswer } from '../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../src-shared/billing/money.ts';
import {
  CREDIT_PRICE_CENTS,
  CURRENCY,
  familyOf,
  priceList,
} from '../../src-shared/billing/prices.ts';
import { TERM_DAYS } from '../../src-shared/billing/proration.ts';
import { checkStorePurchase } from '../../src-shared/billing/store.ts';
import type { OrgRole } from '../../src-shared/domain/account.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { RuleResult } from '../../src-shared/org/model.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../org/actor.ts';
import {
  issueInvoice,
  invoiceRow,
  paymentLabel,
  payInvoices,
  toView,
  NO_PAYMENT_METHOD,
} from './invoices.ts';
import { priceChanged } from './subscriptions.ts';
import type { BillingTx } from './tables.ts';

const TRIAL_DAYS = { trial: 30, beta: 90 } as const;
export const alreadyApplied = (kind: 'trial' | 'beta', product: string) =>
  `You already have an active ${kind} of ${product}.`;

const roleOf = (a: Actor): OrgRole | null =>
  a.adminOf ? 'administrator' : (a.memberOf?.role ?? null);

async function orgCreditAccessOn(tx: BillingTx, actor: Actor): Promise<boolean> {
  if (!actor.memberOf) return false;
  const row = await tx
    .selectFrom('credit_access')
    .select('mode')
    .where('organization_id', '=', actor.memberOf.id)
    .where('account_id', '=', actor.accountId)
    .executeTakeFirst();
  return row !== undefined && row.mode !== 'disabled';
}

export async function storeOf(tx: BillingTx, actor: Actor): Promise<StoreAnswer> {
  const products = await tx
    .selectFrom('products')
    .select(['code', 'name'])
    .orderBy('sort_order')
    .execute();
  const access = await orgCreditAccessOn(tx, actor);
  return {
    currency: CURRENCY,
    products: products
      .filter((p) => priceList[p.code])
      .map((p) => ({
        productCode: p.code,
        productName: p.name,
        family: familyOf(p.code),
        annualCents: priceList[p.code]?.annual ?? 0,
        monthlyCents: priceList[p.code]?.monthly ?? 0,
      })),
    creditCents: CREDIT_PRICE_CENTS,
    subscriptionRefusal: checkStorePurchase(roleOf(actor), 'subscription', access)?.message ?? null,
    creditRefusal: checkStorePurchase(roleOf(actor), 'credits', access)?.message ?? null,
  };
}

function plus(now: string, days: number): string {
  return new Date(Date.parse(now) + days * 86_400_000).toISOString();
}

export async function placeOrder(
  tx: BillingTx,
  actor: Actor,
  body: OrderBody,
  now: string,
  buyCredits: (amount: number) => Promise<RuleResult>,
): Promise<OrderAnswer> {
  const refusal = checkStorePurchase(roleOf(actor), body.kind, await orgCreditAccessOn(tx, actor));
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const need = <T>(v: T | undefined, field: string): T => {
    if (v === undefined)
      throw new AppError(
        'bad_request',
        `Invalid body: ${field} is needed for a ${body.kind} order.`,
      );
    return v;
  };
  if (body.kind === 'trial' || body.kind === 'beta') {
    const kind = body.kind;
    const code = need(body.productCode, 'productCode');
    const product = await tx
      .selectFrom('products')
      .select(['code', 'name'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!product) throw new AppError('not_found', `No product has the code ${code}.`);
    const held = await tx
      .selectFrom('purchases')
      .select('id')
      .where('account_id', '=', actor.accountId)
      .where('product_code', '=', product.code)
      .where('term', '=', kind)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (held) throw new AppError('conflict', alreadyApplied(kind, product.name));
    const id = newId('pur');
    await insertPurchase(
      tx,
      id,
      actor.accountId,
      product.code,
      kind,
      1,
      now,
      plus(now, TRIAL_DAYS[kind]),
      false,
    );
    return { invoice: null, receipt: null, purchaseId: id };
  }
  const method = await paymentLabel(tx, actor.accountId);
  if (!method) throw new AppError('no_payment_method', NO_PAYMENT_METHOD);
  let line;
  let purchaseId: string | null = null;
  if (body.kind === 'credits') {
    const amount = need(body.amount, 'amount');
    const total = amount * CREDIT_PRICE_CENTS;
    checkPrice(total, need(body.expectedCents, 'expectedCents'));
    const done = await buyCredits(amount);
    if (!done.ok) throw new AppError(done.code, done.message);
    line = {
      description: `Chaos Cloud credits, ${amount.toLocaleString('en')}`,
      quantity: amount,
      unitCents: CREDIT_PRICE_CENTS,
      amountCents: total,
    };
  } else {
    const code = need(body.productCode, 'productCode');
    const term = need(body.term, 'term');
    const quantity = need(body.quantity, 'quantity');
    const entry = priceList[code];
    const product = await tx
      .selectFrom('products')
      .select(['code', 'name'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!entry || !product) throw new AppError('not_found', `The store does not sell ${code}.`);
    const unit = entry[term];
    checkPrice(unit * quantity, need(body.expectedCents, 'expectedCents'));
    purchaseId = newId('pur');
    await insertPurchase(
      tx,
      purchaseId,
      actor.accountId,
      product.code,
      term,
      quantity,
      now,
      plus(now, TERM_DAYS[term]),
      true,
    );
    line = {
      description: `${product.name}, ${term}, ${quantity} ${quantity === 1 ? 'seat' : 'seats'}`,
      quantity: quantity,
      unitCents: unit,
      amountCents: unit * quantity,
    };
  }
  const number = await issueInvoice(tx, actor.accountId, [line], now, 0);
  const receipt = await payInvoices(tx, actor.accountId, [number], now);
  const row = await invoiceRow(tx, actor.accountId, number);
  return { invoice: row ? await toView(tx, row, now) : null, receipt, purchaseId };
}

function checkPrice(total: number, expected: number): void {
  if (total !== expected)
    throw new AppError(
      'price_changed',
      priceChanged(formatCents(total, CURRENCY), formatCents(expected, CURRENCY)),
    );
}

async function insertPurchase(
  tx: BillingTx,
  id: string,
  accountId: string,
  code: string,
  term: 'annual' | 'monthly' | 'trial' | 'beta',
  quantity: number,
  now: string,
  expiresAt: string,
  autoRenew: boolean,
): Promise<void> {
  await tx
    .insertInto('purchases')
    .values({
      id,
      account_id: accountId,
      product_code: code,
      quantity,
      term,
      purchased_at: now,
      activated_at: now,
      expires_at: expiresAt,
      auto_renew: autoRenew ? 1 : 0,
    })
    .execute();
}
