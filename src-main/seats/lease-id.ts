// Lease ids in the UUID version 7 layout (time first, then a counter and random bits): new ids
// sort after older ones, so inserting a lease touches the last pages of the lease_id index
// instead of a random page each (a random UUID dirties ~one leaf page per grant once 10,000
// leases are live; bench/seat-queue.bench.ts, seats.leases_held_ratio).
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

export function newLeaseId(nowMs: number): string {
  const ms = Math.max(nowMs, lastMs);
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  const b = randomBytes(16);
  b.writeUIntBE(ms % 2 ** 48, 0, 6);
  // 12 bits of counter after the version nibble keep ids of the same millisecond in order.
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = 0x80 | ((b[8] as number) & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
