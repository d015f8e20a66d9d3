// The organization's routes (docs/sources.md, Portal guide), the mutation push and the change feed.
// Operation routes and /v1/mutations run the same implementation (src-cloud/org/run.ts).
import { isoNow } from '../../src-shared/clock.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import {
  orgRoutes,
  type AuditQuery,
  type OrgRouteName,
  type OrgRouteSpec,
} from '../../src-shared/cloud-api/org.ts';
import { ApiError } from '../../src-shared/cloud-api/schemas.ts';
import type { PullQuery } from '../../src-shared/cloud-api/sync.ts';
import { AppError } from '../../src-shared/errors.ts';
import * as msg from '../../src-shared/org/messages.ts';
import { statusOf } from '../../src-shared/org/model.ts';
import { answerAs, readMutation, type SentName } from '../../src-shared/org/legacy-mutations.ts';
import type { PushRequest } from '../../src-shared/org/mutations.ts';
import type { CloudContext } from '../context.ts';
import { loadActor, requestOrganization, type OrgRef } from '../org/actor.ts';
import { listAudit } from '../org/audit.ts';
import { compactFeed, pullJson } from '../org/feed.ts';
import { Mailer } from '../org/mailer.ts';
import { applyPush } from '../org/push.ts';
import { runOperation, type OrgRuntime } from '../org/run.ts';
import { orgStore } from '../org/tables.ts';
import { invitationsFor, listInvitations, listUsers, poolBalance } from '../org/views.ts';
import { inCredits } from '../credits/session.ts';
import { renewAllDue } from '../billing/renewals.ts';
import { authenticate, type Caller } from './mount.ts';

const errorAnswers = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  500: ApiError,
};
const COMPACT_EVERY_MS = 60 * 60 * 1000;

/** The organization runtime of a server: its store and mailer (tests reach it to wait on mail). */
export const orgRuntimes = new WeakMap<CloudContext, OrgRuntime>();

export type Handler = (input: {
  caller: Caller;
  body: unknown;
  query: unknown;
  reply: FastifyReply;
}) => Promise<unknown>;

function register(
  app: FastifyInstance,
  ctx: CloudContext,
  name: OrgRouteName,
  handler: Handler,
): void {
  registerRoute(app, ctx, name, orgRoutes[name], handler);
}

/** Registers a Bearer-guarded route of a shared route table (also the credit routes). */
export function registerRoute(
  app: FastifyInstance,
  ctx: CloudContext,
  name: string,
  spec: OrgRouteSpec,
  handler: Handler,
): void {
  app.route({
    method: spec.method,
    url: spec.path,
    schema: {
      operationId: name,
      summary: spec.summary,
      tags: [spec.path.startsWith('/v1/org') ? 'organization' : 'sync'],
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      security: [{ bearer: [] }],
      response: { 200: spec.response, ...errorAnswers },
    },
    handler: async (request, reply) => {
      const caller = await authenticate(ctx, request);
      try {
        return await handler({ caller, body: request.body, query: request.query, reply });
      } catch (err) {
        // Org rule codes keep their own status (403 for not_administrator), as operations answer.
        if (err instanceof AppError && err.code === 'not_administrator')
          return reply.status(statusOf(err.code)).send({ error: err.code, message: err.message });
        throw err;
      }
    },
  });
}

/** The administered organization, or a 403 naming who may do this. */
async function adminOrg(rt: OrgRuntime, accountId: string): Promise<OrgRef> {
  const actor = await rt.db
    .transaction()
    .execute((tx) => loadActor(tx, accountId, isoNow(rt.clock)));
  if (!actor.adminOf) throw new AppError('not_administrator', msg.NOT_AN_ADMINISTRATOR);
  return actor.adminOf;
}

