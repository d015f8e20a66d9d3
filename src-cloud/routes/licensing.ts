// The product catalogue, the account's licenses and its license server's pool.
import type { FastifyInstance } from 'fastify';
import { isoNow } from '../../src-shared/clock.ts';
import type { CloudContext } from '../context.ts';
import { licensesOf } from '../views/licenses.ts';
import { poolOf } from '../views/pool.ts';
import { mount } from './mount.ts';

export function licensingRoutes(app: FastifyInstance, ctx: CloudContext): void {
  mount(app, ctx, 'products', async () => {
    const rows = await ctx.db.selectFrom('products').selectAll().orderBy('sort_order').execute();
    return rows.map((p) => ({ code: p.code, name: p.name, licenseType: p.license_type }));
  });
  mount(app, ctx, 'licenses', ({ caller }) =>
    licensesOf(ctx.db, caller.accountId, isoNow(ctx.clock)),
  );
  mount(app, ctx, 'licenseServerPool', ({ caller }) =>
    poolOf(ctx.db, caller.accountId, isoNow(ctx.clock)),
  );
}
