// Issue 15 over real HTTP: subscriptions with the auto-renew windows on the cloud's clock, Add
// seats at the quoted (prorated) price equal to the invoice, Buy again, the store's refusals with
// the seeds' messages, invoices with the outstanding balance, paying one and all, billing
// information with VAT ID on later invoices, downloads with checksums, the account's details.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type {
  BillingAnswer,
  InvoicesAnswer,
  OrderAnswer,
  QuoteAnswer,
  Receipt,
  StoreAnswer,
  SubscriptionsAnswer,
  SubscriptionView,
  DownloadView,
} from '../../src-shared/cloud-api/billing.ts';
import { DAY_MS } from '../../src-shared/billing/renewal.ts';
import type { PullAnswer } from '../../src-shared/cloud-api/sync.ts';
import { manualClock } from '../../src-shared/clock.ts';
import {
  GUEST_DISABLE_ORG_ACCESS_TO_BUY,
  MEMBERS_CANNOT_PURCHASE,
} from '../../src-shared/org/messages.ts';
import { ADMIN, startTestCloud, type TestCloud } from './helpers.ts';

const MEMBER = 'marco.rossi@northwind.example';
const GUEST_WITH_ORG_CREDITS = 'daniel@okafor-studio.example';
const GRACE = 'grace.miller@brightline.example';
const CARD = {
  holder: 'Elena Petrova',
  cardNumber: '4242 4242 4242 4242',
  expMonth: 12,
  expYear: 2099,
};

