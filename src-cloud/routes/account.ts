// The signed-in account and its password.
import type { FastifyInstance } from 'fastify';
import { isoNow } from '../../src-shared/clock.ts';
import { AppError } from '../../src-shared/errors.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { revokeOtherSessions } from '../auth/refresh-tokens.ts';
import type { CloudContext } from '../context.ts';
import { accountView } from '../views/account.ts';
import { mount } from './mount.ts';

export const WRONG_CURRENT_PASSWORD = 'The current password is incorrect.';

export function accountRoutes(app: FastifyInstance, ctx: CloudContext): void {
  mount(app, ctx, 'account', ({ caller }) => accountView(ctx.db, caller.accountId));

  mount(app, ctx, 'changePassword', async ({ body, caller }) => {
    const row = await ctx.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('id', '=', caller.accountId)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(body.currentPassword, row.password_hash)))
      throw new AppError('wrong_password', WRONG_CURRENT_PASSWORD);
    const hash = await hashPassword(body.newPassword);
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('accounts')
        .set({ password_hash: hash, password_changed_at: isoNow(ctx.clock) })
        .where('id', '=', caller.accountId)
        .execute();
      // Anyone else holding this account's sessions loses them; this device stays signed in.
      await revokeOtherSessions(tx, ctx.clock, caller.accountId, caller.sessionId);
    });
    return { changed: true as const };
  });
}
