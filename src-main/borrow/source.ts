// The borrowed seats this machine holds (docs/requirements.md §5, §7): each the cloud's signed borrow, kept as
// received in <data>/borrow/<id>.json and verified again at every load against the pinned key and
// this machine's fingerprint. A borrow serves until its signed end, with no network; while the
// clock guard holds the clock untrusted, none serves (docs/activation.md "Borrows").
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BorrowPayload } from '../../src-shared/activation/formats.ts';
import type { Refusal } from '../../src-shared/activation/reasons.ts';
import { verifyDocument, type TrustedKey } from '../../src-shared/activation/verify.ts';
import type { Clock } from '../../src-shared/clock.ts';
import { nodeDocumentCrypto } from '../activation/crypto.ts';
import type { SeatSource, SourceSeat } from '../seats/pool.ts';

export const BORROW_SOURCE = 'borrowed';
const endedMessage = (at: string) =>
  `The borrow ended at ${at}: its seat went back to the cloud. Borrow again while online.`;
export const borrowDir = (dataDir: string) => join(dataDir, 'borrow');

export type BorrowInstalled =
  { ok: true; payload: BorrowPayload } | { ok: false; refusal: Refusal };

export class BorrowSource implements SeatSource {
  readonly id = BORROW_SOURCE;
  private held = new Map<string, BorrowPayload>();
  /** Files refused at load, by file name, with the check that failed. */
  refused = new Map<string, Refusal>();
  /** Why borrowed seats are held back now (the clock guard), or null. */
  suspended: string | null = null;
  private served = '';
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
  ) {}

  /** Every borrow held, live or ended (ended ones are dropped by `tick`). */
  list(): BorrowPayload[] {
    return [...this.held.values()].sort((a, b) => a.validUntil.localeCompare(b.validUntil));
  }

  private live(now: number): BorrowPayload[] {
    return this.list().filter((b) => Date.parse(b.validUntil) > now);
  }

  seats(): SourceSeat[] {
    if (this.suspended) return [];
    const by = new Map<string, SourceSeat>();
    for (const b of this.live(this.clock())) {
      const s = by.get(b.product) ?? { product: b.product, name: b.name, total: 0 };
      s.total += b.quantity;
      by.set(b.product, s);
    }
    return [...by.values()];
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private signature(): string {
    return JSON.stringify([this.suspended, this.seats()]);
  }

  /** Tells the pool when what is served changed (an end passed, the guard moved). */
  tick(): void {
    const now = this.signature();
    if (now === this.served) return;
    this.served = now;
    for (const l of this.listeners) l();
  }

  /** Verifies every stored borrow; a refused file serves nothing and says why. */
  load(key: TrustedKey | null, fingerprint: string): void {
    this.held.clear();
    this.refused.clear();
    let files: string[];
    try {
      files = readdirSync(borrowDir(this.dataDir)).filter((f) => f.endsWith('.json'));
    } catch {
      files = [];
    }
    for (const f of files) {
      const text = readFileSync(join(borrowDir(this.dataDir), f), 'utf8');
      // No `now` here: a borrow dated after a clock that was set back is the clock guard's
      // case (suspended, not dropped); only its end is checked against the clock.
      const r = key
        ? verifyDocument(text, { kind: 'borrow', crypto: nodeDocumentCrypto, key, fingerprint })
        : null;
      if (r?.ok && Date.parse(r.payload.validUntil) <= this.clock()) {
        // Genuine and ended: it is said once (until the next start), and its file goes.
        this.refused.set(f, { code: 'expired', message: endedMessage(r.payload.validUntil) });
        rmSync(join(borrowDir(this.dataDir), f), { force: true });
      } else if (r?.ok) this.held.set(r.payload.id, r.payload);
      else
        this.refused.set(
          f,
          r && !r.ok ? r.refusal : { code: 'unknown_key', message: 'No cloud key is trusted yet.' },
        );
    }
    this.tick();
  }

  /** Verifies `text` for this machine, now, and only then keeps it (replacing an older one). */
  install(text: string, key: TrustedKey, fingerprint: string): BorrowInstalled {
    const r = verifyDocument(text, {
      kind: 'borrow',
      crypto: nodeDocumentCrypto,
      key,
      fingerprint,
      now: this.clock(),
    });
    if (!r.ok) return r;
    const dir = borrowDir(this.dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `${r.payload.id}.json`);
    writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    this.held.set(r.payload.id, r.payload);
    this.tick();
    return { ok: true, payload: r.payload };
  }

  /** Drops a borrow (returned, or ended): its file goes, its seat leaves the pool. */
  remove(id: string): void {
    rmSync(join(borrowDir(this.dataDir), `${id}.json`), { force: true });
    this.held.delete(id);
    this.tick();
  }

  /** Borrows whose signed end has passed on the clock: they leave by themselves. */
  ended(now: number): BorrowPayload[] {
    return this.list().filter((b) => Date.parse(b.validUntil) <= now);
  }
}