describe('billing and the store', () => {
  let cloud: TestCloud;
  const clock = manualClock(Date.now());
  const tokens = new Map<string, string>();
  before(async () => {
    cloud = await startTestCloud({ clock });
  });
  after(() => cloud.close());

  async function call<T>(method: string, path: string, body: unknown, email: string) {
    let t = tokens.get(email);
    if (!t) {
      t = (await cloud.signIn(email)).accessToken;
      tokens.set(email, t);
    }
    return cloud.call<T & { error?: string; message?: string }>(method, path, body, t);
  }
  async function ok<T>(method: string, path: string, body: unknown, email = ADMIN): Promise<T> {
    const r = await call<T>(method, path, body, email);
    assert.equal(r.status, 200, `${method} ${path}: ${JSON.stringify(r.body)}`);
    return r.body;
  }
  const subs = (email = ADMIN) =>
    ok<SubscriptionsAnswer>('GET', '/v1/subscriptions', undefined, email);
  const find = async (id: string): Promise<SubscriptionView> => {
    const s = await subs();
    const x = [...s.active, ...s.expired].find((v) => v.id === id);
    assert.ok(x, id);
    return x;
  };
  const invoices = (q = '') => ok<InvoicesAnswer>('GET', `/v1/invoices${q}`, undefined);

  test('active and expired are apart; the organization’s purchases are labelled so', async () => {
    const admin = await subs();
    assert.ok(admin.active.every((s) => s.source === 'organization'));
    assert.equal(admin.expired.length, 0);
    const grace = await subs(GRACE);
    assert.deepEqual(
      grace.expired.map((s) => s.productCode),
      ['phoenix-maya'],
    );
    assert.ok(!grace.active.some((s) => s.productCode === 'phoenix-maya'));
    const phoenix = await find('pur_nw_phoenix');
    assert.match(phoenix.licenseKey ?? '', /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    assert.equal((await find('pur_nw_vray3dsmax_2027_03')).upgradeTo?.name, 'V-Ray Collection');
  });

  test('auto-renewal follows the windows on the cloud’s clock, refusals say why', async () => {
    // V-Ray for 3ds Max renews in 98 days: it can be disabled, and enabled again.
    const off = await ok<SubscriptionView>('POST', '/v1/subscriptions/auto-renew', {
      purchaseId: 'pur_nw_vray3dsmax_2027_03',
      autoRenew: false,
    });
    assert.equal(off.autoRenew, false);
    await ok('POST', '/v1/subscriptions/auto-renew', { purchaseId: off.id, autoRenew: true });
    // 20 days later the monthly Corona renews in 7 days: disabling is closed, with the reason.
    clock.advance(20 * DAY_MS);
    tokens.clear(); // the access tokens of 20 days ago have expired
    try {
      const s = await find('pur_nw_corona');
      assert.equal(s.autoRenewChange.allowed, false);
      const r = await call(
        'POST',
        '/v1/subscriptions/auto-renew',
        { purchaseId: s.id, autoRenew: false },
        ADMIN,
      );
      assert.equal(r.status, 409);
      assert.equal(r.body.error, 'auto_renew_closed');
      assert.match(r.body.message ?? '', /until 7 days before the renewal date/);
      assert.equal((await find(s.id)).autoRenew, true, 'nothing changed');
    } finally {
      clock.advance(-20 * DAY_MS);
      tokens.clear();
    }
  });

  test('orders need a saved payment method; the card number is never kept', async () => {
    const r = await call('POST', '/v1/invoices/pay', { invoices: 'all' }, ADMIN);
    assert.equal(r.status, 409);
    assert.equal(r.body.error, 'no_payment_method');
    const b = await ok<BillingAnswer>('POST', '/v1/billing/payment-method', CARD);
    assert.deepEqual(b.paymentMethod, {
      brand: 'Visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2099,
      holder: 'Elena Petrova',
    });
    assert.doesNotMatch(cloud.snapshot(), /4242 4242|4242424242424242/);
  });

  test('Add seats: the prorated quote is the invoice, to the cent', async () => {
    const body = { purchaseId: 'pur_nw_vraycollection', seats: 2 };
    const q = await ok<QuoteAnswer>('POST', '/v1/subscriptions/seats/quote', body);
    // 219 days left of 365 at 699.00 a seat: 2 × 69900 × 219 / 365 = 83880 cents.
    assert.deepEqual([q.days, q.unitCents, q.totalCents], [219, 69_900, 83_880]);
    const stale = await call(
      'POST',
      '/v1/subscriptions/seats',
      { ...body, expectedCents: 1 },
      ADMIN,
    );
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error, 'price_changed');
    const done = await ok<OrderAnswer>('POST', '/v1/subscriptions/seats', {
      ...body,
      expectedCents: q.totalCents,
    });
    assert.equal(done.invoice?.amountCents, q.totalCents);
    assert.equal(done.receipt?.amountCents, q.totalCents);
    assert.equal(done.receipt?.simulated, true);
    assert.equal((await find('pur_nw_vraycollection')).quantity, 5);
  });

  test('Upgrade: part of the seats move to V-Ray Collection at the prorated difference', async () => {
    const body = { purchaseId: 'pur_nw_vray3dsmax_2027_09', seats: 2 };
    const q = await ok<QuoteAnswer>('POST', '/v1/subscriptions/upgrade/quote', body);
    // (699.00 − 690.00) × 2 seats × 296 / 365 days = 14.597… → EUR 14.60.
    assert.deepEqual([q.days, q.unitCents, q.totalCents], [296, 900, 1_460]);
    const done = await ok<OrderAnswer>('POST', '/v1/subscriptions/upgrade', {
      ...body,
      expectedCents: q.totalCents,
    });
    assert.equal(done.invoice?.amountCents, 1_460);
    const all = await subs();
    assert.equal(all.active.find((s) => s.id === body.purchaseId)?.quantity, 3);
    const upgraded = all.active.filter(
      (s) =>
        s.productCode === 'vray-collection' &&
        s.expiresAt === all.active.find((x) => x.id === body.purchaseId)?.expiresAt,
    );
    assert.deepEqual(
      upgraded.map((s) => s.quantity),
      [2],
    );
    const none = await call(
      'POST',
      '/v1/subscriptions/upgrade/quote',
      { purchaseId: 'pur_nw_vraycollection', seats: 1 },
      ADMIN,
    );
    assert.equal(none.status, 409);
    assert.equal(none.body.error, 'no_upgrade');
  });

  test('outstanding balance is the sum of unpaid; pay one, then all', async () => {
    const before = await invoices();
    assert.equal(before.outstandingCents, 100_000 + 11_980);
    assert.ok(before.invoices.find((i) => i.number === 'INV-2026-005877')?.overdue);
    assert.deepEqual(
      (await invoices('?number=5877')).invoices.map((i) => i.number),
      ['INV-2026-005877'],
    );
    assert.equal((await invoices('?status=unpaid')).invoices.length, 2);
    // Issue-date filter, on the cloud's clock: today's invoice (the seats added) and nothing older.
    const today = new Date(clock()).toISOString().slice(0, 10);
    const fromToday = (await invoices(`?issuedFrom=${today}`)).invoices;
    assert.ok(fromToday.length >= 1 && fromToday.every((i) => i.issuedAt.slice(0, 10) >= today));
    const yesterday = new Date(clock() - DAY_MS).toISOString().slice(0, 10);
    const older = (await invoices(`?issuedTo=${yesterday}`)).invoices;
    assert.ok(older.some((i) => i.number === 'INV-2026-005877'));
    assert.ok(older.every((i) => i.issuedAt.slice(0, 10) <= yesterday));
    const bad = await call('GET', '/v1/invoices?issuedFrom=soon', undefined, ADMIN);
    assert.equal(bad.status, 400);
    const one = await ok<Receipt>('POST', '/v1/invoices/pay', { invoices: ['INV-2026-006021'] });
    assert.equal(one.amountCents, 11_980);
    assert.equal((await invoices()).outstandingCents, 100_000);
    const again = await call('POST', '/v1/invoices/pay', { invoices: ['INV-2026-006021'] }, ADMIN);
    assert.equal(again.status, 404);
    const all = await ok<Receipt>('POST', '/v1/invoices/pay', { invoices: 'all' });
    assert.deepEqual(all.invoices, ['INV-2026-005877']);
    assert.equal((await invoices()).outstandingCents, 0);
  });

  test('members are refused at the store; guests with organizational credits cannot buy credits', async () => {
    const store = await ok<StoreAnswer>('GET', '/v1/store', undefined, MEMBER);
    assert.equal(store.subscriptionRefusal, MEMBERS_CANNOT_PURCHASE);
    const r = await call(
      'POST',
      '/v1/store/orders',
      {
        kind: 'subscription',
        productCode: 'enscape',
        term: 'annual',
        quantity: 1,
        expectedCents: 54_900,
      },
      MEMBER,
    );
    assert.equal(r.status, 403);
    assert.equal(r.body.message, MEMBERS_CANNOT_PURCHASE);
    // A member may still apply for a beta (docs/sources.md, Portal guide §I).
    const beta = await ok<OrderAnswer>(
      'POST',
      '/v1/store/orders',
      { kind: 'beta', productCode: 'vray-maya' },
      MEMBER,
    );
    assert.ok(beta.purchaseId);
    const g = await call(
      'POST',
      '/v1/store/orders',
      { kind: 'credits', amount: 50, expectedCents: 5_000 },
      GUEST_WITH_ORG_CREDITS,
    );
    assert.equal(g.status, 409);
    assert.equal(g.body.message, GUEST_DISABLE_ORG_ACCESS_TO_BUY);
  });

  test('Buy again makes a new active subscription; credits bought land in the pool', async () => {
    await ok('POST', '/v1/billing/payment-method', { ...CARD, holder: 'Grace Miller' }, GRACE);
    const bought = await ok<OrderAnswer>(
      'POST',
      '/v1/store/orders',
      {
        kind: 'subscription',
        productCode: 'phoenix-maya',
        term: 'annual',
        quantity: 1,
        expectedCents: 38_000,
      },
      GRACE,
    );
    const grace = await subs(GRACE);
    const renewed = grace.active.find((s) => s.id === bought.purchaseId);
    assert.equal(renewed?.productCode, 'phoenix-maya');
    assert.equal(renewed?.autoRenew, true);
    const pool = async () =>
      (await ok<{ total: number }>('GET', '/v1/credits/balance', undefined)).total;
    const was = await pool();
    await ok('POST', '/v1/store/orders', { kind: 'credits', amount: 250, expectedCents: 25_000 });
    assert.equal(await pool(), was + 250);
  });

  test('billing information with VAT ID goes on every later invoice and its PDF', async () => {
    const info = {
      name: 'Elena Petrova',
      company: 'Northwind Visualization EOOD',
      address: '1 Vitosha Blvd, Sofia',
      country: 'Bulgaria',
      vatId: 'BG123456789',
    };
    const bad = await call('POST', '/v1/billing/info', { ...info, vatId: 'not a vat id' }, ADMIN);
    assert.equal(bad.status, 400);
    await ok('POST', '/v1/billing/info', info);
    const order = await ok<OrderAnswer>('POST', '/v1/store/orders', {
      kind: 'credits',
      amount: 10,
      expectedCents: 1_000,
    });
    const number = order.invoice?.number ?? '';
    const r = await fetch(`${cloud.url}/v1/invoices/${number}/pdf`, {
      headers: { authorization: `Bearer ${tokens.get(ADMIN)}` },
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/pdf');
    assert.equal((await r.arrayBuffer()).byteLength > 1000, true);
  });

  test('downloads of active products come with their SHA-256', async () => {
    const list = await ok<DownloadView[]>('GET', '/v1/downloads', undefined, GRACE);
    const d = list.find((x) => x.productCode === 'vray-collection');
    assert.ok(d);
    const r = await fetch(cloud.url + d.url, {
      headers: { authorization: `Bearer ${tokens.get(GRACE)}` },
    });
    const bytes = Buffer.from(await r.arrayBuffer());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), d.sha256);
    assert.equal(bytes.length, d.sizeBytes);
  });

  test('the account’s name and country change; bad input changes nothing', async () => {
    const before = cloud.snapshot();
    const bad = await call('POST', '/v1/account/profile', { name: '', country: 'X' }, GRACE);
    assert.equal(bad.status, 400);
    assert.equal(cloud.snapshot(), before);
    await ok('POST', '/v1/account/profile', { name: 'Grace M. Miller', country: 'Ireland' }, GRACE);
    const me = await ok<{ name: string; country: string }>('GET', '/v1/account', undefined, GRACE);
    assert.deepEqual([me.name, me.country], ['Grace M. Miller', 'Ireland']);
  });

  test('a renewal on the cloud’s clock is invoiced to the billing information of that day', async () => {
    clock.advance(28 * DAY_MS); // the monthly Corona (+27 days, auto-renew on) renews
    tokens.clear();
    try {
      // Nobody opened Billing: the organization's replica learns the new end from its pull.
      const pulled = await ok<PullAnswer>('GET', '/v1/pull?cursor=0', undefined);
      const row = pulled.changes.purchases?.find((p) => p.id === 'pur_nw_corona');
      assert.ok(Date.parse(row?.expiresAt ?? '') > clock(), 'renewed before the pull');
      const corona = await find('pur_nw_corona');
      assert.equal(corona.expiresAt, row?.expiresAt);
      const renewals = (await invoices('?number=')).invoices.filter((i) =>
        i.description.startsWith('Corona for 3ds Max, monthly, 2 seats, renewal'),
      );
      assert.equal(renewals.length, 1, 'the pull and the portal renewed it once');
      const inv = renewals[0];
      assert.ok(inv);
      assert.equal(inv.amountCents, 2 * 5_990);
      assert.equal(inv.status, 'paid', 'paid with the saved card');
      const r = await fetch(`${cloud.url}/v1/invoices/${inv.number}/pdf`, {
        headers: { authorization: `Bearer ${tokens.get(ADMIN)}` },
      });
      const text = spawnSync('pdftotext', ['-', '-'], {
        input: Buffer.from(await r.arrayBuffer()),
        encoding: 'utf8',
      }).stdout;
      assert.match(text, /VAT ID: BG123456789/);
    } finally {
      clock.advance(-28 * DAY_MS);
      tokens.clear();
    }
  });
});
