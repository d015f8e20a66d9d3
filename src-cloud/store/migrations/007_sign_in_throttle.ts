// Migration 007: failed sign-ins per account and per address (src-cloud/auth/throttle.ts), in the
// database so every cloud node sees the same counts (docs/cloud-scaling.md). Schema builder only:
// it runs on SQLite and PostgreSQL alike.
import type { Kysely } from 'kysely';

type AnyDB = Kysely<Record<string, never>>;

export async function up(db: AnyDB): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    // 'account:<email>' or 'address:<ip>'.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The cloud store only migrates forward.');
}
