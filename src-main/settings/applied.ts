// Settings as the running core applies them (docs/activation.md "Settings and proxy"): the one
// `fetch` every cloud call goes through (the proxy of Settings, or --proxy / CLM_PROXY, or
// direct), the request timeout, and the Settings page's view. A change applies to the next call.
import type { SettingsView } from '../../src-shared/settings/settings.ts';
import type { Logger } from '../core/log.ts';
import { proxiedFetch, type FetchLike } from './proxy-fetch.ts';
import type { AppSettings } from './settings.ts';

export interface AppliedSettingsOptions {
  settings: AppSettings;
  /** The proxy in use at start: --proxy (CLM_PROXY) or the one Settings name; null: direct. */
  proxyUrl: string | null;
  /** --proxy (CLM_PROXY): wins over Settings for this run. */
  proxyOverride?: string;
  /** --request-timeout of tests: wins over the connect timeout of Settings. */
  requestTimeoutMs?: number;
  log: Logger;
}

/** Where the core stands, for the view: which cloud it uses and where passwords are kept. */
export interface SettingsPlace {
  cloudUrlInUse: string;
  passwordStorage: SettingsView['passwordStorage'];
}

export class AppliedSettings {
  /** One stable function: a proxy changed in Settings applies to the next call of every client. */
  readonly fetch: FetchLike;
  readonly #o: AppliedSettingsOptions;
  #proxyFetch: FetchLike | null;
  #proxyPasswordSet = false;

  constructor(opts: AppliedSettingsOptions) {
    this.#o = opts;
    this.#proxyFetch = opts.proxyUrl ? proxiedFetch(opts.proxyUrl) : null;
    this.fetch = (url, init) => (this.#proxyFetch ?? fetch)(url, init);
  }

  /** Reads whether a proxy password is stored (the view says so, never shows it). */
  async load(): Promise<void> {
    this.#proxyPasswordSet = (await this.#o.settings.password().catch(() => null)) !== null;
  }

  /** Per cloud request: --request-timeout of tests, else the connect timeout of Settings. */
  timeoutMs(): number {
    return this.#o.requestTimeoutMs ?? this.#o.settings.connectTimeoutSeconds() * 1000;
  }

  view(place: SettingsPlace): SettingsView {
    const f = this.#o.settings.file;
    return {
      cloudUrl: f.cloudUrl ?? null,
      cloudUrlInUse: place.cloudUrlInUse,
      proxyUrl: f.proxyUrl ?? null,
      proxyUser: f.proxyUser ?? null,
      proxyPasswordSet: this.#proxyPasswordSet,
      passwordStorage: place.passwordStorage,
      connectTimeoutSeconds: this.#o.settings.connectTimeoutSeconds(),
      proxyOverride: this.#o.proxyOverride ? redactProxy(this.#o.proxyOverride) : null,
    };
  }

  /** `settings.set`: saved, then applied to the next cloud call (a new cloud URL at the next start). */
  async set(input: unknown): Promise<void> {
    const { settings, log } = this.#o;
    await settings.set(input);
    await this.load();
    if (!this.#o.proxyOverride) {
      const proxy = await settings.proxyUrl();
      this.#proxyFetch = proxy ? proxiedFetch(proxy) : null;
    }
    log.info('settings changed', { proxy: settings.file.proxyUrl ?? 'none' });
  }
}

/** A proxy URL as shown: its password never. */
function redactProxy(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return 'an unreadable proxy URL';
  }
}
