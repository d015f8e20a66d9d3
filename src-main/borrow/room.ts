// The borrowing room on this machine (docs/requirements.md §7, issue 13, docs/activation.md "Borrows"): borrowing
// needs the cloud, using a borrow does not. The signed borrow adds its seat to the pool, leaves at
// its signed end by itself, is returned early through the cloud, and is suspended while the clock
// guard distrusts the wall clock. Reminders go out 3 days and 1 day before the end.
import { hostname } from 'node:os';
import type { BorrowPayload } from '../../src-shared/activation/formats.ts';
import type { BorrowList, BorrowView } from '../../src-shared/bridge/calls/borrow.ts';
import {
  daysLeft,
  MAX_BORROW_DAYS,
  reminderDue,
  reminderText,
} from '../../src-shared/borrow/rules.ts';
import type { BorrowAnswer, BorrowRouteName } from '../../src-shared/cloud-api/borrow.ts';
import type { Clock } from '../../src-shared/clock.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Static } from 'typebox';
import type { ServerActivation } from '../activation/server-activation.ts';
import type { SeatService } from '../seats/service.ts';
import { ClockGuard } from './clock-guard.ts';
import { BorrowSource } from './source.ts';

export interface BorrowReminder {
  id: string;
  borrowId: string;
  product: string;
  days: number;
  text: string;
  createdAt: string;
}

export interface BorrowRoomOptions {
  service: SeatService;
  activation: ServerActivation;
  dataDir: string;
  clock: Clock;
  /** A borrowing route: the signed-in user's session when there is one, else the server's. */
  cloud: (name: BorrowRouteName, body?: unknown) => Promise<unknown>;
  /** A reminder became due (an in-app notice, and a desktop one under Electron). */
  remind?: (r: BorrowReminder) => void;
  /** How a time is shown in a reminder (the user's formatter). */
  when?: (iso: string) => string;
}

const META_REMINDED = (id: string) => `borrow.reminded.${id}`;

export class BorrowRoom {
  readonly source: BorrowSource;
  readonly guard: ClockGuard;
  private readonly o: BorrowRoomOptions;
  private readonly hook: (now: number) => void;
  private timer: NodeJS.Timeout | null = null;
  ready: Promise<void> = Promise.resolve();

  constructor(o: BorrowRoomOptions) {
    this.o = o;
    this.source = new BorrowSource(o.dataDir, o.clock);
    this.guard = new ClockGuard(o.service.pool.cache);
    o.service.addSource(this.source, 'borrowed');
    this.hook = (now) => this.tick(now);
    // A newly signed entitlement carries the cloud's time too ("or the cloud is reached").
    o.activation.onCloudTime = (ms) => {
      this.guard.contact(o.clock(), ms);
      this.tick();
    };
    o.service.clockHooks.add(this.hook);
    o.service.suspension = (product) =>
      this.source.suspended && this.source.list().some((b) => b.product === product)
        ? this.source.suspended
        : null;
  }

  /** Verifies the stored borrows once the activation knows the pinned key and the machine. */
  start(tickMs = 60_000): Promise<void> {
    // Ends and reminders come while nobody checks out too (the clock is read, never slept on).
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref();
    this.ready = this.o.activation.ready.then(async () => {
      const machine = await this.o.activation.machineIdentity();
      this.source.load(await this.o.activation.trust.pinned(), machine.fingerprint);
      this.tick();
    });
    return this.ready;
  }

  /** Verifies the stored borrow files again (after files were copied in by hand). */
  async reload(): Promise<BorrowList> {
    const machine = await this.o.activation.machineIdentity();
    this.source.load(await this.o.activation.trust.pinned(), machine.fingerprint);
    return this.list();
  }

  /** Reads the clock: the guard, the ends that passed, the reminders due. */
  tick(now: number = this.o.clock()): void {
    this.source.suspended = this.guard.check(now);
    if (!this.source.suspended) {
      // An ended borrow leaves by itself (the cloud frees it by its own clock).
      for (const b of this.source.ended(now)) this.source.remove(b.id);
      for (const b of this.source.list()) this.remindIfDue(b, now);
    }
    this.source.tick();
  }

  private remindIfDue(b: BorrowPayload, now: number): void {
    const cache = this.o.service.pool.cache;
    const sent = JSON.parse(cache.meta(META_REMINDED(b.id)) ?? '[]') as number[];
    const due = reminderDue(Date.parse(b.validUntil), now, sent);
    if (due === null) return;
    cache.setMeta(META_REMINDED(b.id), JSON.stringify([...sent, due]));
    const shown = this.o.when?.(b.validUntil) ?? b.validUntil;
    this.o.remind?.({
      id: `borrow-${b.id}-${due}d`,
      borrowId: b.id,
      product: b.product,
      days: due,
      text: reminderText(b.name, due, shown),
      createdAt: new Date(now).toISOString(),
    });
  }

  list(): BorrowList {
    const now = this.o.clock();
    this.tick(now);
    const view = (b: BorrowPayload): BorrowView => ({
      id: b.id,
      product: b.product,
      name: b.name,
      quantity: b.quantity,
      account: b.account,
      borrowedAt: b.issuedAt,
      until: b.validUntil,
      daysLeft: daysLeft(Date.parse(b.validUntil), now),
    });
    return {
      borrows: this.source.list().map(view),
      refused: [...this.source.refused].map(([file, r]) => ({ file, ...r })),
      suspended: this.source.suspended,
      maxDays: MAX_BORROW_DAYS,
    };
  }

  /** Borrows (or extends) a seat for `days`: needs the cloud; the answer is verified first. */
  async borrow(product: string, days: number): Promise<BorrowList> {
    await this.ready;
    const machine = await this.o.activation.machineIdentity();
    const key = await this.o.activation.cloudKey();
    const answer = (await this.o.cloud('borrow', {
      product,
      days,
      fingerprint: machine.fingerprint,
      publicKeyPem: machine.publicKeyPem,
      name: hostname().slice(0, 100),
      host: hostname().slice(0, 255),
    })) as Static<typeof BorrowAnswer>;
    const r = this.source.install(answer.document, key, machine.fingerprint);
    if (!r.ok)
      throw new AppError(
        `borrow_${r.refusal.code}`,
        `The cloud's borrow is refused (${r.refusal.code}): ${r.refusal.message}`,
      );
    // The cloud signed its time: the clock guard trusts it (docs/activation.md "Clock guard").
    this.guard.contact(this.o.clock(), Date.parse(r.payload.issuedAt));
    this.tick();
    // This machine's own entitlement no longer holds the seat: renew it now.
    await this.o.activation.refresh();
    return this.list();
  }

  /** Returns a product's borrow early ("release for online use"); needs the cloud. */
  async giveBack(product: string): Promise<BorrowList> {
    await this.ready;
    const held = this.source.list().find((b) => b.product === product || b.id === product);
    if (!held)
      throw new AppError('borrow_not_found', `This machine has no borrowed seat of "${product}".`);
    try {
      await this.o.cloud('returnBorrow', { id: held.id });
    } catch (err) {
      // Returned already or ended on the cloud: the seat is the cloud's again either way.
      if (AppError.from(err).code !== 'borrow_not_found') throw err;
    }
    this.source.remove(held.id);
    await this.o.activation.refresh();
    return this.list();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.o.activation.onCloudTime = null;
    this.o.service.clockHooks.delete(this.hook);
    this.o.service.suspension = null;
  }
}
