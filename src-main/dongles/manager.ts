// The attached dongles (docs/requirements.md §8): hot-plug by polling each transport's enumeration, a
// verification per new device, and one seat source per verified dongle, kind `dongle`, beside
// the entitlement and borrowed seats. A dongle that disappears (or whose block expires) takes
// its seats out of the pool; the seat service ends leases beyond the new total at their next
// heartbeat (docs/seat-protocol.md, "Timing").
import type { KeyObject } from 'node:crypto';
import type { DongleList, DongleView } from '../../src-shared/bridge/calls/dongles.ts';
import type { SeatSourceKind } from '../../src-shared/bridge/calls/seats.ts';
import { isoNow, systemClock, type Clock } from '../../src-shared/clock.ts';
import { dongleMessages, type DongleReason } from '../../src-shared/dongles/reasons.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { SeatSource } from '../seats/pool.ts';
import { DONGLE_USB_ID, type HidTransport } from './transport.ts';
import { isExpired, verifyDongle, type Verification } from './verify.ts';

/** Where dongle seats go: the seat service's pool. */
export interface SeatSink {
  addSource(source: SeatSource, kind: SeatSourceKind): void;
  removeSource(id: string): void;
}

export interface DongleManagerOptions {
  transports: HidTransport[];
  /** Pinned vendor public keys (default in attach.ts: the product's key only). */
  vendorKeys: KeyObject[];
  clock?: Clock;
  /** How often the transports are enumerated (default 2 s); 0: only when poll() is called. */
  pollMs?: number;
  /** Per exchange with a device (default 2 s). */
  timeoutMs?: number;
  /** How long after a failed transfer the dongle is checked again (default 30 s). */
  retryMs?: number;
}

interface Entry {
  view: DongleView;
  transport: HidTransport;
  path: string;
  /** The verification, once done. */
  result: Verification | null;
  /** After a failed transfer (not a failed signature): when to try again (performance.now()). */
  retryAt: number | null;
}

/** Refusals a USB glitch can cause: the dongle is checked again after RETRY_MS, not only on replug. */
const TRANSIENT = new Set<DongleReason>([
  'timeout',
  'truncated_report',
  'bad_checksum',
  'bad_report',
  'device_error',
  'open_failed',
]);
const RETRY_MS = 30_000;

export class DongleManager {
  private readonly entries = new Map<string, Entry>();
  private readonly transportState = new Map<string, string | undefined>();
  private readonly listeners = new Set<(list: DongleList) => void>();
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();
  private busy = false;
  private at: string;
  private closed = false;

  constructor(
    private readonly sink: SeatSink,
    private readonly opts: DongleManagerOptions,
  ) {
    this.clock = opts.clock ?? systemClock;
    this.at = isoNow(this.clock);
  }

  start(): void {
    void this.poll();
    const ms = this.opts.pollMs ?? 2000;
    if (ms > 0)
      this.timer = setInterval(() => {
        if (!this.busy) void this.poll();
      }, ms).unref();
  }

  /** One enumeration of every transport; resolves when the new devices are verified. */
  poll(): Promise<void> {
    this.polling = this.polling.then(() => this.pollOnce());
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    if (this.closed) return;
    this.busy = true;
    try {
      let changed = this.expire();
      const seen = new Set<string>();
      const fresh: Entry[] = [];
      for (const t of this.opts.transports) {
        let devices;
        try {
          devices = await t.list();
          this.transportState.set(t.name, undefined);
        } catch (err) {
          changed ||= this.transportState.get(t.name) === undefined;
          this.transportState.set(t.name, AppError.from(err).message);
          // An unusable transport keeps what it showed; its devices cannot be seen as gone.
          for (const [id, e] of this.entries) if (e.transport === t) seen.add(id);
          continue;
        }
        for (const d of devices) {
          const id = `${t.name}:${d.path}`;
          seen.add(id);
          const known = this.entries.get(id);
          if (!known) fresh.push(this.track(id, t, d.path));
          else if (known.retryAt !== null && known.retryAt <= performance.now()) fresh.push(known);
        }
      }
      for (const id of [...this.entries.keys()])
        if (!seen.has(id)) {
          this.forget(id);
          changed = true;
        }
      if (fresh.length > 0) this.emit();
      for (const e of fresh) await this.check(e);
      this.at = isoNow(this.clock);
      if (changed || fresh.length > 0) this.emit();
    } finally {
      this.busy = false;
    }
  }

