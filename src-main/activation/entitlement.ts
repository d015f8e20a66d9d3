// The entitlement this server serves from: the cloud's signed document, kept as received in
// <data>/activation/entitlement.json and verified again at every load; an edited file is refused
// and serves nothing. Its seats leave the pool when it expires (docs/activation.md).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntitlementPayload } from '../../src-shared/activation/formats.ts';
import type { Refusal } from '../../src-shared/activation/reasons.ts';
import { verifyDocument, type TrustedKey } from '../../src-shared/activation/verify.ts';
import type { Clock } from '../../src-shared/clock.ts';
import type { SeatSource, SourceSeat } from '../seats/pool.ts';
import { nodeDocumentCrypto } from './crypto.ts';

export const CLOUD_SOURCE = 'cloud';
export const entitlementFile = (dataDir: string) => join(dataDir, 'activation', 'entitlement.json');

export type Installed = { ok: true; payload: EntitlementPayload } | { ok: false; refusal: Refusal };

export class EntitlementSource implements SeatSource {
  readonly id = CLOUD_SOURCE;
  private current: EntitlementPayload | null = null;
  /** Why the stored entitlement was refused at load, when it was. */
  loadRefusal: Refusal | null = null;
  private servedExpired = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
  ) {}

  get payload(): EntitlementPayload | null {
    return this.current;
  }

  expired(): boolean {
    return !!this.current && Date.parse(this.current.validUntil) <= this.clock();
  }

  seats(): SourceSeat[] {
    if (!this.current || this.expired()) return [];
    return this.current.seats;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.servedExpired = this.expired();
    for (const l of this.listeners) l();
  }

  /** The pool reads the clock only when asked: at expiry the seats leave it on the next tick. */
  tick(): void {
    if (this.current && this.expired() !== this.servedExpired) this.changed();
  }

  /** Verifies the stored document against the pinned key and this machine. */
  load(key: TrustedKey | null, fingerprint: string): void {
    let text: string;
    try {
      text = readFileSync(entitlementFile(this.dataDir), 'utf8');
    } catch {
      return;
    }
    const r = key
      ? verifyDocument(text, { kind: 'entitlement', crypto: nodeDocumentCrypto, key, fingerprint })
      : verifyDocument(text, { kind: 'entitlement', crypto: nodeDocumentCrypto, key: null });
    if (r.ok && key) {
      this.current = r.payload;
      this.loadRefusal = null;
    } else {
      this.current = null;
      this.loadRefusal = r.ok
        ? { code: 'unknown_key', message: 'No cloud key is trusted yet to verify it.' }
        : r.refusal;
    }
    this.changed();
  }

  /** Verifies `text` (validity included) and only then replaces the stored entitlement. */
  install(text: string, key: TrustedKey, fingerprint: string): Installed {
    const r = verifyDocument(text, {
      kind: 'entitlement',
      crypto: nodeDocumentCrypto,
      key,
      fingerprint,
      now: this.clock(),
    });
    if (!r.ok) return r;
    if (this.current?.id !== r.payload.id) {
      const file = entitlementFile(this.dataDir);
      mkdirSync(join(this.dataDir, 'activation'), { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
      this.current = r.payload;
      this.loadRefusal = null;
      this.changed();
    }
    return { ok: true, payload: r.payload };
  }

  clear(): void {
    rmSync(entitlementFile(this.dataDir), { force: true });
    this.current = null;
    this.loadRefusal = null;
    this.changed();
  }
}
