// Sign-in throttling (docs/cloud-scaling.md): failed sign-ins are counted per account (by the email
// typed, so unknown emails behave like real ones) and per address, in the database so every cloud
// node shares the counts. The first failures answer 401 at full speed; after that each failure
// closes the door for a while (doubling, at most MAX_BLOCK_MS) and every attempt in that time,
// right password or not, answers 429 with Retry-After. Nothing locks an owner out for good: a
// block always ends, a count forgets itself after FORGET_MS without failures, and a successful
// sign-in clears the account's count.
import type { Kysely } from 'kysely';
import { AppError } from '../../src-shared/errors.ts';
import type { CloudContext } from '../context.ts';
import type { CloudDB } from '../store/tables.ts';

export interface SignInFailuresTable {
  key: string;
  failures: number;
  last_failure_at: string;
  blocked_until: string | null;
}

type ThrottleDB = CloudDB & { sign_in_failures: SignInFailuresTable };

/** Failures allowed at full speed before blocks start: per account, and per address. */
export const FREE_FAILURES = { account: 5, address: 50 } as const;
export const FIRST_BLOCK_MS = 1_000;
export const MAX_BLOCK_MS = 15 * 60_000;
export const FORGET_MS = 60 * 60_000;

export const tooManyAttempts = (seconds: number) =>
  `Too many failed sign-ins. Try again in ${seconds} s.`;

const db = (ctx: CloudContext) => ctx.db as unknown as Kysely<ThrottleDB>;

function keysOf(email: string, address: string): Array<[key: string, free: number]> {
  return [
    [`account:${email}`, FREE_FAILURES.account],
    [`address:${address}`, FREE_FAILURES.address],
  ];
}

/** Refuses (429) while the account or the address is blocked. */
export async function checkSignInAllowed(
  ctx: CloudContext,
  email: string,
  address: string,
): Promise<void> {
  const now = ctx.clock();
  const rows = await db(ctx)
    .selectFrom('sign_in_failures')
    .select(['blocked_until'])
    .where(
      'key',
      'in',
      keysOf(email, address).map(([k]) => k),
    )
    .execute();
  let until = 0;
  for (const r of rows) if (r.blocked_until) until = Math.max(until, Date.parse(r.blocked_until));
  if (until > now) {
    const seconds = Math.max(1, Math.ceil((until - now) / 1000));
    throw new AppError('rate_limited', tooManyAttempts(seconds), { retryAfterSeconds: seconds });
  }
}

/** Counts a failed sign-in against the account and the address; blocks past the free failures. */
export async function recordSignInFailure(
  ctx: CloudContext,
  email: string,
  address: string,
): Promise<void> {
  const now = ctx.clock();
  const at = new Date(now).toISOString();
  const forgotten = new Date(now - FORGET_MS).toISOString();
  await db(ctx)
    .transaction()
    .execute(async (tx) => {
      for (const [key, free] of keysOf(email, address)) {
        // One statement per key: two nodes counting at once both land (the row is locked).
        const row = await tx
          .insertInto('sign_in_failures')
          .values({ key, failures: 1, last_failure_at: at, blocked_until: null })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({
              failures: eb
                .case()
                .when('sign_in_failures.last_failure_at', '<', forgotten)
                .then(1)
                .else(eb('sign_in_failures.failures', '+', 1))
                .end(),
              last_failure_at: at,
            })),
          )
          .returning(['failures'])
          .executeTakeFirstOrThrow();
        const over = row.failures - free;
        if (over <= 0) continue;
        const ms = Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** Math.min(over - 1, 20));
        await tx
          .updateTable('sign_in_failures')
          .set({ blocked_until: new Date(now + ms).toISOString() })
          .where('key', '=', key)
          .execute();
      }
    });
}

/** A successful sign-in clears the account's count (the address's count forgets itself). */
export async function clearSignInFailures(ctx: CloudContext, email: string): Promise<void> {
  await db(ctx).deleteFrom('sign_in_failures').where('key', '=', `account:${email}`).execute();
}
