// The PDF of an invoice (docs/sources.md, Account management "Invoices": "download individual
// invoices as .pdf"): seller, the billing information with VAT ID it was issued to, lines, total
// and status. pdfkit, built-in fonts only.
import PDFDocument from 'pdfkit';
import type { InvoiceView } from '../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../src-shared/billing/money.ts';
import type { BillTo } from './invoices.ts';

const SELLER = [
  'Chaos (simulated store)',
  'Chaos License Manager demo cloud',
  'No payment was charged',
];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

export function invoicePdf(
  inv: InvoiceView,
  billTo: BillTo,
  customerNumber: string,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Invoice ${inv.number}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const money = (c: number) => formatCents(c, inv.currency);

  doc.font('Helvetica-Bold').fontSize(22).text('INVOICE', 50, 50);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(SELLER.join('\n'), 330, 50, { width: 215, align: 'right' });
  doc.moveDown(2);
  const top = 130;
  doc.font('Helvetica-Bold').fontSize(10).text('Bill to', 50, top);
  const to = [
    billTo.name,
    billTo.company,
    billTo.address,
    billTo.country,
    billTo.vatId ? `VAT ID: ${billTo.vatId}` : 'VAT ID: —',
    billTo.email,
    `Customer number: ${customerNumber}`,
  ].filter((l): l is string => !!l);
  doc.font('Helvetica').text(to.join('\n'), 50, top + 15, { width: 260 });
  const facts: Array<[string, string]> = [
    ['Invoice number', inv.number],
    ['Issue date', day(inv.issuedAt)],
    ['Due date', day(inv.dueAt)],
    [
      'Status',
      inv.status === 'paid'
        ? `Paid ${day(inv.paidAt)}`
        : inv.overdue
          ? 'Unpaid, overdue'
          : 'Unpaid',
    ],
  ];
  facts.forEach(([k, v], i) => {
    doc.font('Helvetica-Bold').text(k, 330, top + i * 15, { width: 100 });
    doc.font('Helvetica').text(v, 430, top + i * 15, { width: 115, align: 'right' });
  });

  let y = 270;
  const cols = { desc: 50, qty: 330, unit: 380, amount: 465 };
  doc.font('Helvetica-Bold');
  doc.text('Description', cols.desc, y).text('Qty', cols.qty, y, { width: 40, align: 'right' });
  doc.text('Unit price', cols.unit, y, { width: 80, align: 'right' });
  doc.text('Amount', cols.amount, y, { width: 80, align: 'right' });
  y += 16;
  doc.moveTo(50, y).lineTo(545, y).stroke();
  y += 6;
  doc.font('Helvetica');
  for (const l of inv.lines) {
    const h = doc.heightOfString(l.description, { width: 270 });
    doc.text(l.description, cols.desc, y, { width: 270 });
    doc.text(String(l.quantity), cols.qty, y, { width: 40, align: 'right' });
    doc.text(money(l.unitCents), cols.unit, y, { width: 80, align: 'right' });
    doc.text(money(l.amountCents), cols.amount, y, { width: 80, align: 'right' });
    y += Math.max(h, 14) + 6;
  }
  doc.moveTo(330, y).lineTo(545, y).stroke();
  y += 8;
  doc.font('Helvetica-Bold').fontSize(12).text('Total', 330, y, { width: 100 });
  doc.text(money(inv.amountCents), 430, y, { width: 115, align: 'right' });
  y += 20;
  doc.font('Helvetica').fontSize(10).text('Amount due', 330, y, { width: 100 });
  doc.text(money(inv.status === 'paid' ? 0 : inv.amountCents), 430, y, {
    width: 115,
    align: 'right',
  });
  doc
    .fontSize(8)
    .fillColor('#555555')
    .text(
      'The payment processor of this demo is simulated: no card is charged and no money moves.',
      50,
      760,
      { width: 495, align: 'center' },
    );
  doc.end();
  return done;
}
