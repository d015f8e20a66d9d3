// `clm servers`: the account's license servers (docs/requirements.md §4), and `clm servers move` to move seats
// of a product between two of them (issue 12, docs/activation.md "One seat, one server").
import type { LicenseServerRow } from '../../../src-shared/cloud-api/license-servers.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { timeLeft } from '../../../src-shared/activation/countdown.ts';
import { bridgeCall } from '../../seats/client.ts';
import { required, serverOf, serverOption, tokenOf, tokenOption } from '../../seats/cli-options.ts';
import type { Command, CommandContext } from '../command.ts';

function table(rows: LicenseServerRow[], now: number): string {
  if (!rows.length) return 'No license server is activated with this account yet.';
  return rows
    .map((r) => {
      const seats = r.seats.map((s) => `${s.total} ${s.product}`).join(', ') || 'no seats';
      const left = r.validUntil ? timeLeft(r.validUntil, now) : 'no entitlement';
      return `${r.id}  ${r.name} (${r.host}, ${r.mode}) last contact ${r.lastContactAt}\n    ${seats}; valid: ${left}`;
    })
    .join('\n');
}

function count(ctx: CommandContext): number {
  const text = required(ctx, 'count');
  const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1))
    throw new AppError('bad_request', `--count must be a whole number from 1, not "${text}"`);
  return n;
}

export const serversCommand: Command = {
  name: 'servers',
  summary: "List the account's license servers, or move seats between them (servers move)",
  usage:
    'servers [--token T] [--server URL] [--json]\n' +
    '       clm servers move --product CODE --from ID --to ID --count N --token T',
  options: {
    product: { type: 'string', description: 'the product code whose seats move' },
    from: { type: 'string', description: 'the server id the seats leave' },
    to: { type: 'string', description: 'the server id that gets them' },
    count: { type: 'string', description: 'how many seats move' },
    server: serverOption,
    token: tokenOption,
  },
  async run(ctx) {
    const server = serverOf(ctx);
    const token = tokenOf(ctx);
    const sub = ctx.positionals[0];
    let rows: LicenseServerRow[];
    if (sub === 'move') {
      rows = await bridgeCall<LicenseServerRow[]>(server, token, 'licenseServers.move', {
        product: required(ctx, 'product'),
        from: required(ctx, 'from'),
        to: required(ctx, 'to'),
        count: count(ctx),
      });
    } else if (sub === undefined || sub === 'list') {
      rows = await bridgeCall<LicenseServerRow[]>(server, token, 'licenseServers.list', {});
    } else throw new AppError('bad_request', `Unknown: clm servers ${sub} (list or move)`);
    ctx.print(rows, table(rows, ctx.clock()));
    return 0;
  },
};
