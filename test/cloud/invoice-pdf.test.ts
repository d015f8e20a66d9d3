// An invoice's PDF (pdfkit) rendered to PNG with pdftoppm (Debian's
// poppler-utils), its text read back with pdftotext: the billing information with VAT ID, every
// line and the total match the invoice the API answers. The PNG is kept in the temp folder named
// on the test's output, to be looked at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { OrderAnswer, QuoteAnswer } from '../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../src-shared/billing/money.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { ADMIN, startTestCloud, type TestCloud } from './helpers.ts';

let cloud: TestCloud;
let token = '';
const clock = manualClock(Date.now());
before(async () => {
  cloud = await startTestCloud({ clock });
  token = (await cloud.signIn(ADMIN)).accessToken;
});
after(() => cloud.close());

async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await cloud.call<T>('POST', path, body, token);
  assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
  return r.body;
}

test('the invoice PDF shows the VAT ID and totals that match the invoice', async () => {
  await post('/v1/billing/payment-method', {
    holder: 'Elena Petrova',
    cardNumber: '5555 4444 3333 1111',
    expMonth: 4,
    expYear: 2099,
  });
  await post('/v1/billing/info', {
    name: 'Elena Petrova',
    company: 'Northwind Visualization EOOD',
    address: '1 Vitosha Blvd, 1000 Sofia',
    country: 'Bulgaria',
    vatId: 'BG204871365',
  });
  const seats = { purchaseId: 'pur_nw_vray3dsmax_2027_03', seats: 3 };
  const q = await post<QuoteAnswer>('/v1/subscriptions/seats/quote', seats);
  const order = await post<OrderAnswer>('/v1/subscriptions/seats', {
    ...seats,
    expectedCents: q.totalCents,
  });
  const inv = order.invoice;
  assert.ok(inv);
  assert.equal(inv.amountCents, q.totalCents);

  const r = await fetch(`${cloud.url}/v1/invoices/${inv.number}/pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(r.status, 200);
  const dir = mkdtempSync(join(tmpdir(), 'clm-invoice-'));
  const pdf = join(dir, `${inv.number}.pdf`);
  writeFileSync(pdf, Buffer.from(await r.arrayBuffer()));

  const png = spawnSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, join(dir, 'invoice')]);
  assert.equal(png.status, 0, png.stderr.toString());
  const image = join(dir, 'invoice.png');
  assert.ok(existsSync(image) && statSync(image).size > 5_000, 'a rendered page');
  console.log(`invoice PNG: ${image}`);

  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, text.stderr);
  const page = text.stdout;
  assert.match(page, new RegExp(inv.number));
  assert.match(page, /VAT ID: BG204871365/);
  assert.match(page, /Northwind Visualization EOOD/);
  const total = formatCents(inv.amountCents, 'EUR');
  assert.match(page, new RegExp(`Total\\s+${total.replace('.', '\\.')}`));
  for (const l of inv.lines)
    assert.ok(page.includes(formatCents(l.amountCents, 'EUR')), l.description);
  // Paid at once with the saved card: nothing is due.
  assert.match(page, /Amount due\s+EUR 0\.00/);
  assert.match(page, /simulated/);

  // A seeded unpaid invoice: its amount is due, and it predates the billing information.
  const old = await fetch(`${cloud.url}/v1/invoices/INV-2026-005877/pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const oldPdf = join(dir, 'old.pdf');
  writeFileSync(oldPdf, Buffer.from(await old.arrayBuffer()));
  const oldText = spawnSync('pdftotext', ['-layout', oldPdf, '-'], { encoding: 'utf8' }).stdout;
  assert.match(oldText, /Amount due\s+EUR 1,000\.00/);
  assert.match(oldText, /Unpaid, overdue/);
});
