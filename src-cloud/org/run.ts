// Runs an organization operation in one transaction: authorization, the rules, the writes, the
// notifications and the audit entry; for a pushed mutation also its stored outcome, applied once.
import { isoNow, type Clock } from '../../src-shared/clock.ts';
import {
  auditOperationOf,
  type MutationArgs,
  type MutationName,
  type MutationResult,
} from '../../src-shared/org/mutations.ts';
import * as msg from '../../src-shared/org/messages.ts';
import { loadActor } from './actor.ts';
import { writeAudit } from './audit.ts';
import type { Mailer } from './mailer.ts';
import { Notes } from './notify.ts';
import { operations } from './operations/index.ts';
import type { OpContext, Outcome } from './operations/types.ts';
import type { OrgStore, OrgTx } from './tables.ts';

export interface OrgRuntime {
  db: OrgStore;
  mailer: Mailer;
  clock: Clock;
}

export interface MutationKey {
  clientId: string;
  mutationId: number;
}

async function storedOutcome(tx: OrgTx, key: MutationKey): Promise<MutationResult | null> {
  const row = await tx
    .selectFrom('sync_mutations')
    .select('result')
    .where('client_id', '=', key.clientId)
    .where('mutation_id', '=', key.mutationId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.result) as MutationResult) : null;
}

/**
 * Claims the mutation key before anything is applied: the key's row is inserted at once, so a
 * second node running the same mutation concurrently waits on it (PostgreSQL's unique index; on
 * SQLite writers take turns) and then finds it taken. True when this transaction claimed it.
 */
async function claim(tx: OrgTx, key: MutationKey, name: string, now: string): Promise<boolean> {
  const row = await tx
    .insertInto('sync_mutations')
    .values({
      client_id: key.clientId,
      mutation_id: key.mutationId,
      name,
      // Replaced by the outcome before commit; nobody else ever reads this placeholder.
      status: 'rejected',
      result: '',
      applied_at: now,
    })
    .onConflict((oc) => oc.columns(['client_id', 'mutation_id']).doNothing())
    .returning('mutation_id')
    .executeTakeFirst();
  return row !== undefined;
}

async function storeOutcome(
  tx: OrgTx,
  key: MutationKey,
  accountId: string,
  result: MutationResult,
  now: string,
) {
  await tx
    .updateTable('sync_mutations')
    .set({ status: result.status, result: JSON.stringify(result) })
    .where('client_id', '=', key.clientId)
    .where('mutation_id', '=', key.mutationId)
    .execute();
  await tx
    .insertInto('sync_clients')
    .values({
      client_id: key.clientId,
      account_id: accountId,
      last_mutation_id: key.mutationId,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('client_id').doUpdateSet((eb) => ({
        last_mutation_id: eb
          .case()
          .when('sync_clients.last_mutation_id', '>', key.mutationId)
          .then(eb.ref('sync_clients.last_mutation_id'))
          .else(key.mutationId)
          .end(),
        updated_at: now,
      })),
    )
    .execute();
}

/**
 * Applies `name(args)` for the account. With a mutation key the outcome is stored, and a key seen
 * before answers its stored outcome without applying anything again.
 */
export async function runOperation<N extends MutationName>(
  rt: OrgRuntime,
  accountId: string,
  name: N,
  args: MutationArgs<N>,
  via: 'rest' | 'mutation',
  key?: MutationKey,
): Promise<{ result: MutationResult; replayed: boolean }> {
  const op = operations[name] as (typeof operations)[MutationName];
  let notified = false;
  const answer = await rt.db.transaction().execute(async (tx) => {
    const now = isoNow(rt.clock);
    if (key && !(await claim(tx, key, name, now))) {
      const stored = await storedOutcome(tx, key);
      if (stored) return { result: stored, replayed: true };
    }
    const actor = await loadActor(tx, accountId, now);
    const notes = new Notes();
    const base: OpContext = {
      tx,
      actor,
      now,
      notes,
      auditOrganizationId: actor.adminOf?.id ?? actor.memberOf?.id ?? null,
    };
    let outcome: Outcome;
    if (op.admin) {
      outcome = actor.adminOf
        ? await op.run({ ...base, org: actor.adminOf }, args as never)
        : { status: 'rejected', code: 'not_administrator', message: msg.NOT_AN_ADMINISTRATOR };
    } else {
      outcome = await op.run(base, args as never);
    }
    const result: MutationResult = { id: key?.mutationId ?? 0, ...outcome };
    if (key) await storeOutcome(tx, key, accountId, result, now);
    await writeAudit(tx, {
      organizationId: base.auditOrganizationId,
      actorId: accountId,
      actorEmail: actor.email,
      operation: auditOperationOf(name, args),
      target: op.target(args as never),
      args,
      via,
      at: now,
      outcome,
    });
    notified = notes.size > 0;
    await notes.flush(tx, now);
    return { result, replayed: false };
  });
  if (notified) rt.mailer.kick();
  return answer;
}
