// The auto-renew windows on their edges and proration to the cent, with
// an injected clock (docs/time.md) — the renewal date is "now + N days" of a clock standing still.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { manualClock } from '../../src-shared/clock.ts';
import { formatCents, sumCents } from '../../src-shared/billing/money.ts';
import { prorate, remainingDays } from '../../src-shared/billing/proration.ts';
import { autoRenewControl, autoRenewMessages, DAY_MS } from '../../src-shared/billing/renewal.ts';
import { checkStorePurchase } from '../../src-shared/billing/store.ts';
import {
  GUEST_DISABLE_ORG_ACCESS_TO_BUY,
  MEMBERS_CANNOT_PURCHASE,
} from '../../src-shared/org/messages.ts';

const clock = manualClock(Date.now());
const renewsIn = (days: number) => clock() + days * DAY_MS;

describe('auto-renewal windows (docs/sources.md, Account management)', () => {
  test('annual: disabling until 30 days before renewal — 31 yes, 30 and 29 no', () => {
    const at = (d: number) => autoRenewControl('annual', true, renewsIn(d), clock());
    assert.deepEqual(at(31), { canChange: true, reason: null, daysLeft: 31 });
    for (const d of [30, 29]) {
      assert.equal(at(d).canChange, false, `${d} days`);
      assert.equal(at(d).reason, autoRenewMessages.disableClosed('annual'));
    }
    assert.match(at(30).reason ?? '', /until 30 days before the renewal date/);
  });

  test('monthly: disabling until 7 days before renewal — 8 yes, 7 and 6 no', () => {
    const at = (d: number) => autoRenewControl('monthly', true, renewsIn(d), clock());
    assert.equal(at(8).canChange, true);
    assert.equal(at(7).canChange, false);
    assert.equal(at(6).canChange, false);
    assert.match(at(7).reason ?? '', /until 7 days before the renewal date/);
  });

  test('enabling until 1 day before renewal — 2 and 1 yes, 0 no (both terms)', () => {
    for (const term of ['annual', 'monthly']) {
      const at = (d: number) => autoRenewControl(term, false, renewsIn(d), clock());
      assert.equal(at(2).canChange, true, `${term} 2`);
      assert.equal(at(1).canChange, true, `${term} 1`);
      // Hours before renewal: 0 whole days left.
      const lastDay = autoRenewControl(term, false, clock() + 5 * 3_600_000, clock());
      assert.deepEqual(lastDay, {
        canChange: false,
        reason: autoRenewMessages.enableClosed,
        daysLeft: 0,
      });
    }
  });

  test('the window moves with the clock, not with the wall time', () => {
    const renewal = renewsIn(31);
    assert.equal(autoRenewControl('annual', true, renewal, clock()).canChange, true);
    const later = manualClock(clock());
    later.advance(DAY_MS);
    assert.equal(autoRenewControl('annual', true, renewal, later()).canChange, false);
  });

  test('perpetual, trial and expired subscriptions have no control', () => {
    assert.equal(
      autoRenewControl('perpetual', false, null, clock()).reason,
      autoRenewMessages.notRenewable,
    );
    assert.equal(autoRenewControl('trial', false, renewsIn(10), clock()).canChange, false);
    assert.equal(
      autoRenewControl('annual', true, renewsIn(-1), clock()).reason,
      autoRenewMessages.expired,
    );
  });
});

describe('proration (docs/sources.md, Account management "Add seats")', () => {
  test('a known price and days left, to the cent', () => {
    // 2 seats of V-Ray Collection (699.00 a year) with 100 days left: 1398 × 100 / 365 = 383.0137.
    const q = prorate(69_900, 2, 100, 'annual');
    assert.equal(q.totalCents, 38_301);
    assert.equal(formatCents(q.totalCents, 'EUR'), 'EUR 383.01');
    // Half a month of 59.90; 7 days of 3 seats; one day of 470.00 a year (128.767 → 1.29).
    assert.equal(prorate(5_990, 1, 15, 'monthly').totalCents, 2_995);
    assert.equal(prorate(5_990, 3, 7, 'monthly').totalCents, 4_193);
    assert.equal(prorate(47_000, 1, 1, 'annual').totalCents, 129);
  });

  test('days left count a started day and never exceed the term', () => {
    assert.equal(remainingDays(renewsIn(100), clock(), 'annual'), 100);
    assert.equal(remainingDays(clock() + 99.5 * DAY_MS, clock(), 'annual'), 100);
    assert.equal(remainingDays(renewsIn(400), clock(), 'annual'), 365);
    assert.equal(remainingDays(renewsIn(-3), clock(), 'monthly'), 0);
  });

  test('money adds in cents', () => {
    assert.equal(sumCents([100_000, 11_980]), 111_980);
    assert.equal(formatCents(111_980, 'EUR'), 'EUR 1,119.80');
  });
});

describe('the store (docs/sources.md, Portal guide §I)', () => {
  test('members are refused, guests with organizational credit access cannot buy credits', () => {
    assert.deepEqual(checkStorePurchase('member', 'subscription', false), {
      code: 'members_cannot_purchase',
      message: MEMBERS_CANNOT_PURCHASE,
    });
    assert.equal(checkStorePurchase('member', 'credits', false)?.code, 'members_cannot_purchase');
    assert.equal(
      checkStorePurchase('guest', 'credits', true)?.message,
      GUEST_DISABLE_ORG_ACCESS_TO_BUY,
    );
    assert.equal(checkStorePurchase('guest', 'credits', false), null);
    assert.equal(checkStorePurchase('guest', 'subscription', true), null);
    for (const role of ['member', 'guest', 'administrator', null] as const) {
      assert.equal(checkStorePurchase(role, 'trial', true), null);
      assert.equal(checkStorePurchase(role, 'beta', true), null);
    }
  });
});
