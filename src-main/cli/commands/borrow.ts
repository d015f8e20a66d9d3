// `clm borrow PRODUCT --days N`, `clm return PRODUCT` and `clm borrows` (issue 13,
// docs/activation.md "Borrows"): on a running license server, through its bridge.
import type { BorrowList } from '../../../src-shared/bridge/calls/borrow.ts';
import { MAX_BORROW_DAYS } from '../../../src-shared/borrow/rules.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { bridgeCall } from '../../seats/client.ts';
import { serverOf, serverOption, tokenOf, tokenOption } from '../../seats/cli-options.ts';
import type { Command, CommandContext } from '../command.ts';

function table(list: BorrowList): string {
  const lines = list.borrows.map(
    (b) =>
      `${b.product}  ${b.name}: ${b.quantity} seat borrowed until ${b.until} (${b.daysLeft} ${b.daysLeft === 1 ? 'day' : 'days'} left)`,
  );
  if (!lines.length) lines.push('This machine has no borrowed seats.');
  for (const r of list.refused) lines.push(`Refused ${r.file} (${r.code}): ${r.message}`);
  if (list.suspended) lines.push(list.suspended);
  return lines.join('\n');
}

function productOf(ctx: CommandContext, usage: string): string {
  const p = ctx.positionals[0];
  if (!p) throw new AppError('bad_request', `Which product? clm ${usage}`);
  return p;
}

function daysOf(ctx: CommandContext): number {
  const text = typeof ctx.values.days === 'string' ? ctx.values.days : '';
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_BORROW_DAYS))
    throw new AppError(
      'bad_request',
      `--days must be a whole number from 1 to ${MAX_BORROW_DAYS}, not "${text}"`,
    );
  return n;
}

const shared = { server: serverOption, token: tokenOption };

export const borrowCommand: Command = {
  name: 'borrow',
  summary: 'Borrow a seat of a product for this machine for N days (again: extend it)',
  usage: 'borrow PRODUCT --days N [--token T] [--server URL] [--json]',
  options: {
    days: { type: 'string', description: `how many days, 1 to ${MAX_BORROW_DAYS}` },
    ...shared,
  },
  async run(ctx) {
    const product = productOf(ctx, 'borrow PRODUCT --days N');
    const list = await bridgeCall<BorrowList>(serverOf(ctx), tokenOf(ctx), 'borrow.borrow', {
      product,
      days: daysOf(ctx),
    });
    ctx.print(list, table(list));
    return 0;
  },
};

export const returnCommand: Command = {
  name: 'return',
  summary: "Return a product's borrowed seat early (release it for online use)",
  usage: 'return PRODUCT [--token T] [--server URL] [--json]',
  options: shared,
  async run(ctx) {
    const product = productOf(ctx, 'return PRODUCT');
    const list = await bridgeCall<BorrowList>(serverOf(ctx), tokenOf(ctx), 'borrow.return', {
      product,
    });
    ctx.print(list, table(list));
    return 0;
  },
};

export const borrowsCommand: Command = {
  name: 'borrows',
  summary: 'List the seats this machine has borrowed, with days left',
  usage: 'borrows [--token T] [--server URL] [--json]',
  options: shared,
  async run(ctx) {
    const list = await bridgeCall<BorrowList>(serverOf(ctx), tokenOf(ctx), 'borrow.list', {});
    ctx.print(list, table(list));
    return 0;
  },
};
