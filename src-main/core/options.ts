// What a Core is opened with, and how the seat server plugs into it.
import type { Clock } from '../../src-shared/clock.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { TokenAnswer } from '../../src-shared/cloud-api/schemas.ts';
import type { BackoffOptions } from '../sync/reconnect.ts';
import type { CloudLauncher } from './cloud-launcher.ts';
import type { LogLevel } from './log.ts';

export interface CoreOptions {
  dataDir: string;
  /** The cloud's base URL; when absent the cloud runs embedded on the demo seed. */
  cloudUrl?: string;
  /** `--credential-file`: keep the refresh token in this 0600 file instead of the keychain. */
  credentialFile?: string;
  /** The one clock of the desktop (docs/time.md); the system's by default. */
  clock?: Clock;
  /** How far `clock` is moved from the system's: the embedded demo cloud runs with the same shift. */
  clockShiftMs?: number;
  /** Keychain service name; tests may use their own. */
  keychainService?: string;
  /** Also write log lines here (e.g. stderr); they always go to `<dataDir>/logs/core.log`. */
  logEcho?: (line: string, level: LogLevel) => void;
  /** How often to pull while online (default 5 minutes). */
  syncIntervalMs?: number;
  /** Backoff of the reconnect attempts while the cloud is unreachable (default 1 s … 30 s). */
  reconnect?: BackoffOptions;
  /** Per cloud request (default 10 s). */
  requestTimeoutMs?: number;
  /** HTTP(S) proxy every cloud call goes through: http://[user:pass@]host:port (docs/activation.md). */
  proxyUrl?: string;
  /** The embedded demo's seed (default resources/demo-seed.json). */
  seedFile?: string;
  /** Starts the embedded cloud's process (default: a Node child; Electron: a utilityProcess). */
  launchCloud?: CloudLauncher;
}

/** The seat server (src-main/seats) plugs in here; the core closes it on shutdown. */
export interface SeatsAttachment {
  /** Answers `/seat/v1/*` requests on the local server's port, when given. */
  handle?(req: IncomingMessage, res: ServerResponse): void;
  /** The seat server's bridge handlers (`seats.*`), merged by createBridgeHandlers. */
  handlers?: Partial<BridgeHandlers>;
  /**
   * After a successful sign-in: the first one on a machine activates its license server.
   * `delegate` asks the cloud for a new session of the signed-in account (POST /v1/auth/delegate),
   * so the license server gets its own credential without ever holding the user's password.
   */
  onSignIn?(delegate: () => Promise<TokenAnswer>): Promise<void>;
  /** The demo was reset (docs/seed-format.md): the server activates again on the new demo. */
  onDemoReset?(): Promise<void>;
  close(): Promise<void> | void;
}
