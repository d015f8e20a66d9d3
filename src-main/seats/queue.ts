// The seat queue (docs/seat-protocol.md, "Queueing"): checkouts that asked to `wait`, per
// product, served by priority (from the access rules), then first come first served. A waiter
// stays only while it asks again within a lease period (as a lease lives by heartbeats), and
// never past its own `wait`; one that stops asking loses its place.
import { randomUUID } from 'node:crypto';
import type { CheckoutInput } from './types.ts';

export interface Waiter {
  queueId: string;
  body: CheckoutInput;
  priority: number;
  /** Order of arrival, for first come first served among equal priorities. */
  seq: number;
  since: number;
  /** The end of its own `wait`. */
  deadline: number;
  lastSeen: number;
}

export class SeatQueue {
  private readonly byProduct = new Map<string, Waiter[]>();
  private readonly byId = new Map<string, Waiter>();
  private seq = 0;

  constructor(private readonly presenceMs: number) {}

  /** When the waiter leaves unless it asks again. */
  until(w: Waiter): number {
    return Math.min(w.deadline, w.lastSeen + this.presenceMs);
  }

  /** Waiters of a product in the order they are served. */
  of(product: string): readonly Waiter[] {
    return this.byProduct.get(product) ?? [];
  }

  size(product: string): number {
    return this.byProduct.get(product)?.length ?? 0;
  }

  products(): string[] {
    return [...this.byProduct.keys()];
  }

  find(product: string, clientId: string): Waiter | undefined {
    return this.byProduct.get(product)?.find((w) => w.body.clientId === clientId);
  }

  byQueueId(id: string): Waiter | undefined {
    return this.byId.get(id);
  }

  /** 1-based place in the product's queue. */
  position(w: Waiter): number {
    return this.of(w.body.product).indexOf(w) + 1;
  }

  add(body: CheckoutInput, priority: number, waitMs: number, now: number): Waiter {
    const w: Waiter = {
      queueId: randomUUID(),
      body,
      priority,
      seq: this.seq++,
      since: now,
      deadline: now + waitMs,
      lastSeen: now,
    };
    const list = this.byProduct.get(body.product) ?? [];
    // Behind every waiter of the same or a higher priority: arrival order within a priority.
    let i = list.length;
    while (i > 0 && (list[i - 1] as Waiter).priority < priority) i--;
    list.splice(i, 0, w);
    this.byProduct.set(body.product, list);
    this.byId.set(w.queueId, w);
    return w;
  }

  /** A waiter asked again: it keeps its place; a longer `wait` moves its deadline on. */
  seen(w: Waiter, waitMs: number, now: number): void {
    w.lastSeen = now;
    w.deadline = Math.max(w.deadline, now + waitMs);
  }

  remove(w: Waiter): void {
    const list = this.byProduct.get(w.body.product);
    if (!list) return;
    const i = list.indexOf(w);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byProduct.delete(w.body.product);
    this.byId.delete(w.queueId);
  }

  /** Removes and answers the waiters of a product that stopped asking or ran out of `wait`. */
  dropGone(product: string, now: number): Waiter[] {
    const gone = this.of(product).filter((w) => this.until(w) <= now);
    for (const w of gone) this.remove(w);
    return gone;
  }

  /** New rules: every waiter's priority again, arrival order kept within a priority. */
  reprioritize(priorityOf: (w: Waiter) => number): void {
    for (const list of this.byProduct.values()) {
      for (const w of list) w.priority = priorityOf(w);
      list.sort((a, b) => b.priority - a.priority || a.seq - b.seq);
    }
  }

  clear(): void {
    this.byProduct.clear();
    this.byId.clear();
  }
}
