// Sign-in, refresh (rotating), delegation (a new session from a signed-in one) and sign-out.
import type { FastifyInstance } from 'fastify';
import type { TokenAnswer } from '../../src-shared/cloud-api/schemas.ts';
import { AppError } from '../../src-shared/errors.ts';
import { issueAccessToken } from '../auth/access-tokens.ts';
import { decoyHash, verifyPassword } from '../auth/passwords.ts';
import { issueRefreshToken, revokeByToken, rotateRefreshToken } from '../auth/refresh-tokens.ts';
import { checkSignInAllowed, clearSignInFailures, recordSignInFailure } from '../auth/throttle.ts';
import type { CloudContext } from '../context.ts';
import { accountView } from '../views/account.ts';
import { mount } from './mount.ts';

export const INVALID_CREDENTIALS = 'Incorrect email or password.';

async function tokens(
  ctx: CloudContext,
  accountId: string,
  refresh: { token: string; familyId: string },
): Promise<TokenAnswer> {
  const access = issueAccessToken(ctx.key, accountId, refresh.familyId, ctx.clock());
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    account: await accountView(ctx.db, accountId),
  };
}

export function authRoutes(app: FastifyInstance, ctx: CloudContext): void {
  mount(app, ctx, 'signIn', async ({ body, request }) => {
    const email = body.email.trim().toLowerCase();
    await checkSignInAllowed(ctx, email, request.ip);
    const row = await ctx.db
      .selectFrom('accounts')
      .select(['id', 'password_hash'])
      .where('email', '=', email)
      .executeTakeFirst();
    // Unknown emails cost a hash too, so timing does not tell which emails have accounts.
    const good = await verifyPassword(body.password, row?.password_hash ?? (await decoyHash));
    if (!row || !good) {
      await recordSignInFailure(ctx, email, request.ip);
      throw new AppError('invalid_credentials', INVALID_CREDENTIALS);
    }
    await clearSignInFailures(ctx, email);
    return tokens(ctx, row.id, await issueRefreshToken(ctx.db, ctx.clock, row.id));
  });

  mount(app, ctx, 'refresh', async ({ body }) => {
    const next = await rotateRefreshToken(ctx.db, ctx.clock, body.refreshToken);
    return tokens(ctx, next.accountId, next);
  });

  // The caller's session vouches for the account: the new family shares nothing with it, so
  // rotating, reusing or revoking either token never touches the other.
  mount(app, ctx, 'delegate', async ({ caller }) =>
    tokens(ctx, caller.accountId, await issueRefreshToken(ctx.db, ctx.clock, caller.accountId)),
  );

  mount(app, ctx, 'signOut', async ({ body }) => {
    await revokeByToken(ctx.db, ctx.clock, body.refreshToken);
    return {};
  });
}