  private track(id: string, transport: HidTransport, path: string): Entry {
    const view: DongleView = {
      id,
      transport: transport.name,
      serial: null,
      firmware: null,
      state: 'checking',
      licenses: [],
      seats: 0,
      expiresAt: null,
      since: isoNow(this.clock),
    };
    const e: Entry = { view, transport, path, result: null, retryAt: null };
    this.entries.set(id, e);
    return e;
  }

  private async check(e: Entry): Promise<void> {
    let result: Verification;
    try {
      const conn = await e.transport.open(e.path);
      try {
        result = await verifyDongle(conn, {
          vendorKeys: this.opts.vendorKeys,
          clock: this.clock,
          timeoutMs: this.opts.timeoutMs,
        });
      } finally {
        await conn.close().catch(() => undefined);
      }
    } catch (err) {
      const m = dongleMessages.openFailed(AppError.from(err).message);
      result = { ok: false, info: null, block: null, code: 'open_failed', message: m };
    }
    if (this.entries.get(e.view.id) !== e || this.closed) return; // unplugged meanwhile
    e.result = result;
    e.retryAt =
      !result.ok && TRANSIENT.has(result.code)
        ? performance.now() + (this.opts.retryMs ?? RETRY_MS)
        : null;
    const v = e.view;
    v.serial = result.info?.serial ?? null;
    v.firmware = result.info?.firmware ?? null;
    v.licenses = result.block?.licenses.map((l) => ({ ...l })) ?? [];
    v.expiresAt =
      result.block && result.block.expiresAt > 0
        ? new Date(result.block.expiresAt * 1000).toISOString()
        : null;
    if (!result.ok) return this.refuse(e, result.code, result.message);
    const twin = [...this.entries.values()].find(
      (o) => o !== e && o.view.state === 'verified' && o.view.serial === v.serial,
    );
    if (twin)
      return this.refuse(e, 'duplicate_serial', dongleMessages.duplicateSerial(v.serial ?? ''));
    v.state = 'verified';
    delete v.reason;
    v.seats = v.licenses.reduce((n, l) => n + l.seats, 0);
    const seats = v.licenses.map((l) => ({ product: l.product, name: l.name, total: l.seats }));
    this.sink.addSource({ id: sourceId(e), seats: () => seats }, 'dongle');
  }

  private refuse(e: Entry, code: DongleReason, message: string): void {
    const wasVerified = e.view.state === 'verified';
    e.view.state = 'refused';
    e.view.seats = 0;
    e.view.reason = { code, message };
    if (wasVerified) this.sink.removeSource(sourceId(e));
  }

  /** A verified dongle whose block expired while attached stops adding seats. */
  private expire(): boolean {
    let changed = false;
    for (const e of this.entries.values()) {
      const block = e.result?.ok ? e.result.block : null;
      if (e.view.state === 'verified' && block && isExpired(block, this.clock)) {
        this.refuse(
          e,
          'expired',
          dongleMessages.expired(new Date(block.expiresAt * 1000).toISOString()),
        );
        changed = true;
      }
    }
    return changed;
  }

  private forget(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    if (e.view.state === 'verified') this.sink.removeSource(sourceId(e));
  }

  list(): DongleList {
    const hex = (n: number) => n.toString(16).padStart(4, '0');
    return {
      at: this.at,
      usbId: `${hex(DONGLE_USB_ID.vendorId)}:${hex(DONGLE_USB_ID.productId)}`,
      transports: this.opts.transports.map((t) => {
        const message = this.transportState.get(t.name);
        return message
          ? { name: t.name, available: false, message }
          : { name: t.name, available: true };
      }),
      dongles: [...this.entries.values()]
        .map((e) => ({ ...e.view, licenses: [...e.view.licenses] }))
        .sort((a, b) => a.since.localeCompare(b.since) || a.id.localeCompare(b.id)),
    };
  }

  onChange(listener: (list: DongleList) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    if (this.closed) return;
    const list = this.list();
    for (const l of this.listeners) l(list);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.polling.catch(() => undefined);
  }
}

/** The pool's source id of a dongle: its serial, so the status names the dongle. */
function sourceId(e: Entry): string {
  return `dongle ${e.view.serial ?? e.view.id}`;
}
