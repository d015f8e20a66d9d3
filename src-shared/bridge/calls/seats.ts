// Bridge calls and view types of the local license server (seat pool, leases, history).
import Type from 'typebox';
import { call, NoInput } from '../define.ts';

/** Where seats of the pool come from (docs/requirements.md §5): the cloud entitlement, dongles, borrowed seats. */
export type SeatSourceKind = 'entitlement' | 'dongle' | 'borrowed';

export interface SeatLeaseView {
  leaseId: string;
  clientId: string;
  user: string;
  host: string;
  /** ISO times. */
  since: string;
  lastHeartbeat: string;
  expiresAt: string;
}

export interface SeatSourceCount {
  source: string;
  kind: SeatSourceKind;
  total: number;
}

/** A checkout waiting for a seat, in the order it will be served (1 = next). */
export interface SeatWaiterView {
  position: number;
  queueId: string;
  clientId: string;
  user: string;
  host: string;
  priority: number;
  /** ISO times: when it joined, and when it gives up unless it asks again. */
  since: string;
  until: string;
}

export interface SeatProductStatus {
  product: string;
  name: string;
  total: number;
  inUse: number;
  sources: SeatSourceCount[];
  leases: SeatLeaseView[];
  /** Checkouts waiting for a seat (seat protocol `wait`); absent from older servers. */
  queue?: SeatWaiterView[];
}

/** The account the server is activated with: it serves that account's seats. */
export interface SeatServerIdentity {
  account: string | null;
  cloudUrl: string | null;
  demo: boolean;
  /** ISO time the pool was last fetched from the cloud, null when never. */
  poolFetchedAt: string | null;
  /** Why the pool could not be refreshed, when it could not. */
  message?: string;
  /** This machine's fingerprint (docs/activation.md). */
  fingerprint?: string;
  /** The verified entitlement the cloud's seats come from, or null when none. */
  entitlement?: ServerEntitlementView | null;
}

/** The signed entitlement as the License Server view and `clm status` show it (issue 12). */
export interface ServerEntitlementView {
  id: string;
  account: string;
  /** The organization's unassigned seats, or the account's own (§3). */
  whose: 'organization' | 'own';
  mode: 'online' | 'offline';
  issuedAt: string;
  validUntil: string;
  expired: boolean;
}

/** A product's use reached an `alert` rule's threshold (at most one per product an hour). */
export interface SeatAlertView {
  product: string;
  /** ISO time. */
  at: string;
  message: string;
}

export interface SeatStatus {
  /** ISO time of the figures. */
  at: string;
  heartbeatSeconds: number;
  leaseSeconds: number;
  /**
   * The seat protocol's per-client-address limit, null when turned off. Only `/seat/v1/status`
   * answers it (the HTTP handler holds the limit); the bridge's `seats.status` leaves it out.
   */
  rateLimit?: { burst: number; perSecond: number } | null;
  server: SeatServerIdentity;
  products: SeatProductStatus[];
  /** The latest usage alerts, newest first; absent from older servers. */
  alerts?: SeatAlertView[];
}

/** Seats in use over time, column-oriented for the chart: one sample per minute. */
export interface SeatHistory {
  /** Unix seconds of each sample. */
  times: number[];
  products: {
    product: string;
    name: string;
    total: number;
    inUse: (number | null)[];
    /** Checkouts refused in that minute (no seat, a rule). */
    denied?: (number | null)[];
    /** Checkouts waiting in the queue at that minute. */
    queued?: (number | null)[];
  }[];
}

/** Payload of the `seats.changed` event: enough to redraw the bars; views reload details. */
export interface SeatSummary {
  at: string;
  products: { product: string; total: number; inUse: number }[];
}

export const LeaseId = Type.String({ minLength: 1, maxLength: 100 });

export const SeatHistoryInput = Type.Object(
  { hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })) },
  { additionalProperties: false },
);

export const ReleaseLeaseInput = Type.Object({ leaseId: LeaseId }, { additionalProperties: false });

export const ActivateServerInput = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** The operator's access rules file as the view edits it. */
export interface SeatRulesView {
  path: string;
  text: string;
  /** Rules in force (group lines not counted). */
  ruleCount: number;
  /** Why the file on disk was refused (its line named); null when its rules are in force. */
  error: string | null;
}

export const SaveRulesInput = Type.Object(
  { text: Type.String({ maxLength: 256 * 1024 }) },
  { additionalProperties: false },
);

export const seatCalls = {
  'seats.status': call<SeatStatus>()(
    NoInput,
    'The license server: per product in use / total, every lease, the seat sources',
  ),
  'seats.history': call<SeatHistory>()(
    SeatHistoryInput,
    'Seats in use per product over the last hours (one sample per minute, kept 30 days)',
  ),
  'seats.releaseLease': call<{ released: boolean }>()(
    ReleaseLeaseInput,
    'Admin: release a stuck lease by id',
  ),
  'seats.rules': call<SeatRulesView>()(NoInput, "The license server's access rules file"),
  'seats.saveRules': call<SeatRulesView>()(
    SaveRulesInput,
    'Admin: check and save the access rules; a mistake names its line and changes nothing',
  ),
  'seats.activate': call<SeatServerIdentity>()(
    ActivateServerInput,
    "Admin: activate this machine's license server with an account; it then serves that account's seats",
  ),
};
