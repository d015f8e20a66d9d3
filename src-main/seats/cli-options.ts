// Options of the license server's commands: where the server is (clients) and its tuning (`clm serve`).
import { resolve } from 'node:path';
import { AppError } from '../../src-shared/errors.ts';
import { DEFAULT_SERVER } from './client.ts';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit.ts';
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

/** What a render-farm operator tunes on the seat server (docs/requirements.md §5, §12). */
export interface SeatTuning {
  heartbeatSeconds: number;
  leaseHeartbeats: number;
  /** Per client address; `false` when an operator turned it off with 0. */
  rateLimit: RateLimit | false;
  /** An expired lease is given back to its client within this many seconds (0: never). */
  reviveSeconds: number;
  /** The operator's access rules file (absolute), watched and reloaded on SIGHUP. */
  rulesFile?: string;
  /** Overrides the OS machine id in the server's fingerprint (docs/activation.md). */
  machineId?: string;
}

const HEARTBEAT = { min: 5, max: 3600, default: 60 };
const LEASE_HEARTBEATS = { min: 2, max: 100, default: 3 };
const RATE_MAX = 100_000;
const REVIVE = { min: 0, max: 86_400, default: 0 };
const RATE_OFF = '0 turns the rate limit off';

export const seatTuningOptions: Record<string, OptionSpec> = {
  heartbeat: {
    type: 'string',
    description: `seconds between a seat client's heartbeats (default ${HEARTBEAT.default}; ${HEARTBEAT.min}-${HEARTBEAT.max})`,
  },
  'lease-heartbeats': {
    type: 'string',
    description: `a lease lives N heartbeat periods after the last heartbeat (default ${LEASE_HEARTBEATS.default}; ${LEASE_HEARTBEATS.min}-${LEASE_HEARTBEATS.max})`,
  },
  revive: {
    type: 'string',
    description: `give a lease that expired (late heartbeats) back to its client within N seconds if its seat is still free (default ${REVIVE.default}: never; up to ${REVIVE.max})`,
  },
  rules: {
    type: 'string',
    description:
      'access rules file (allow/deny, reserve, max, priority; see README); reloaded when it changes and on SIGHUP',
  },
  'machine-id': {
    type: 'string',
    description:
      "the machine id in this server's fingerprint, for containers and VMs whose OS id changes (or CLM_MACHINE_ID)",
  },
  'rate-burst': {
    type: 'string',
    description: `seat requests one client address may send at once (default ${DEFAULT_RATE_LIMIT.burst}; ${RATE_OFF})`,
  },
  'rate-per-second': {
    type: 'string',
    description: `seat requests per second one client address may send after its burst (default ${DEFAULT_RATE_LIMIT.perSecond}; ${RATE_OFF})`,
  },
};

/** A whole number flag within [min, max]; `what` completes "--flag must be …". */
function wholeNumber(
  ctx: CommandContext,
  name: string,
  range: { min: number; max: number; default: number },
  what: string,
): number {
  const v = ctx.values[name];
  if (v === undefined) return range.default;
  const text = String(v);
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(n >= range.min && n <= range.max))
    throw new AppError('bad_request', `--${name} must be ${what}, not "${text}"`);
  return n;
}

/** The seat server's tuning from `seatTuningOptions`; throws `bad_request` naming the flag and its range. */
export function seatTuningOf(ctx: CommandContext): SeatTuning {
  const heartbeatSeconds = wholeNumber(
    ctx,
    'heartbeat',
    HEARTBEAT,
    `a whole number of seconds from ${HEARTBEAT.min} to ${HEARTBEAT.max}`,
  );
  const leaseHeartbeats = wholeNumber(
    ctx,
    'lease-heartbeats',
    LEASE_HEARTBEATS,
    `a whole number from ${LEASE_HEARTBEATS.min} to ${LEASE_HEARTBEATS.max}`,
  );
  const rate = (name: string, fallback: number) =>
    wholeNumber(
      ctx,
      name,
      { min: 0, max: RATE_MAX, default: fallback },
      `a whole number from 0 to ${RATE_MAX} (${RATE_OFF})`,
    );
  const burst = rate('rate-burst', DEFAULT_RATE_LIMIT.burst);
  const perSecond = rate('rate-per-second', DEFAULT_RATE_LIMIT.perSecond);
  const reviveSeconds = wholeNumber(
    ctx,
    'revive',
    REVIVE,
    `a whole number of seconds from 0 to ${REVIVE.max}`,
  );
  const rules = ctx.values.rules;
  if (rules !== undefined && (typeof rules !== 'string' || rules === ''))
    throw new AppError('bad_request', '--rules must be the path of a rules file');
  return {
    heartbeatSeconds,
    leaseHeartbeats,
    rateLimit: burst === 0 || perSecond === 0 ? false : { burst, perSecond },
    reviveSeconds,
    ...(typeof rules === 'string' ? { rulesFile: resolve(rules) } : {}),
    ...machineIdOf(ctx),
  };
}

function machineIdOf(ctx: CommandContext): { machineId?: string } {
  const v = ctx.values['machine-id'];
  if (v === undefined) return {};
  if (typeof v !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(v))
    throw new AppError('bad_request', '--machine-id must be 1-200 printable characters, no spaces');
  return { machineId: v };
}
