// The cloud key this server trusts, pinned per cloud on first contact in the credential store
// (not in a data file anyone could edit). A changed key is refused until the operator re-trusts
// on purpose with `clm activate --reset-trust` (docs/activation.md "Pinned cloud key").
import type { TrustedKey } from '../../src-shared/activation/verify.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import { keyIdOf } from './crypto.ts';

export const keyChangedMessage = (cloud: string, pinned: string, offered: string) =>
  `The cloud at ${cloud} now signs with key ${offered}, not with the key this license server ` +
  `trusts (${pinned}). Nothing was changed. If the cloud's key was replaced on purpose, run ` +
  '`clm activate --reset-trust` and activate again.';

export class CloudTrust {
  constructor(
    private readonly credentials: () => CredentialStore,
    private readonly cloudId: string,
    private readonly dataDir: string,
  ) {}

  private entry(): string {
    return `license server cloud key: ${this.cloudId} (${this.dataDir})`;
  }

  async pinned(): Promise<TrustedKey | null> {
    const text = await this.credentials()
      .get(this.entry())
      .catch(() => null);
    if (!text) return null;
    try {
      const k = JSON.parse(text) as TrustedKey;
      return typeof k.kid === 'string' && typeof k.publicKeyPem === 'string' ? k : null;
    } catch {
      return null;
    }
  }

  /** Pins `offered` when nothing is pinned; refuses a key other than the pinned one. */
  async accept(offered: { publicKeyPem: string }, cloudLabel: string): Promise<TrustedKey> {
    const kid = keyIdOf(offered.publicKeyPem);
    const pinned = await this.pinned();
    if (pinned) {
      if (pinned.kid !== kid)
        throw new AppError('untrusted_key', keyChangedMessage(cloudLabel, pinned.kid, kid));
      return pinned;
    }
    const key = { kid, publicKeyPem: offered.publicKeyPem };
    await this.credentials().set(this.entry(), JSON.stringify(key));
    return key;
  }

  async reset(): Promise<void> {
    await this.credentials().delete(this.entry());
  }
}
