// The portal's billing routes (src-shared/cloud-api/billing.ts), the invoice PDF and the installer
// files. Each runs in one transaction with the actor as docs/roles.md decides it.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import Type from 'typebox';
import {
  billingRoutes,
  type BillingAnswer,
  type BillingInfo,
  type ConfirmSeatsBody,
  type InvoicesQuery,
  type OrderBody,
  type PayBody,
  type PaymentMethodBody,
  type ProfileBody,
  type SeatsBody,
  type AutoRenewBody,
} from '../../src-shared/cloud-api/billing.ts';
import { ApiError } from '../../src-shared/cloud-api/schemas.ts';
import { isoNow } from '../../src-shared/clock.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CloudContext } from '../context.ts';
import { purchaseCredits } from '../credits/purchase.ts';
import { inCredits } from '../credits/session.ts';
import { loadActor, type Actor } from '../org/actor.ts';
import type { OrgTx } from '../org/tables.ts';
import { authenticate } from '../routes/mount.ts';
import { orgRuntimes, registerRoute } from '../routes/org.ts';
import { downloadsOf, installerBytes } from './downloads.ts';
import {
  billToOf,
  invoiceRow,
  listInvoices,
  payInvoices,
  toView,
  type BillTo,
} from './invoices.ts';
import { placeOrder, storeOf } from './orders.ts';
import { renewAllDue, renewDue } from './renewals.ts';
import { invoicePdf } from './pdf.ts';
import { applyQuote, quote, setAutoRenew, subscriptionsOf } from './subscriptions.ts';
import { billingStore, type BillingTx } from './tables.ts';

const fileAnswer = (type: string) => ({
  200: { content: { [type]: { schema: Type.String({ format: 'binary' }) } } },
  400: ApiError,
  401: ApiError,
  404: ApiError,
});

const RENEW_SWEEP_MS = 3_600_000;

type Work<T> = (tx: BillingTx, actor: Actor, now: string) => Promise<T>;

