// Counters of the seat service and their Prometheus text exposition (format 0.0.4), served at
// GET /metrics on the seat port (docs/seat-protocol.md, "Metrics"), so operators scrape this
// server as they scrape FlexLM's exporters.

export interface ProductGauge {
  product: string;
  total: number;
  inUse: number;
  queued: number;
}

export class SeatCounters {
  readonly checkouts = new Map<string, number>();
  readonly denied = new Map<string, number>();
  readonly releases = new Map<string, number>();
  readonly expired = new Map<string, number>();
  readonly revived = new Map<string, number>();
  readonly queued = new Map<string, number>();
  heartbeats = 0;
  heartbeatMisses = 0;
  /** Denials since the last history sample, per product (the chart's red line). */
  deniedSinceSample = new Map<string, number>();

  bump(m: Map<string, number>, product: string, by = 1): void {
    m.set(product, (m.get(product) ?? 0) + by);
  }

  deny(product: string): void {
    this.bump(this.denied, product);
    this.bump(this.deniedSinceSample, product);
  }
}

function label(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function family(
  out: string[],
  name: string,
  type: 'gauge' | 'counter',
  help: string,
  rows: [string, number][],
): void {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  for (const [product, v] of rows) out.push(`${name}{product="${label(product)}"} ${v}`);
}

export function renderMetrics(gauges: ProductGauge[], c: SeatCounters): string {
  const out: string[] = [];
  const per = (pick: (g: ProductGauge) => number): [string, number][] =>
    gauges.map((g) => [g.product, pick(g)]);
  const counter = (m: Map<string, number>): [string, number][] => {
    const all = new Map(gauges.map((g) => [g.product, 0]));
    for (const [k, v] of m) all.set(k, v);
    return [...all].sort((a, b) => a[0].localeCompare(b[0]));
  };
  family(
    out,
    'clm_seats',
    'gauge',
    'Seats in the pool.',
    per((g) => g.total),
  );
  family(
    out,
    'clm_seats_in_use',
    'gauge',
    'Seats held by live leases.',
    per((g) => g.inUse),
  );
  family(
    out,
    'clm_seats_queued',
    'gauge',
    'Checkouts waiting for a seat.',
    per((g) => g.queued),
  );
  family(out, 'clm_checkouts_total', 'counter', 'Leases granted.', counter(c.checkouts));
  family(
    out,
    'clm_denied_total',
    'counter',
    'Checkouts refused (no seat or an access rule).',
    counter(c.denied),
  );
  family(
    out,
    'clm_queue_entries_total',
    'counter',
    'Checkouts that joined the queue.',
    counter(c.queued),
  );
  family(out, 'clm_releases_total', 'counter', 'Leases released.', counter(c.releases));
  family(
    out,
    'clm_leases_expired_total',
    'counter',
    'Leases that expired without heartbeats.',
    counter(c.expired),
  );
  family(
    out,
    'clm_leases_revived_total',
    'counter',
    'Expired leases given back within the revival window.',
    counter(c.revived),
  );
  out.push(
    '# HELP clm_heartbeats_total Heartbeats that extended a lease.',
    '# TYPE clm_heartbeats_total counter',
    `clm_heartbeats_total ${c.heartbeats}`,
    '# HELP clm_heartbeat_misses_total Heartbeats that came after their lease had expired.',
    '# TYPE clm_heartbeat_misses_total counter',
    `clm_heartbeat_misses_total ${c.heartbeatMisses}`,
  );
  return `${out.join('\n')}\n`;
}
