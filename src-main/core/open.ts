// Opening the core (Core.open): the log, the replica, the credential store and Settings, then the
// parts wired to each other — cloud client, sync engine, session, organization — and the demo
// cloud started. Fast: it never waits for the cloud.
import { join } from 'node:path';
import { isoNow, systemClock, type Clock } from '../../src-shared/clock.ts';
import { BorrowNotices } from '../borrow/reminders.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import { openCredentialStore } from '../credentials/open-credentials.ts';
import { OrgAdmin } from '../org/admin.ts';
import { ProductNames } from '../org/product-names.ts';
import { OrgReads } from '../org/reads.ts';
import { AppliedSettings } from '../settings/applied.ts';
import { AppSettings } from '../settings/settings.ts';
import { Replica } from '../store/replica.ts';
import { CloudClient } from '../sync/cloud-client.ts';
import { SyncEngine } from '../sync/engine.ts';
import { FailedKeep } from '../sync/failed-keep.ts';
import { EmbeddedCloud } from './embedded-cloud.ts';
import { CoreEmitter } from './events.ts';
import { createLogger, type Logger } from './log.ts';
import type { CoreOptions } from './options.ts';
import { CoreSession } from './session.ts';
import { SessionCredential } from './session-credential.ts';

/** What a Core is made of, wired. */
export interface CoreParts {
  /** The options with Settings' cloud URL where the flags leave it open. */
  opts: CoreOptions;
  demo: boolean;
  clock: Clock;
  log: Logger;
  replica: Replica;
  events: CoreEmitter;
  settings: AppSettings;
  applied: AppliedSettings;
  /** The embedded demo cloud; null when the app uses a real cloud. */
  embedded: EmbeddedCloud | null;
  credential: SessionCredential;
  client: CloudClient;
  sync: SyncEngine;
  session: CoreSession;
  org: OrgAdmin;
  reads: OrgReads;
  borrowReminders: BorrowNotices;
  cloudUrl: () => string;
  /** True once the core closes: the engine starts nothing more. */
  closed: { value: boolean };
}

/** Opens the replica and the credential store; fast, and never waits for the cloud. */
export async function openCore(opts: CoreOptions): Promise<CoreParts> {
  const log = createLogger({ file: join(opts.dataDir, 'logs', 'core.log'), echo: opts.logEcho });
  const replica = Replica.open(opts.dataDir);
  const credentials = await openCredentialStore({
    credentialFile: opts.credentialFile,
    service: opts.keychainService,
  });
  if (credentials.storage === 'memory') log.info(credentials.notice ?? 'credential in memory');
  // Settings fill what the flags leave open: --cloud and --proxy (CLM_PROXY) win for this run.
  let credential: SessionCredential | null = null;
  const settings = new AppSettings(opts.dataDir, () => credential?.store ?? credentials);
  if (settings.refused) log.warn(settings.refused);
  const saved = settings.file;
  const proxyUrl = opts.proxyUrl ?? (await settings.proxyUrl().catch(() => null));
  const withSettings: CoreOptions = { ...opts, cloudUrl: opts.cloudUrl ?? saved.cloudUrl };
  const applied = new AppliedSettings({
    settings,
    proxyUrl,
    proxyOverride: opts.proxyUrl,
    requestTimeoutMs: opts.requestTimeoutMs,
    log,
  });
  const parts = wire(withSettings, { log, replica, settings, applied }, credentials);
  credential = parts.credential;
  await applied.load();
  // The demo cloud takes a few hundred ms to boot: start it now, not at the first request.
  void parts.embedded?.url().catch(() => undefined);
  if (await parts.credential.belongsToOtherCloud()) replica.destroy();
  return parts;
}

/** The parts of the core, each given the others it calls (callbacks run only once all exist). */
function wire(
  opts: CoreOptions,
  opened: Pick<CoreParts, 'log' | 'replica' | 'settings' | 'applied'>,
  credentials: CredentialStore,
): CoreParts {
  const { log, replica, applied } = opened;
  const events = new CoreEmitter();
  const closed = { value: false };
  const demo = !opts.cloudUrl;
  const clock = opts.clock ?? systemClock;
  const credential = new SessionCredential({
    replica,
    store: credentials,
    log,
    dataDir: opts.dataDir,
    cloudId: demo ? 'embedded' : (opts.cloudUrl as string),
    credentialFile: opts.credentialFile,
  });
  const embedded = demo
    ? new EmbeddedCloud({
        dataDir: opts.dataDir,
        seedFile: opts.seedFile,
        log,
        launcher: opts.launchCloud,
        clockShiftMs: opts.clockShiftMs ?? 0,
      })
    : null;
  const cloudUrl = () => opts.cloudUrl ?? embedded?.currentUrl ?? '';
  const client: CloudClient = new CloudClient({
    baseUrl: embedded ? () => embedded.url() : (opts.cloudUrl as string),
    timeoutMs: () => applied.timeoutMs(),
    clock,
    fetch: applied.fetch,
    onRefreshToken: (token, account) => session.storeRefreshToken(token, account),
    onSecret: (s) => log.redact(s),
    onUnreachable: (e) => sync.noteCloudError(e),
  });
  const sync: SyncEngine = new SyncEngine(
    {
      client,
      replica,
      log,
      clock,
      emit: (name, payload) => events.emit(name, payload),
      signedIn: () => session.signedIn,
      epoch: () => session.epoch,
      closed: () => closed.value,
      confirmed: (changedSession) => session.confirmed(changedSession),
      sessionEnded: (message) => session.ended(message),
      emitSession: () => session.emitSession(),
    },
    { reconnect: opts.reconnect, pullPageRows: opts.pullPageRows },
  );
  const failedKeep = new FailedKeep(opts.dataDir);
  const session: CoreSession = new CoreSession({
    replica,
    client,
    sync,
    credential,
    failedKeep,
    log,
    events,
    demo,
    cloudUrl,
  });
  const names = new ProductNames(replica);
  const org = new OrgAdmin({
    store: sync.store,
    state: sync.state,
    now: () => isoNow(clock),
    me: () => {
      const a = session.account();
      return { id: a.id, email: a.email };
    },
    productName: (code) => names.name(code),
    queued: (effects) => sync.kick(effects),
  });
  const reads = new OrgReads({
    state: sync.state,
    names,
    requireSession: () => session.require(),
    email: () => session.account().email,
  });
  const borrowReminders = new BorrowNotices(opts.dataDir, () =>
    events.emit('data.changed', { tables: ['notifications'] }),
  );
  return {
    ...opened,
    opts,
    demo,
    clock,
    events,
    embedded,
    credential,
    client,
    sync,
    session,
    org,
    reads,
    borrowReminders,
    cloudUrl,
    closed,
  };
}
