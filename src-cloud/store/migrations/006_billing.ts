// Migration 006: the portal's billing (issue 15, docs/billing.md) — billing information with VAT
// ID, the saved (simulated) payment method, invoice lines and the billing details each invoice was
// issued to, payments with their receipts. Kysely's schema builder only, so it runs on PostgreSQL.
import type { Kysely } from 'kysely';

type AnyDB = Kysely<Record<string, never>>;

export async function up(db: AnyDB): Promise<void> {
  await db.schema
    .createTable('billing_info')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('vat_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('payment_methods')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('last4', 'text', (c) => c.notNull())
    .addColumn('exp_month', 'integer', (c) => c.notNull())
    .addColumn('exp_year', 'integer', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_cents', 'integer', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invoice_lines_invoice')
    .on('invoice_lines')
    .column('invoice_id')
    .execute();
  // The billing details as they were when the invoice was issued (JSON), and when it was paid.
  await db.schema.alterTable('invoices').addColumn('bill_to', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('paid_at', 'text').execute();
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('invoice_numbers', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_account').on('payments').column('account_id').execute();
}

export async function down(db: AnyDB): Promise<void> {
  await db.schema.dropTable('payments').execute();
  await db.schema.alterTable('invoices').dropColumn('paid_at').execute();
  await db.schema.alterTable('invoices').dropColumn('bill_to').execute();
  await db.schema.dropTable('invoice_lines').execute();
  await db.schema.dropTable('payment_methods').execute();
  await db.schema.dropTable('billing_info').execute();
}
