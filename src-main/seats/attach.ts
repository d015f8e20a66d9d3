// Plugs the license server into the core: the seat service on the core's data folder, its
// activation, the `/seat/v1/*` handler of the local server, bridge handlers and events.
import { join } from 'node:path';
import type { Core } from '../core/core.ts';
import { attachDongles, type AttachedDongles, type DongleOptions } from '../dongles/attach.ts';
import { ServerActivation } from '../activation/server-activation.ts';
import { seatBridgeHandlers } from './bridge.ts';
import { borrowBridgeHandlers } from '../borrow/bridge.ts';
import { BorrowRoom, type BorrowReminder } from '../borrow/room.ts';
import { activationBridgeHandlers } from '../activation/bridge.ts';
import { createSeatHttpHandler, type SeatHttpOptions } from './http.ts';
import { RulesFile } from './rules-file.ts';
import { SeatService } from './service.ts';
import type { SeatServiceOptions } from './types.ts';

export type AttachSeatsOptions = SeatHttpOptions &
  Omit<SeatServiceOptions, 'dataDir' | 'identity'> & {
    /** How often the pool is fetched from the cloud (default 60 s). */
    poolRefreshMs?: number;
    /** USB dongles (docs/requirements.md §8): their transports and pinned vendor keys; `false`: none. */
    dongles?: DongleOptions | false;
    /** The operator's access rules file: loaded now (a bad one throws, naming the line) and watched. */
    rulesFile?: string;
    /** Overrides the OS machine id in the server's fingerprint (docs/activation.md). */
    machineId?: string;
    /** A borrow reminder is due (issue 13): the core shows it as a notification. */
    onBorrowReminder?: (r: BorrowReminder) => void;
  };

export interface AttachedSeats {
  service: SeatService;
  activation: ServerActivation;
  dongles: AttachedDongles | null;
  rules: RulesFile;
  borrow: BorrowRoom;
}

/** Attaches the seat server to `core` (sets `core.seats`); the core closes it on shutdown. */
export function attachSeats(core: Core, opts: AttachSeatsOptions = {}): AttachedSeats {
  let activation: ServerActivation | null = null;
  const service = new SeatService({
    ...opts,
    clock: opts.clock ?? core.clock,
    dataDir: core.dataDir,
    identity: () =>
      activation?.identity() ?? {
        account: null,
        cloudUrl: null,
        demo: core.demo,
        poolFetchedAt: null,
      },
  });
  // Without --rules the view still edits a rules file: the data folder's seat-rules.txt.
  const rules = new RulesFile(
    opts.rulesFile ?? join(core.dataDir, 'seat-rules.txt'),
    service,
    (m) => core.log.warn(m),
  ).start();
  activation = new ServerActivation({
    service,
    baseUrl: () => core.client.baseUrl(),
    cloudId: core.demo ? 'embedded' : core.cloudUrl(),
    cloudUrl: () => core.cloudUrl(),
    demo: core.demo,
    demoAccounts: () => core.demoAccounts(),
    credentials: () => core.credentials,
    dataDir: core.dataDir,
    now: () => core.now(),
    clock: opts.clock ?? core.clock,
    machineId: opts.machineId,
    fetch: core.cloudFetch,
    timeoutMs: () => core.timeoutMs(),
    refreshMs: opts.poolRefreshMs,
    log: (message, fields) => core.log.warn(message, fields),
  });
  const act = activation;
  const borrow = new BorrowRoom({
    service,
    activation: act,
    dataDir: core.dataDir,
    clock: opts.clock ?? core.clock,
    cloud: (name, body) =>
      core.session().signedIn ? core.client.borrows(name, body) : act.borrowCall(name, body),
    // The reminder names the end in UTC: the core has no locale of its own (docs/interface.md).
    when: (iso) => `${iso.slice(0, 16).replace('T', ' ')} UTC`,
    remind: (r) => {
      core.log.warn(r.text, { product: r.product });
      opts.onBorrowReminder?.(r);
      core.borrowReminders.add(r);
    },
  });
  const offChanged = service.onChanged((summary) => core.publish('seats.changed', summary));
  // Operators see alerts in the log (stderr under `clm serve`) and in the License Server view.
  const offAlert = service.onAlert((a) =>
    core.log.warn(`Seat alert: ${a.message}`, { product: a.product }),
  );
  // The UI session's sync saw the cloud's pool change: fetch the server's own pool too.
  const offPool = core.onServerPoolChanged(() => void act.refresh());
  const dongles =
    opts.dongles === false
      ? null
      : attachDongles(service, (list) => core.publish('dongles.changed', list), {
          ...opts.dongles,
          clock: opts.clock ?? core.clock,
        });
  core.seats = {
    handle: createSeatHttpHandler(service, opts),
    handlers: {
      ...seatBridgeHandlers(service, act, rules),
      ...activationBridgeHandlers(core, act),
      ...borrowBridgeHandlers(borrow),
      ...dongles?.handlers,
    },
    onSignIn: (delegate) => act.activateIfNone(delegate),
    onDemoReset: () => act.resetDemo(),
    close: async () => {
      offChanged();
      offPool();
      offAlert();
      rules.close();
      borrow.close();
      act.close();
      await dongles?.close();
      await service.close();
    },
  };
  void act
    .start()
    .catch((err: unknown) =>
      core.log.error('license server activation failed', { message: String(err) }),
    );
  void borrow.start();
  return { service, activation: act, dongles, rules, borrow };
}
