// The usage log (docs/requirements.md §5; docs/seat-protocol.md, "Usage log"): every checkout, heartbeat miss,
// release, expiry, refusal, queue entry and exit and clock jump as one JSON line, append-only,
// each carrying the hash of the one before (as RLM's report log carries authentication
// records), so an edited, removed or reordered record breaks the chain. The newest hash is also
// kept in seats.sqlite, so cutting records off the end is detected too. Rotation starts a new
// file whose first record points at the last one of the old file.
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';

export type UsageKind =
  | 'checkout'
  | 'heartbeat_miss'
  | 'release'
  | 'expiry'
  | 'revive'
  | 'refusal'
  | 'queue_enter'
  | 'queue_exit'
  | 'clock_jump'
  | 'alert';

export interface UsageEvent {
  kind: UsageKind;
  product?: string;
  user?: string;
  host?: string;
  leaseId?: string;
  /** Refusals and queue exits: why (the rule, "no seat", "granted", "left"); clock jumps: by how much. */
  reason?: string;
}

export interface UsageRecord extends UsageEvent {
  seq: number;
  /** ISO time from the seat service's clock. */
  at: string;
  prev: string;
  hash: string;
}

export const USAGE_FILE = 'usage.log';
const GENESIS = '0'.repeat(64);

function hashOf(r: Omit<UsageRecord, 'hash'>): string {
  // Fixed field order, so the hash does not depend on how a record was built.
  const canonical = JSON.stringify([
    r.seq,
    r.at,
    r.kind,
    r.product ?? null,
    r.user ?? null,
    r.host ?? null,
    r.leaseId ?? null,
    r.reason ?? null,
    r.prev,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface UsageHead {
  seq: number;
  hash: string;
}

export class UsageLog {
  private pending: string[] = [];
  private scheduled = false;
  private head: UsageHead;

  constructor(
    private readonly dir: string,
    private readonly clock: () => number,
    /** Where the newest seq and hash are kept outside the file (seats.sqlite's meta). */
    private readonly store: { get(): UsageHead | undefined; put(h: UsageHead): void },
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {
    this.head = store.get() ?? { seq: 0, hash: GENESIS };
  }

  append(e: UsageEvent): void {
    const base = {
      seq: this.head.seq + 1,
      at: new Date(this.clock()).toISOString(),
      ...e,
      prev: this.head.hash,
    };
    const rec: UsageRecord = { ...base, hash: hashOf(base) };
    this.head = { seq: rec.seq, hash: rec.hash };
    this.pending.push(JSON.stringify(rec));
    // Written once per event-loop turn: one write for a whole group-committed batch.
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const file = join(this.dir, USAGE_FILE);
    if (existsSync(file) && statSync(file).size > this.maxBytes) this.rotate(file);
    appendFileSync(file, `${this.pending.join('\n')}\n`);
    this.pending = [];
    this.store.put(this.head);
  }

  private rotate(file: string): void {
    const first = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
    const seq = (JSON.parse(first) as UsageRecord).seq;
    renameSync(file, join(this.dir, `usage-${String(seq).padStart(12, '0')}.log`));
  }
}

/** The log's files, oldest first (rotated ones, then the current one). */
export function usageFiles(dir: string): string[] {
  const rotated = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^usage-\d{12}\.log$/.test(f))
        .sort()
    : [];
  const files = rotated.map((f) => join(dir, f));
  if (existsSync(join(dir, USAGE_FILE))) files.push(join(dir, USAGE_FILE));
  return files;
}

export function readUsage(dir: string): UsageRecord[] {
  const out: UsageRecord[] = [];
  for (const f of usageFiles(dir))
    for (const line of readFileSync(f, 'utf8').split('\n'))
      if (line) out.push(JSON.parse(line) as UsageRecord);
  return out;
}

export interface VerifyResult {
  ok: boolean;
  records: number;
  /** What is wrong, naming the record; empty when the chain holds. */
  problems: string[];
}

/** Checks the chain: every record's hash, its link to the one before, and the stored head. */
export function verifyUsage(dir: string, head?: UsageHead): VerifyResult {
  const problems: string[] = [];
  let prev = GENESIS;
  let seq = 0;
  let n = 0;
  for (const f of usageFiles(dir)) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line) return;
      const where = `${f}:${i + 1}`;
      let r: UsageRecord;
      try {
        r = JSON.parse(line) as UsageRecord;
      } catch {
        problems.push(`${where}: not a record (the line was edited)`);
        return;
      }
      n++;
      const { hash, ...rest } = r;
      if (hashOf(rest) !== hash)
        problems.push(`${where}: record ${r.seq} was edited (its hash does not match)`);
      if (r.prev !== prev || r.seq !== seq + 1)
        problems.push(
          `${where}: record ${r.seq} does not follow record ${seq} (a record before it was removed or the records were reordered)`,
        );
      prev = hash;
      seq = r.seq;
    });
  }
  if (head && (head.seq !== seq || head.hash !== prev))
    problems.push(
      `the log ends at record ${seq}, but record ${head.seq} was written (records were cut off the end)`,
    );
  return { ok: problems.length === 0, records: n, problems };
}
