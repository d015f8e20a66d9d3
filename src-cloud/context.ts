// What every route handler of the cloud server may use: the store, the signing key, settings.
import type { Store } from './store/db.ts';
import type { SigningKey } from './auth/signing-key.ts';
import type { Clock } from '../src-shared/clock.ts';

export interface CloudContext {
  db: Store;
  key: SigningKey;
  version: string;
  /** SMTP URL for outgoing mail (notifications), when configured. */
  smtpUrl: string | null;
  /** The one clock every rule of the cloud reads (docs/time.md). */
  clock: Clock;
  /** The folder of the desktop app's update feed (`clm cloud --updates DIR`), when served. */
  updatesDir?: string | null;
}
