// The caller's organization, role and own organizational cloud credits.
import type { FastifyInstance } from 'fastify';
import { isoNow } from '../../src-shared/clock.ts';
import type { CloudContext } from '../context.ts';
import { creditsOf, organizationOf } from '../views/organization.ts';
import { mount } from './mount.ts';

export function organizationRoutes(app: FastifyInstance, ctx: CloudContext): void {
  mount(app, ctx, 'organization', async ({ caller }) => {
    const org = await organizationOf(ctx.db, caller.accountId);
    if (!org) return null;
    return {
      organization: {
        id: org.id,
        name: org.name,
        administrator: { name: org.administratorName, email: org.administratorEmail },
      },
      role: org.role,
      credits: await creditsOf(ctx.db, org, caller.accountId, isoNow(ctx.clock)),
    };
  });
}
