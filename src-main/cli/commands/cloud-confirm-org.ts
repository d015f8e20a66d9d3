// `clm cloud confirm-org CUSTOMER_NUMBER --data DIR [--database postgres://…]`: the vendor confirms
// an organization (docs/sources.md, Portal guide §II), after which the account with that customer
// number is its Administrator.
import { AppError } from '../../../src-shared/errors.ts';
import type { CommandContext } from '../command.ts';

export async function confirmOrg(ctx: CommandContext): Promise<number> {
  const customerNumber = ctx.positionals[1];
  const dataDir = ctx.values.data;
  if (!customerNumber)
    throw new AppError('bad_request', 'usage: clm cloud confirm-org CUSTOMER_NUMBER --data DIR');
  if (typeof dataDir !== 'string' || !dataDir)
    throw new AppError('bad_request', "--data DIR is required (the cloud's data folder)");
  const { openStore } = await import('../../../src-cloud/store/db.ts');
  const { confirmOrganizationAudited } = await import('../../../src-cloud/org/setup.ts');
  const database = ctx.values.database;
  const db = await openStore({
    dataDir,
    databaseUrl: typeof database === 'string' && database ? database : null,
  });
  try {
    const done = await confirmOrganizationAudited(db, customerNumber, ctx.clock);
    ctx.print(
      done,
      `Organization ${done.organizationId} confirmed: ${done.administratorEmail} is its Administrator.`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}
