// Rotating refresh tokens: random 32 bytes, only their SHA-256 stored; reuse of a rotated token revokes its family.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../src-shared/errors.ts';
import { isoNow, type Clock } from '../../src-shared/clock.ts';
import { newId } from '../ids.ts';
import type { Store } from '../store/db.ts';

export const REFRESH_TOKEN_DAYS = 30;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const invalid = () =>
  new AppError('invalid_refresh_token', 'The refresh token is not valid. Sign in again.');

/** Stores a new token of `familyId` (a new family when omitted) and answers the token itself. */
export async function issueRefreshToken(
  db: Store,
  clock: Clock,
  accountId: string,
  familyId = newId('ses'),
): Promise<{ token: string; familyId: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date(clock());
  await db
    .insertInto('refresh_tokens')
    .values({
      id: newId('rt'),
      account_id: accountId,
      family_id: familyId,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString(),
      rotated_at: null,
      revoked_at: null,
    })
    .execute();
  return { token, familyId };
}

/**
 * Trades a refresh token for a new one of the same family. A token that was already traded is a
 * sign of theft (RFC 9700 §4.14.2): the whole family is revoked and the caller must sign in again.
 */
export async function rotateRefreshToken(
  db: Store,
  clock: Clock,
  token: string,
): Promise<{ token: string; familyId: string; accountId: string }> {
  type Outcome =
    { refused: true } | { reused: string } | { token: string; familyId: string; accountId: string };
  const outcome = await db.transaction().execute(async (tx): Promise<Outcome> => {
    const row = await tx
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.revoked_at || row.expires_at <= isoNow(clock)) return { refused: true };
    if (row.rotated_at) return { reused: row.family_id };
    await tx
      .updateTable('refresh_tokens')
      .set({ rotated_at: isoNow(clock) })
      .where('id', '=', row.id)
      .execute();
    const next = await issueRefreshToken(tx, clock, row.account_id, row.family_id);
    return { ...next, accountId: row.account_id };
  });
  // Revoked after the lookup's transaction, which must not be rolled back by the refusal.
  if ('reused' in outcome) await revokeFamily(db, clock, outcome.reused);
  if (!('token' in outcome)) throw invalid();
  return outcome;
}

export async function revokeFamily(db: Store, clock: Clock, familyId: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: isoNow(clock) })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Signs out the session the token belongs to; an unknown token is already signed out. */
export async function revokeByToken(db: Store, clock: Clock, token: string): Promise<void> {
  const row = await db
    .selectFrom('refresh_tokens')
    .select('family_id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (row) await revokeFamily(db, clock, row.family_id);
}

/** Revokes every session of the account except `keepFamilyId` (after a password change). */
export async function revokeOtherSessions(
  db: Store,
  clock: Clock,
  accountId: string,
  keepFamilyId: string,
): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: isoNow(clock) })
    .where('account_id', '=', accountId)
    .where('family_id', '!=', keepFamilyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** True while the session still has a live (unrevoked) token: access tokens of dead sessions are refused. */
export async function sessionIsLive(db: Store, familyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('refresh_tokens')
    .select('id')
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
