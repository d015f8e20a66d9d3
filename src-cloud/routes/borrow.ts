// The borrowing routes (src-shared/cloud-api/borrow.ts, docs/activation.md "Borrows").
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import {
  borrowRoutes as R,
  type BorrowBody,
  type BorrowPolicyBody,
  type ReturnBody,
} from '../../src-shared/cloud-api/borrow.ts';
import { isoNow } from '../../src-shared/clock.ts';
import { borrow, listBorrows, returnBorrow, setPolicy } from '../borrow/borrows.ts';
import type { CloudContext } from '../context.ts';
import { registerRoute } from './org.ts';

export function borrowRoutesModule(app: FastifyInstance, ctx: CloudContext): void {
  const on = (name: keyof typeof R, h: Parameters<typeof registerRoute>[4]) =>
    registerRoute(app, ctx, name, R[name], h);
  on('borrow', ({ caller, body }) => borrow(ctx, caller.accountId, body as BorrowBody));
  on('returnBorrow', async ({ caller, body }) => {
    await returnBorrow(ctx, caller.accountId, (body as Static<typeof ReturnBody>).id);
    return {};
  });
  on('borrows', ({ caller }) => listBorrows(ctx.db, caller.accountId, isoNow(ctx.clock)));
  on('borrowPolicy', ({ caller, body }) =>
    setPolicy(ctx, caller.accountId, body as BorrowPolicyBody),
  );
}
