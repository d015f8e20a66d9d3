// Migration 003: the audit log filtered by operation and by user (actor or target): an index for
// the operation filter, and the accounts each entry concerned (its subjects), by email.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

type AnyDB = Kysely<Record<string, never>>;

export async function up(db: AnyDB): Promise<void> {
  await sql`CREATE INDEX audit_log_org_operation ON audit_log (organization_id, operation, id)`.execute(
    db,
  );
  // Keyed by entry, so a page's first subjects are one range read; the second index answers
  // "entries about this email" from the organization's own index range, never other orgs' rows.
  // A rowid table (not WITHOUT ROWID): the tests' table snapshots read every table by rowid.
  await sql`CREATE TABLE audit_subjects (
    audit_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    organization_id TEXT,
    email TEXT NOT NULL,
    PRIMARY KEY (audit_id, position)
  )`.execute(db);
  await sql`CREATE INDEX audit_subjects_org_email ON audit_subjects (organization_id, email, audit_id)`.execute(
    db,
  );
}

export async function down(db: AnyDB): Promise<void> {
  await sql`DROP TABLE audit_subjects`.execute(db);
  await sql`DROP INDEX audit_log_org_operation`.execute(db);
}
