// Organization setup by the vendor: confirming a customer's organization, recorded in its audit log.
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../src-shared/clock.ts';
import type { CloudDB } from '../store/tables.ts';
import { confirmOrganization } from './actor.ts';
import { writeAudit } from './audit.ts';
import { orgStore } from './tables.ts';

export async function confirmOrganizationAudited(
  db: Kysely<CloudDB>,
  customerNumber: string,
  clock: Clock,
) {
  return orgStore(db)
    .transaction()
    .execute(async (tx) => {
      const now = isoNow(clock);
      const done = await confirmOrganization(tx, customerNumber, now);
      await writeAudit(tx, {
        organizationId: done.organizationId,
        actorId: 'vendor',
        actorEmail: 'vendor',
        operation: 'confirmOrganization',
        target: customerNumber,
        via: 'cli',
        at: now,
        outcome: { status: 'accepted' },
      });
      return done;
    });
}
