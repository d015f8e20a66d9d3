// Settings (docs/sources.md, Online licensing "Settings and proxy", issue 12): the cloud's URL, an
// HTTP(S) proxy with optional credentials and the connect timeout. One schema for the bridge call,
// the CLI and the file in the data folder; the proxy password is never part of the file
// (docs/activation.md).
import Type, { type Static } from 'typebox';
import type { CredentialStorage } from '../domain/session.ts';
import { AppError } from '../errors.ts';
import { parse } from '../schema.ts';
import { LABELS, settingsInputProblem } from './problems.ts';

/** Default connect timeout, as the cloud client's per-request default (src-main/sync). */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

const HttpUrl = Type.String({ maxLength: 300, pattern: '^https?://[^\\s]+$' });
/** A URL, or '' to clear the field. */
const UrlOrEmpty = Type.String({ maxLength: 300, pattern: '^(https?://[^\\s]+)?$' });

/** What `settings.set` and `clm settings set` accept; '' clears a field, absent keeps it. */
export const SettingsInput = Type.Object(
  {
    cloudUrl: Type.Optional(UrlOrEmpty),
    proxyUrl: Type.Optional(UrlOrEmpty),
    proxyUser: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^:\\s]*$' })),
    proxyPassword: Type.Optional(Type.String({ maxLength: 500 })),
    connectTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 300 })),
  },
  { additionalProperties: false },
);
export type SettingsInput = Static<typeof SettingsInput>;

/** The file `<data>/settings.json`: no secret in it. */
export const SettingsFile = Type.Object(
  {
    version: Type.Literal(1),
    cloudUrl: Type.Optional(HttpUrl),
    proxyUrl: Type.Optional(HttpUrl),
    proxyUser: Type.Optional(Type.String({ maxLength: 200 })),
    connectTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 300 })),
  },
  { additionalProperties: false },
);
export type SettingsFile = Static<typeof SettingsFile>;

export interface SettingsView {
  /** The cloud saved in Settings; null: the embedded demo (or the --cloud flag). */
  cloudUrl: string | null;
  /** The cloud this run talks to; a changed cloudUrl applies at the next start. */
  cloudUrlInUse: string;
  proxyUrl: string | null;
  proxyUser: string | null;
  /** True when a proxy password is stored (in the keychain, the credential file or memory). */
  proxyPasswordSet: boolean;
  /** Where the proxy password is kept, as the sign-in credential. */
  passwordStorage: CredentialStorage;
  connectTimeoutSeconds: number;
  /** Set when `clm serve --proxy` or CLM_PROXY overrides the saved proxy for this run. */
  proxyOverride: string | null;
}

/** Checks what a schema cannot say (a URL that parses, a proxy without a path); throws bad_request. */
export function checkSettingsInput(value: unknown): SettingsInput {
  const problem = settingsInputProblem(value);
  if (problem) throw new AppError('bad_request', problem);
  const input = parse(SettingsInput, value, 'settings');
  for (const key of ['cloudUrl', 'proxyUrl'] as const) {
    const text = input[key];
    if (!text) continue;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new AppError('bad_request', `Invalid settings: ${LABELS[key]} "${text}" is not a URL`);
    }
    if (key === 'proxyUrl') {
      if (url.protocol !== 'http:')
        throw new AppError(
          'bad_request',
          'Invalid settings: the proxy must be an http:// URL (https:// clouds go through it by CONNECT)',
        );
      if (url.username || url.password)
        throw new AppError(
          'bad_request',
          'Invalid settings: give the proxy’s user and password in their own fields, not in its URL',
        );
      if (url.pathname !== '/' || url.search)
        throw new AppError('bad_request', 'Invalid settings: the proxy URL is host and port only');
    }
  }
  return input;
}

/** The proxy URL the fetch uses: credentials percent-encoded into it (never stored so). */
export function proxyWithCredentials(
  proxyUrl: string,
  user: string | null | undefined,
  password: string | null | undefined,
): string {
  const url = new URL(proxyUrl);
  if (user) {
    url.username = encodeURIComponent(user);
    if (password) url.password = encodeURIComponent(password);
  }
  return url.href.replace(/\/$/, '');
}
