// The text of `clm status`, in the spirit of `lmstat -a`: per product in use / total, every lease.
import type { SeatStatus } from '../../src-shared/bridge/calls/seats.ts';
import { entitlementLine } from '../../src-shared/activation/countdown.ts';

function when(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `now`: the caller's clock (the CLI's ctx.clock), for the entitlement's countdown. */
export function statusText(s: SeatStatus, server: string, now: number): string {
  const who = s.server.account ? `activated as ${s.server.account}` : 'not activated';
  const lines = [`License server ${server} (${who}${s.server.demo ? ', demo' : ''})`];
  if (s.server.entitlement) lines.push(`  ${entitlementLine(s.server.entitlement, now)}`);
  if (s.server.message) lines.push(`  ${s.server.message}`);
  lines.push(
    `Heartbeat every ${s.heartbeatSeconds} s; a lease expires ${s.leaseSeconds} s after the last one.`,
  );
  if (s.rateLimit !== undefined)
    lines.push(
      s.rateLimit
        ? `Rate limit per client address: a burst of ${s.rateLimit.burst} requests, then ${s.rateLimit.perSecond} per second.`
        : 'No rate limit per client address.',
    );
  if (s.products.length === 0) lines.push('', 'No seats: the pool is empty.');
  for (const p of s.products) {
    const from = p.sources.map((x) => `${x.total} ${x.kind}`).join(', ');
    lines.push(
      '',
      `Users of ${p.product} (${p.name}): ${p.inUse} / ${p.total} in use${from ? ` (${from})` : ''}`,
    );
    for (const l of p.leases)
      lines.push(
        `  ${l.user} ${l.host}, since ${when(l.since)}, last heartbeat ${when(l.lastHeartbeat)}  lease ${l.leaseId}`,
      );
    const queue = p.queue ?? [];
    if (queue.length > 0) lines.push(`  Queue of ${p.product}: ${queue.length} waiting`);
    for (const w of queue)
      lines.push(
        `    ${w.position}. ${w.user} ${w.host}${w.priority ? ` (priority ${w.priority})` : ''}, waiting since ${when(w.since)}`,
      );
  }
  return lines.join('\n');
}
