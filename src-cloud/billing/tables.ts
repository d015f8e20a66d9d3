// Kysely types of migration 006's tables (billing information, payment method, invoice lines,
// payments) and the store typed with them.
import type { Kysely, Transaction } from 'kysely';
import type { CloudDB, InvoicesTable } from '../store/tables.ts';

export interface BillingInfoTable {
  account_id: string;
  name: string;
  company: string | null;
  address: string;
  country: string;
  vat_id: string | null;
  updated_at: string;
}

export interface PaymentMethodsTable {
  account_id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  holder: string;
  updated_at: string;
}

export interface InvoiceLinesTable {
  id: string;
  invoice_id: string;
  position: number;
  description: string;
  quantity: number;
  unit_cents: number;
  amount_cents: number;
}

export interface PaymentsTable {
  id: string;
  account_id: string;
  receipt_number: string;
  amount_cents: number;
  currency: string;
  method: string;
  /** JSON array of the invoice numbers this payment settled. */
  invoice_numbers: string;
  paid_at: string;
}

export interface BillingDB extends Omit<CloudDB, 'invoices'> {
  invoices: InvoicesTable & { bill_to: string | null; paid_at: string | null };
  billing_info: BillingInfoTable;
  payment_methods: PaymentMethodsTable;
  invoice_lines: InvoiceLinesTable;
  payments: PaymentsTable;
}

export type BillingStore = Kysely<BillingDB>;
export type BillingTx = Transaction<BillingDB>;

export function billingStore(db: Kysely<CloudDB>): BillingStore {
  return db as unknown as BillingStore;
}