/** Batch routes answer 200 with per-item results; a single operation's rejection is an error. */
function operationRoute(
  app: FastifyInstance,
  ctx: CloudContext,
  rt: OrgRuntime,
  name: OrgRouteName,
): void {
  const sent = (orgRoutes[name] as OrgRouteSpec).mutation as SentName;
  register(app, ctx, name, async ({ caller, body, reply }) => {
    // The body is checked already; the door reads an old name as today's mutation.
    const m = readMutation(sent, body, 'body');
    const run = await runOperation(rt, caller.accountId, m.name, m.args as never, 'rest');
    const { id: _id, ...answer } = answerAs(m.legacy, run.result);
    if (answer.status === 'rejected' && !answer.items) {
      const code = answer.code ?? 'conflict';
      return reply.status(statusOf(code)).send({ error: code, message: answer.message ?? '' });
    }
    return answer;
  });
}

export function orgRoutesModule(app: FastifyInstance, ctx: CloudContext): void {
  const rt: OrgRuntime = {
    db: orgStore(ctx.db),
    mailer: new Mailer(orgStore(ctx.db), ctx.smtpUrl, ctx.clock),
    clock: ctx.clock,
  };
  orgRuntimes.set(ctx, rt);
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    // Mail queued while no server ran goes out now; old tombstones are forgotten hourly.
    rt.mailer.kick();
    await compactFeed(rt.db, { now: rt.clock() });
    timer = setInterval(
      () => void compactFeed(rt.db, { now: rt.clock() }).catch(() => undefined),
      COMPACT_EVERY_MS,
    );
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await rt.mailer.close();
  });

  for (const [name, spec] of Object.entries(orgRoutes) as Array<[OrgRouteName, OrgRouteSpec]>)
    if (spec.mutation) operationRoute(app, ctx, rt, name);

  register(app, ctx, 'requestOrganization', async ({ caller, body }) => {
    const { name } = body as { name?: string };
    const done = await rt.db
      .transaction()
      .execute((tx) => requestOrganization(tx, caller.accountId, name, isoNow(rt.clock)));
    const account = await rt.db
      .selectFrom('accounts')
      .select('customer_number')
      .where('id', '=', caller.accountId)
      .executeTakeFirstOrThrow();
    return {
      ...done,
      message:
        done.state === 'confirmed'
          ? 'You are the Administrator of your organization.'
          : `Your request is recorded. Once Chaos confirms it with your customer number ${account.customer_number}, you are the Administrator of your organization.`,
    };
  });

  register(app, ctx, 'listUsers', async ({ caller }) => {
    const org = await adminOrg(rt, caller.accountId);
    const now = isoNow(rt.clock);
    return {
      organization: { id: org.id, name: org.name },
      poolBalance: await poolBalance(rt.db, org, now),
      users: await listUsers(rt.db, org, now),
    };
  });

  register(app, ctx, 'listInvitations', async ({ caller, query }) => {
    const org = await adminOrg(rt, caller.accountId);
    return listInvitations(rt.db, org.id, (query as { status?: string }).status);
  });

  register(app, ctx, 'audit', async ({ caller, query }) => {
    const org = await adminOrg(rt, caller.accountId);
    const q = query as AuditQuery;
    return listAudit(rt.db, org.id, { ...q, limit: q.limit ?? 100 });
  });

  register(app, ctx, 'myInvitations', async ({ caller }) => {
    const account = await rt.db
      .selectFrom('accounts')
      .select('email')
      .where('id', '=', caller.accountId)
      .executeTakeFirstOrThrow();
    return invitationsFor(rt.db, account.email);
  });

  register(app, ctx, 'push', async ({ caller, body }) =>
    applyPush(rt, caller.accountId, body as PushRequest),
  );

  register(app, ctx, 'pull', async ({ caller, query, reply }) => {
    const { cursor, limit } = query as Static<typeof PullQuery>;
    // Jobs whose end has come are settled first, so the pull carries their cost.
    await inCredits(rt, async () => undefined);
    // Renewals whose day has come likewise, so the pull carries the new end (billing/renewals.ts).
    await renewAllDue(ctx.db, isoNow(rt.clock));
    const json = await pullJson(rt.db, caller.accountId, cursor, isoNow(rt.clock), limit);
    // Built by SQLite as JSON already: sent as is, not serialized again.
    return reply.type('application/json; charset=utf-8').send(json);
  });
}
