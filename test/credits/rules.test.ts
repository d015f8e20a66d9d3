// The credit rules as pure functions (src-shared/credits/): consumption order, refunds to the
// last-taken lots, and credits written in the reader's locale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCredits, quotaLine } from '../../src-shared/credits/format.ts';
import { planCharge, planRefund, type LotLeft } from '../../src-shared/credits/rules.ts';

const now = new Date().toISOString();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

describe('credit rules', () => {
  const lots: LotLeft[] = [
    { id: 'never', remainingMilli: 5000, expiresAt: null },
    { id: 'late', remainingMilli: 3000, expiresAt: inDays(30) },
    { id: 'gone', remainingMilli: 9000, expiresAt: inDays(-1) },
    { id: 'soon', remainingMilli: 2000, expiresAt: inDays(2) },
  ];

  it('charges the earliest-expiring lot first, "No expiration date" last, and never an expired lot', () => {
    assert.deepEqual(planCharge(lots, 6000, now), [
      { lotId: 'soon', milli: 2000 },
      { lotId: 'late', milli: 3000 },
      { lotId: 'never', milli: 1000 },
    ]);
  });

  it('refuses a charge the live lots cannot cover, rather than part of it', () => {
    assert.equal(planCharge(lots, 10_001, now), null);
  });

  it('gives a refund back to the last-taken lot first', () => {
    const taken = planCharge(lots, 6000, now) ?? [];
    assert.deepEqual(planRefund(taken, 1500), [
      { lotId: 'never', milli: 1000 },
      { lotId: 'late', milli: 500 },
    ]);
  });

  it("writes credits with three decimals in the reader's locale", () => {
    assert.equal(formatCredits(15.5, 'en-US'), '15.500');
    // In Bulgaria the decimal separator is a comma: "15,500" is fifteen and a half there.
    assert.equal(formatCredits(15.5, 'bg-BG'), '15,500');
    assert.equal(formatCredits(12345.5, 'de-DE'), '12.345,500');
    assert.equal(quotaLine(15.5, 20, 'bg-BG'), '15,500 / 20,000');
  });
});
