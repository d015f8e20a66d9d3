// `clm serve`: the desktop core without Electron: the web UI and the bridge behind a login token.
import { resolve } from 'node:path';
import { AppError } from '../../../src-shared/errors.ts';
import { Core } from '../../core/core.ts';
import { newLoginToken } from '../../local-server/login-token.ts';
import { EXPOSE_UI_WARNING, isLoopbackAddress, reachOf } from '../../local-server/reach.ts';
import { createLocalServer, type Listening } from '../../local-server/server.ts';
import type { DongleOptions } from '../../dongles/attach.ts';
import { attachSeats } from '../../seats/attach.ts';
import { seatTuningOf, seatTuningOptions } from '../../seats/cli-options.ts';
import { defaultDataDir } from '../../paths.ts';
import { dataOption, type Command, type CommandContext } from '../command.ts';

export const DEFAULT_PORT = 30304;

function stringOpt(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  if (!/^\d+$/.test(text) || Number(text) > 65535)
    throw new AppError(
      'bad_request',
      `--port must be 0-65535 (0 picks a free port), not "${text}"`,
    );
  return Number(text);
}

function parseCloud(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError(
      'bad_request',
      `--cloud must be a URL such as http://127.0.0.1:8080, not "${text}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('bad_request', '--cloud must be an http:// or https:// URL');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function parseProxy(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError(
      'bad_request',
      `--proxy must be a URL such as http://proxy:3128, not "${text}"`,
    );
  }
  if (url.protocol !== 'http:')
    throw new AppError('bad_request', '--proxy must be an http:// proxy (it tunnels https:// too)');
  return url.href;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run headless: the web UI, the bridge and the seat protocol, behind a login token',
  usage:
    'serve [--port N] [--data DIR] [--cloud URL] [--credential-file PATH] [--bind ADDR] [--expose-ui]\n' +
    '                 [--heartbeat SECONDS] [--lease-heartbeats N] [--revive SECONDS] [--rules FILE]\n' +
    '                 [--rate-burst N] [--rate-per-second N] [--machine-id ID] [--proxy URL] [--json]',
  options: {
    port: {
      type: 'string',
      description: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
    },
    data: dataOption,
    cloud: {
      type: 'string',
      description: 'the cloud API to sync with (default: the embedded demo cloud)',
    },
    'credential-file': {
      type: 'string',
      description:
        'keep the sign-in credential in this file (mode 0600) where no OS keychain exists',
    },
    bind: {
      type: 'string',
      description:
        'address to listen on (default 127.0.0.1); the seat protocol answers there, the web UI only to this machine',
    },
    proxy: {
      type: 'string',
      description:
        'HTTP(S) proxy for every cloud call: http://[user:pass@]host:port (or CLM_PROXY); overrides clm settings for this run',
    },
    'expose-ui': {
      type: 'boolean',
      description:
        'with --bind to a network address, show the web UI and /api/ to the network too (the login token then travels unencrypted)',
    },
    ...seatTuningOptions,
  },
  run: (ctx) => runServe(ctx),
};

/** `clm serve`'s work; `clm dongles emulate` runs it with software dongles plugged in. */
export async function runServe(ctx: CommandContext, dongles?: DongleOptions): Promise<number> {
  const port = parsePort(stringOpt(ctx.values.port));
  const cloudUrl = parseCloud(stringOpt(ctx.values.cloud));
  const bind = stringOpt(ctx.values.bind) ?? '127.0.0.1';
  const dataDir = resolve(stringOpt(ctx.values.data) ?? defaultDataDir());
  const credentialFile = stringOpt(ctx.values['credential-file']);
  const exposeUi = ctx.values['expose-ui'] === true;
  const proxyUrl = parseProxy(stringOpt(ctx.values.proxy) ?? process.env.CLM_PROXY);
  // Every flag is checked before anything starts: a typo must not leave a half-started server.
  const tuning = seatTuningOf(ctx);

  const core = await Core.open({
    dataDir,
    cloudUrl,
    clock: ctx.clock,
    clockShiftMs: ctx.clockShiftMs,
    credentialFile: credentialFile ? resolve(credentialFile) : undefined,
    proxyUrl,
    // Operators see warnings (cloud unreachable, keychain) on stderr; everything is in the log file.
    logEcho: (line, level) => {
      if (level !== 'info') process.stderr.write(`${line}\n`);
    },
  });
  let seats: ReturnType<typeof attachSeats>;
  try {
    seats = attachSeats(core, { ...tuning, dongles });
    // A restart serves its verified entitlement from the first answer on (docs/activation.md).
    await seats.activation.ready;
  } catch (err) {
    await core.close();
    throw err;
  }
  // SIGHUP reloads the rules file, as daemons do (resources/clm-serve.service's ExecReload).
  const reload = () => {
    const ok = seats.rules.reload();
    console.error(
      ok
        ? `Rules reloaded from ${seats.rules.path}.`
        : `Rules file refused, the rules in force stay: ${seats.rules.state().error ?? ''}`,
    );
  };
  process.on('SIGHUP', reload);
  // Handlers go in before the URL is printed: whoever reads it may stop us at once, and a
  // signal without a handler would kill the process before the embedded cloud is stopped.
  const stopped = new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.off('SIGHUP', reload);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const token = newLoginToken();
  const headless = createLocalServer({ core, token, exposeUi });
  let base: Listening;
  try {
    base = await headless.listen(port, bind);
  } catch (err) {
    await core.close();
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new AppError(
        'conflict',
        `Port ${port} on ${bind} is in use (another clm serve or a license server?). Choose another with --port N.`,
      );
    if (code === 'EADDRNOTAVAIL')
      throw new AppError('bad_request', `--bind ${bind} is not an address of this machine`);
    throw err;
  }
  core.start();

  const reach = reachOf(base.address, base.port, exposeUi);
  if (exposeUi) {
    if (isLoopbackAddress(base.address))
      console.error(`--expose-ui changes nothing: --bind ${bind} is this machine's loopback.`);
    else console.error(EXPOSE_UI_WARNING);
  }
  const url = `${reach.uiUrl}?token=${token}`;
  if (ctx.json)
    ctx.print({ url, token, port: base.port, seatUrl: reach.seatUrl, uiFrom: reach.uiFrom });
  else console.log([`Chaos License Manager is serving on ${url}`, ...reach.lines].join('\n'));
  // Never silently: an operator without a keychain learns that a restart forgets the sign-in.
  const notice = core.session().credentialNotice;
  if (notice && core.credentialStorage === 'memory') console.error(notice);

  await stopped;
  await headless.close();
  await core.close();
  return 0;
}
