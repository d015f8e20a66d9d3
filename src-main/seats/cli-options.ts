// Options shared by the commands that talk to a running license server.
import { AppError } from '../../src-shared/errors.ts';
import { DEFAULT_SERVER } from './client.ts';
import type { CommandContext, OptionSpec } from '../cli/command.ts';

export const serverOption: OptionSpec = {
  type: 'string',
  description: `the license server's URL (default ${DEFAULT_SERVER})`,
};
export const tokenOption: OptionSpec = {
  type: 'string',
  description: 'the login token `clm serve` printed (admin actions)',
};

export function serverOf(ctx: CommandContext): string {
  const v = ctx.values.server;
  const text = typeof v === 'string' && v !== '' ? v : DEFAULT_SERVER;
  try {
    const u = new URL(text);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    return u.origin;
  } catch {
    throw new AppError(
      'bad_request',
      `--server must be a URL such as ${DEFAULT_SERVER}, not "${text}"`,
    );
  }
}

export function required(ctx: CommandContext, name: string): string {
  const v = ctx.values[name];
  if (typeof v === 'string' && v !== '') return v;
  throw new AppError('bad_request', `--${name} is required`);
}

/** A lease id from the first positional argument (or --lease). */
export function leaseArg(ctx: CommandContext): string {
  const id = ctx.positionals[0];
  if (id) return id;
  throw new AppError('bad_request', 'Give the lease id, e.g. `clm release 6f1c…`');
}

export function tokenOf(ctx: CommandContext): string {
  const v = ctx.values.token ?? process.env.CLM_TOKEN;
  if (typeof v === 'string' && v !== '') return v;
  throw new AppError(
    'unauthorized',
    'This admin action needs the login token: --token T (or CLM_TOKEN).',
  );
}
