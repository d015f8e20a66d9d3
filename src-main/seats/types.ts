// The seat service's options, and the lease operations and answers it deals in.
import type { SeatServerIdentity } from '../../src-shared/bridge/calls/seats.ts';

export interface SeatServiceOptions {
  dataDir: string;
  /** Milliseconds since the epoch; injected by tests to expire leases without sleeping. */
  clock?: () => number;
  heartbeatSeconds?: number;
  /** A lease lives this many heartbeat periods after the last heartbeat. */
  leaseHeartbeats?: number;
  /** How often expired leases are deleted; 0 turns the timer off. */
  reapIntervalMs?: number;
  /** How often the history is sampled; 0 turns the timer off. */
  sampleIntervalMs?: number;
  historyDays?: number;
  /** `seats.changed` is sent at most once per this interval. */
  changeThrottleMs?: number;
  /** Who the server serves (the activated account); shown in the status. */
  identity?: () => SeatServerIdentity;
  /** A lease that expired is given back to its client within this many seconds (0: never). */
  reviveSeconds?: number;
  /** The longest `wait` a checkout may ask for, in seconds. */
  maxWaitSeconds?: number;
  /** The usage log's file is rotated past this size. */
  usageLogMaxBytes?: number;
}

export type CheckoutResult =
  | { ok: true; leaseId: string; product: string; expiresAt: number; heartbeatSeconds: number }
  | { ok: false; error: 'no_seat' | 'unknown_product'; message: string; rule?: number }
  | { ok: false; error: 'denied'; message: string; rule: number }
  | {
      ok: false;
      error: 'queued';
      message: string;
      queueId: string;
      position: number;
      waiting: number;
      retrySeconds: number;
    };

export type HeartbeatResult =
  | { ok: true; expiresAt: number; revived?: boolean }
  | { ok: false; error: 'lease_expired'; message: string };

export type LeaseOp =
  | { kind: 'checkout'; body: CheckoutInput }
  | { kind: 'heartbeat'; leaseId: string }
  | { kind: 'release'; leaseId: string };

export type LeaseOpResult =
  CheckoutResult | HeartbeatResult | { ok: true; released: boolean } | Error;

export interface CheckoutInput {
  product: string;
  user: string;
  host: string;
  clientId: string;
  /** The client's address as the socket saw it (for address rules); absent in-process. */
  address?: string;
  /** Seconds the client will wait in the queue for a seat (protocol v1 addition). */
  wait?: number;
}
