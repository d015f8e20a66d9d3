// The caller's organization and role.
import type { FastifyInstance } from 'fastify';
import type { CloudContext } from '../context.ts';
import { organizationOf } from '../views/organization.ts';
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
    };
  });
}
