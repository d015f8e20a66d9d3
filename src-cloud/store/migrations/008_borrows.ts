// Migration 008: borrows become real records (issue 13, docs/activation.md "Borrows"): the machine
// a borrow is bound to and its signed document, and the administrator's borrowing rules per
// product. Schema builder only: it runs on SQLite and PostgreSQL alike.
import type { Kysely } from 'kysely';

type AnyDB = Kysely<Record<string, never>>;

export async function up(db: AnyDB): Promise<void> {
  // Seeded borrows (the demo's) have no machine: they count against the seats all the same.
  await db.schema.alterTable('borrows').addColumn('fingerprint', 'text').execute();
  await db.schema.alterTable('borrows').addColumn('machine', 'text').execute();
  await db.schema.alterTable('borrows').addColumn('document', 'text').execute();
  await db.schema
    .createIndex('borrows_account_product')
    .on('borrows')
    .columns(['account_id', 'product_code'])
    .execute();
  await db.schema
    .createTable('borrow_policies')
    // The account whose purchases the rule covers: the organization's administrator, or the owner.
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('product_code', 'text', (c) => c.notNull())
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('user_max', 'integer')
    .addColumn('max_days', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('borrow_policies_pk', ['owner_id', 'product_code'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The cloud store only migrates forward.');
}
