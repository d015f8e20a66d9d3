// `clm settings`: shows or changes Settings (docs/sources.md, Online licensing "Settings and
// proxy") in a data folder, the same file and keychain entry the app and `clm serve` read at start
// (docs/activation.md).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../src-shared/errors.ts';
import { DEFAULT_CONNECT_TIMEOUT_SECONDS } from '../../../src-shared/settings/settings.ts';
import type { SettingsInput } from '../../../src-shared/settings/settings.ts';
import { openCredentialStore } from '../../credentials/open-credentials.ts';
import { defaultDataDir } from '../../paths.ts';
import { AppSettings } from '../../settings/settings.ts';
import type { Command, CommandContext } from '../command.ts';
import { dataOption } from '../command.ts';

function str(ctx: CommandContext, key: string): string | undefined {
  const v = ctx.values[key];
  return typeof v === 'string' ? v : undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function inputOf(ctx: CommandContext): Promise<SettingsInput> {
  const input: Record<string, unknown> = {};
  const cloud = str(ctx, 'cloud-url');
  const proxy = str(ctx, 'proxy');
  const user = str(ctx, 'proxy-user');
  const timeout = str(ctx, 'connect-timeout');
  if (cloud !== undefined) input.cloudUrl = cloud;
  if (proxy !== undefined) input.proxyUrl = proxy;
  if (user !== undefined) input.proxyUser = user;
  if (timeout !== undefined)
    // A number only when it is one: the schema then names what is wrong with anything else.
    input.connectTimeoutSeconds = /^\d{1,6}$/.test(timeout) ? Number(timeout) : timeout;
  if (ctx.values['proxy-password-stdin'] === true) input.proxyPassword = await readStdin();
  if (!Object.keys(input).length)
    throw new AppError(
      'bad_request',
      'clm settings set needs one of --cloud-url, --proxy, --proxy-user, --proxy-password-stdin, --connect-timeout',
    );
  return input as SettingsInput;
}

function text(s: AppSettings, passwordSet: boolean, dataDir: string): string {
  const f = s.file;
  const proxy = f.proxyUrl
    ? `${f.proxyUrl}${f.proxyUser ? ` as ${f.proxyUser}${passwordSet ? ' (password stored)' : ' (no password)'}` : ''}`
    : 'none (direct)';
  return [
    `Settings of ${dataDir}:`,
    `  Cloud URL:        ${f.cloudUrl ?? 'the embedded demo cloud'}`,
    `  Proxy:            ${proxy}`,
    `  Connect timeout:  ${s.connectTimeoutSeconds()} s`,
    ...(s.refused ? [`  Note: ${s.refused}`] : []),
  ].join('\n');
}

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'Show or change Settings: cloud URL, HTTP(S) proxy, connect timeout (settings set)',
  usage:
    'settings [--data DIR] [--json]\n' +
    '       clm settings set [--cloud-url URL] [--proxy http://host:port] [--proxy-user NAME]\n' +
    '                        [--proxy-password-stdin] [--connect-timeout SECONDS] [--data DIR]',
  options: {
    data: dataOption,
    'credential-file': {
      type: 'string',
      description: 'the credential file `clm serve --credential-file` uses (no OS keychain)',
    },
    'cloud-url': { type: 'string', description: "the cloud's URL ('' for the embedded demo)" },
    proxy: { type: 'string', description: "HTTP(S) proxy, http://host:port ('' for none)" },
    'proxy-user': { type: 'string', description: 'user name for the proxy' },
    'proxy-password-stdin': {
      type: 'boolean',
      description: "read the proxy's password from stdin (kept in the keychain, not in the file)",
    },
    'connect-timeout': {
      type: 'string',
      description: `seconds to wait for the cloud (default ${DEFAULT_CONNECT_TIMEOUT_SECONDS})`,
    },
  },
  async run(ctx) {
    const dataDir = resolve(str(ctx, 'data') ?? defaultDataDir());
    const credentialFile = str(ctx, 'credential-file');
    const store = await openCredentialStore({
      credentialFile: credentialFile ? resolve(credentialFile) : undefined,
    });
    const settings = new AppSettings(dataDir, () => store);
    const sub = ctx.positionals[0];
    if (sub === 'set') {
      const input = await inputOf(ctx);
      if (input.proxyPassword && store.storage === 'memory')
        throw new AppError(
          'unavailable',
          'No OS keychain is available to keep the proxy password: pass --credential-file FILE (the one clm serve uses).',
        );
      mkdirSync(dataDir, { recursive: true });
      await settings.set(input);
    } else if (sub !== undefined && sub !== 'show')
      throw new AppError('bad_request', `Unknown: clm settings ${sub} (show or set)`);
    const passwordSet = (await settings.password()) !== null;
    const f = settings.file;
    ctx.print(
      {
        cloudUrl: f.cloudUrl ?? null,
        proxyUrl: f.proxyUrl ?? null,
        proxyUser: f.proxyUser ?? null,
        proxyPasswordSet: passwordSet,
        connectTimeoutSeconds: settings.connectTimeoutSeconds(),
      },
      text(settings, passwordSet, dataDir) +
        (sub === 'set' ? '\nSaved; the app and clm serve use it from their next start.' : ''),
    );
    return 0;
  },
};
