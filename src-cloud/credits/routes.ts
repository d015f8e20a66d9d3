// The credit and render routes (src-shared/cloud-api/credits.ts) over the organization runtime.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import {
  creditRoutes,
  type CreditAlertBody,
  type JobIdBody,
  type PurchaseCreditsBody,
  type SceneBody,
} from '../../src-shared/cloud-api/credits.ts';
import { AppError } from '../../src-shared/errors.ts';
import * as orgMsg from '../../src-shared/org/messages.ts';
import { toMilli } from '../../src-shared/credits/rules.ts';
import { statusOf } from '../../src-shared/org/model.ts';
import type { CloudContext } from '../context.ts';
import { loadActor } from '../org/actor.ts';
import type { OrgTx } from '../org/tables.ts';
import { orgRuntimes, registerRoute } from '../routes/org.ts';
import { checkPoolAlert } from './alerts.ts';
import { purchaseCredits } from './purchase.ts';
import { cancel, quote, submit } from './render.ts';
import { inCredits } from './session.ts';
import { balanceOf, jobsOf, ledgerOf } from './views.ts';

export function creditRoutesModule(app: FastifyInstance, ctx: CloudContext): void {
  const rt = orgRuntimes.get(ctx);
  if (!rt)
    throw new Error('The credit routes need the organization runtime (register org routes first).');
  const on = (name: keyof typeof creditRoutes, h: Parameters<typeof registerRoute>[4]) =>
    registerRoute(app, ctx, name, creditRoutes[name], h);

  on('creditBalance', ({ caller }) => inCredits(rt, (r) => balanceOf(r, caller.accountId)));
  on('creditLedger', ({ caller }) => inCredits(rt, (r) => ledgerOf(r, caller.accountId)));
  on('purchaseCredits', async ({ caller, body, reply }) => {
    const done = await inCredits(rt, async (r) => {
      const rule = await purchaseCredits(
        r,
        caller.accountId,
        body as Static<typeof PurchaseCreditsBody>,
      );
      return rule.ok ? { balance: await balanceOf(r, caller.accountId) } : rule;
    });
    // A purchase the guides forbid (docs/sources.md, Portal guide §I) answers like an organization
    // rule (409 with the rule's code).
    if ('code' in done)
      return reply.status(statusOf(done.code)).send({ error: done.code, message: done.message });
    return done.balance;
  });
  on('setCreditAlert', ({ caller, body }) =>
    inCredits(rt, async (r) => {
      const actor = await loadActor(r.tx as unknown as OrgTx, caller.accountId, r.now);
      if (!actor.adminOf) throw new AppError('not_administrator', orgMsg.NOT_AN_ADMINISTRATOR);
      const { threshold } = body as Static<typeof CreditAlertBody>;
      await r.tx
        .deleteFrom('credit_alerts')
        .where('organization_id', '=', actor.adminOf.id)
        .execute();
      if (threshold !== null) {
        await r.tx
          .insertInto('credit_alerts')
          .values({
            organization_id: actor.adminOf.id,
            threshold_milli: toMilli(threshold),
            below: 0,
          })
          .execute();
        await checkPoolAlert(r, caller.accountId);
      }
      return balanceOf(r, caller.accountId);
    }),
  );
  on('renderQuote', ({ caller, body }) =>
    inCredits(rt, (r) => quote(r, caller.accountId, body as Static<typeof SceneBody>)),
  );
  on('submitRender', async ({ caller, body, reply }) => {
    const scene = body as Static<typeof SceneBody>;
    const done = await inCredits(rt, async (r) => {
      const s = await submit(r, caller.accountId, scene);
      return 'jobId' in s ? { job: (await jobsOf(r, caller.accountId, s.jobId))[0] } : s;
    });
    if ('refused' in done)
      return reply.status(409).send({ error: done.refused.code, message: done.refused.message });
    return done.job;
  });
  on('listRenders', ({ caller }) => inCredits(rt, (r) => jobsOf(r, caller.accountId)));
  on('cancelRender', ({ caller, body }) =>
    inCredits(rt, async (r) => {
      const { jobId } = body as Static<typeof JobIdBody>;
      await cancel(r, caller.accountId, jobId);
      return (await jobsOf(r, caller.accountId, jobId))[0];
    }),
  );
}