export function billingRoutesModule(app: FastifyInstance, ctx: CloudContext): void {
  const rt = orgRuntimes.get(ctx);
  if (!rt) throw new Error('The billing routes need the organization runtime.');
  const db = billingStore(ctx.db);
  const run = <T>(accountId: string, work: Work<T>): Promise<T> =>
    db.transaction().execute(async (tx) => {
      const now = isoNow(ctx.clock);
      await renewDue(tx, accountId, now);
      return work(tx, await loadActor(tx as unknown as OrgTx, accountId, now), now);
    });
  // The hourly sweep: renewals also happen while nobody reads (the invoice is issued that day).
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweep = setInterval(
      () => void renewAllDue(ctx.db, isoNow(ctx.clock)).catch(() => undefined),
      RENEW_SWEEP_MS,
    );
    sweep.unref();
  });
  app.addHook('onClose', async () => clearInterval(sweep));
  const on = (name: keyof typeof billingRoutes, h: Parameters<typeof registerRoute>[4]) =>
    registerRoute(app, ctx, name, billingRoutes[name], h);

  on('subscriptions', ({ caller }) =>
    run(caller.accountId, (tx, a, now) => subscriptionsOf(tx, a, Date.parse(now))),
  );
  on('setAutoRenew', ({ caller, body }) => {
    const b = body as Static<typeof AutoRenewBody>;
    return run(caller.accountId, (tx, a, now) =>
      setAutoRenew(tx, a, b.purchaseId, b.autoRenew, Date.parse(now)),
    );
  });
  for (const [q, kind] of [
    ['quoteSeats', 'seats'],
    ['quoteUpgrade', 'upgrade'],
  ] as const)
    on(q, ({ caller, body }) => {
      const b = body as Static<typeof SeatsBody>;
      return run(caller.accountId, async (tx, a, now) => {
        const { target: _target, ...answer } = await quote(
          tx,
          a,
          kind,
          b.purchaseId,
          b.seats,
          Date.parse(now),
        );
        return answer;
      });
    });
  for (const [o, kind] of [
    ['addSeats', 'seats'],
    ['upgrade', 'upgrade'],
  ] as const)
    on(o, ({ caller, body }) =>
      run(caller.accountId, (tx, a, now) => applyQuote(tx, a, kind, body as ConfirmSeatsBody, now)),
    );
  on('store', ({ caller }) => run(caller.accountId, (tx, a) => storeOf(tx, a)));
  on('order', ({ caller, body }) =>
    inCredits(rt, async (r) => {
      const tx = r.tx as unknown as BillingTx;
      const actor = await loadActor(r.tx as unknown as OrgTx, caller.accountId, r.now);
      return placeOrder(tx, actor, body as OrderBody, r.now, (amount) =>
        purchaseCredits(r, caller.accountId, { amount }),
      );
    }),
  );
  on('invoices', ({ caller, query }) =>
    run(caller.accountId, (tx, _a, now) =>
      listInvoices(tx, caller.accountId, query as InvoicesQuery, now),
    ),
  );
  on('payInvoices', ({ caller, body }) =>
    run(caller.accountId, (tx, _a, now) =>
      payInvoices(tx, caller.accountId, (body as PayBody).invoices, now),
    ),
  );
  on('billing', ({ caller }) => run(caller.accountId, (tx) => billingOf(tx, caller.accountId)));
  on('setBillingInfo', ({ caller, body }) =>
    run(caller.accountId, async (tx, _a, now) => {
      const b = body as BillingInfo;
      const row = {
        name: b.name,
        company: b.company,
        address: b.address,
        country: b.country,
        vat_id: b.vatId,
        updated_at: now,
      };
      await tx
        .insertInto('billing_info')
        .values({ account_id: caller.accountId, ...row })
        .onConflict((oc) => oc.column('account_id').doUpdateSet(row))
        .execute();
      return billingOf(tx, caller.accountId);
    }),
  );
  on('setPaymentMethod', ({ caller, body }) =>
    run(caller.accountId, async (tx, _a, now) => {
      const b = body as PaymentMethodBody;
      const digits = b.cardNumber.replace(/\D/g, '');
      // Simulated processor: only the brand and the last four digits are kept, never the number.
      const row = {
        brand: digits.startsWith('4') ? 'Visa' : digits.startsWith('5') ? 'Mastercard' : 'Card',
        last4: digits.slice(-4),
        exp_month: b.expMonth,
        exp_year: b.expYear,
        holder: b.holder,
        updated_at: now,
      };
      await tx
        .insertInto('payment_methods')
        .values({ account_id: caller.accountId, ...row })
        .onConflict((oc) => oc.column('account_id').doUpdateSet(row))
        .execute();
      return billingOf(tx, caller.accountId);
    }),
  );
  on('downloads', ({ caller }) => downloadsOf(ctx.db, caller.accountId, isoNow(ctx.clock)));
  on('setProfile', ({ caller, body }) =>
    run(caller.accountId, async (tx) => {
      const b = body as ProfileBody;
      await tx
        .updateTable('accounts')
        .set({ name: b.name.trim(), country: b.country.trim() })
        .where('id', '=', caller.accountId)
        .execute();
      return { name: b.name.trim(), country: b.country.trim() };
    }),
  );

  app.get(
    '/v1/invoices/:number/pdf',
    {
      schema: {
        operationId: 'invoicePdf',
        summary: 'The invoice as PDF, made out to the billing information it was issued to',
        tags: ['billing'],
        params: Type.Object({ number: Type.String({ minLength: 1, maxLength: 40 }) }),
        security: [{ bearer: [] }],
        response: fileAnswer('application/pdf'),
      },
    },
    async (request, reply) => {
      const caller = await authenticate(ctx, request);
      const { number } = request.params as { number: string };
      const pdf = await run(caller.accountId, async (tx, _a, now) => {
        const row = await invoiceRow(tx, caller.accountId, number);
        if (!row) throw new AppError('not_found', `No invoice of yours has the number ${number}.`);
        const billTo: BillTo = row.bill_to
          ? (JSON.parse(row.bill_to) as BillTo)
          : await billToOf(tx, caller.accountId);
        const acc = await tx
          .selectFrom('accounts')
          .select('customer_number')
          .where('id', '=', caller.accountId)
          .executeTakeFirstOrThrow();
        return invoicePdf(await toView(tx, row, now), billTo, acc.customer_number);
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${number}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/v1/downloads/:file',
    {
      schema: {
        operationId: 'downloadFile',
        summary: 'An installer of one of the account’s active products (a simulated stand-in)',
        tags: ['billing'],
        params: Type.Object({ file: Type.String({ minLength: 1, maxLength: 120 }) }),
        security: [{ bearer: [] }],
        response: fileAnswer('application/octet-stream'),
      },
    },
    async (request, reply) => {
      const caller = await authenticate(ctx, request);
      const { file } = request.params as { file: string };
      const d = (await downloadsOf(ctx.db, caller.accountId, isoNow(ctx.clock))).find(
        (x) => x.fileName === file,
      );
      if (!d)
        throw new AppError('not_found', `${file} is not an installer of your active products.`);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${file}"`)
        .header('x-checksum-sha256', d.sha256)
        .send(installerBytes(d.productCode, d.productName));
    },
  );
}

async function billingOf(tx: BillingTx, accountId: string): Promise<BillingAnswer> {
  const b = await tx
    .selectFrom('billing_info')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const m = await tx
    .selectFrom('payment_methods')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return {
    info: b
      ? {
          name: b.name,
          company: b.company,
          address: b.address,
          country: b.country,
          vatId: b.vat_id,
        }
      : null,
    paymentMethod: m
      ? {
          brand: m.brand,
          last4: m.last4,
          expMonth: m.exp_month,
          expYear: m.exp_year,
          holder: m.holder,
        }
      : null,
  };
}
