// Migration 005: the registry of license servers per account, the entitlements signed for them
// (with their seats per purchase, for the one-seat-one-server rule) and the administrator's
// moves of seats between servers (docs/activation.md). Schema builder only: SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

type AnyDB = Kysely<Record<string, never>>;

export async function up(db: AnyDB): Promise<void> {
  await db.schema
    .createTable('license_servers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_contact_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('license_servers_account_fingerprint', ['account_id', 'fingerprint'])
    .execute();
  await db.schema
    .createTable('entitlements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('server_id', 'text', (c) => c.notNull().references('license_servers.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('renew_after', 'text', (c) => c.notNull())
    .addColumn('acked_at', 'text')
    .addColumn('document', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('entitlements_server')
    .on('entitlements')
    .columns(['server_id', 'seq'])
    .execute();
  await db.schema
    .createTable('entitlement_seats')
    .addColumn('entitlement_id', 'text', (c) => c.notNull().references('entitlements.id'))
    .addColumn('purchase_id', 'text', (c) => c.notNull())
    .addColumn('product_code', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('entitlement_seats_purchase')
    .on('entitlement_seats')
    .columns(['purchase_id'])
    .execute();
  await db.schema
    .createTable('server_allocations')
    .addColumn('server_id', 'text', (c) => c.notNull().references('license_servers.id'))
    .addColumn('product_code', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('server_allocations_pk', ['server_id', 'product_code'])
    .execute();
}

export async function down(db: AnyDB): Promise<void> {
  for (const t of ['server_allocations', 'entitlement_seats', 'entitlements', 'license_servers'])
    await db.schema.dropTable(t).execute();
}
