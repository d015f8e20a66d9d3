// The one bridge contract between the renderer and the core: calls, events, and their types.
// Each capability declares its calls in ./calls/<capability>.ts and is spread in here.
import type { Static } from 'typebox';
import type { Envelope } from '../envelope.ts';
import type { SessionState, SyncStatus } from '../domain/session.ts';
import type { UpdateState } from '../update-state.ts';
import { sessionCalls } from './calls/session.ts';
import { licenseCalls } from './calls/licenses.ts';
import { seatCalls, type SeatSummary } from './calls/seats.ts';
import { orgCalls } from './calls/org.ts';
import { changeCalls } from './calls/changes.ts';
import { meCalls } from './calls/me.ts';
import { activityCalls } from './calls/activity.ts';
import { appCalls } from './calls/app.ts';
import { dongleCalls, type DongleList } from './calls/dongles.ts';
import { creditCalls } from './calls/credits.ts';
import { billingCalls } from './calls/billing.ts';
import { activationCalls } from './calls/activation.ts';
import { licenseServerCalls } from './calls/license-servers.ts';
import { settingsCalls } from './calls/settings.ts';
import { borrowCalls } from './calls/borrow.ts';

export const bridgeCalls = {
  ...sessionCalls,
  ...licenseCalls,
  ...seatCalls,
  ...orgCalls,
  ...changeCalls,
  ...meCalls,
  ...activityCalls,
  ...appCalls,
  ...dongleCalls,
  ...creditCalls,
  ...billingCalls,
  ...activationCalls,
  ...licenseServerCalls,
  ...settingsCalls,
  ...borrowCalls,
};

export type BridgeCalls = typeof bridgeCalls;
export type CallName = keyof BridgeCalls;
export type CallInput<N extends CallName> = Static<BridgeCalls[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<BridgeCalls[N]['__output']>;

/** Events the core pushes to the renderer (IPC send under Electron, SSE in headless mode). */
/** What one replica change touched; see `data.changed`. */
export interface DataChanged {
  tables: string[];
  users?: string[];
}

export interface BridgeEvents {
  'session.changed': SessionState;
  'sync.status': SyncStatus;
  /**
   * Something in the replica changed: the tables (`org.<feed table>` or a snapshot part) and,
   * when known, the only users whose rows in the user list changed (none: `[]`). Without
   * `users`, any user's row may have changed. Views reload only what they show (docs/architecture.md).
   */
  'data.changed': DataChanged;
  /** Leases or the seat pool changed (throttled); views reload the seat status. */
  'seats.changed': SeatSummary;
  /** A dongle was plugged in, verified, refused or unplugged. */
  'dongles.changed': DongleList;
  /** Where the desktop app's own update stands (sent by Electron's main; never in headless mode). */
  'app.update': UpdateState;
}
export type EventName = keyof BridgeEvents;
export const eventNames: EventName[] = [
  'session.changed',
  'sync.status',
  'data.changed',
  'seats.changed',
  'dongles.changed',
  'app.update',
];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(bridgeCalls, name);
}

/** What the renderer sees as `window.clm`, whichever transport carries it. */
export interface ClmBridge {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Envelope<CallOutput<N>>>;
  on<E extends EventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
}

/** The core's side: one handler per call, each given already-validated input. */
export type BridgeHandlers = {
  [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> | CallOutput<N>;
};
