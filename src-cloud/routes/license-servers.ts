// The license-server registry's routes (src-shared/cloud-api/license-servers.ts).
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import {
  licenseServerRoutes as R,
  type AckBody,
  type CrtBody,
  type EntitlementRequestBody,
  type MoveSeatsBody,
  type WorkstationBody,
} from '../../src-shared/cloud-api/license-servers.ts';
import type { CloudContext } from '../context.ts';
import {
  ackEntitlement,
  listServers,
  moveSeats,
  requestEntitlement,
} from '../activation/registry.ts';
import { activateWorkstation, workstationCrt } from '../activation/workstations.ts';
import { registerRoute } from './org.ts';

export function licenseServerRoutesModule(app: FastifyInstance, ctx: CloudContext): void {
  const on = (name: keyof typeof R, h: Parameters<typeof registerRoute>[4]) =>
    registerRoute(app, ctx, name, R[name], h);
  on('serverEntitlement', async ({ caller, body }) => ({
    document: await requestEntitlement(
      ctx,
      caller.accountId,
      body as Static<typeof EntitlementRequestBody>,
    ),
  }));
  on('serverAck', async ({ caller, body }) => {
    await ackEntitlement(ctx, caller.accountId, (body as Static<typeof AckBody>).entitlementId);
    return {};
  });
  on('licenseServers', ({ caller }) => listServers(ctx.db, caller.accountId));
  on('moveSeats', ({ caller, body }) =>
    moveSeats(ctx, caller.accountId, body as Static<typeof MoveSeatsBody>),
  );
  on('activateWorkstation', ({ caller, body }) => {
    const b = body as Static<typeof WorkstationBody>;
    return activateWorkstation(ctx, caller.accountId, b.request, b.name);
  });
  on('workstationCrt', ({ caller, body }) =>
    workstationCrt(ctx, caller.accountId, (body as Static<typeof CrtBody>).serverId),
  );
}
