// The utility process's entry: the core, the seat server and the license server's HTTP port run
// here, off the process that owns the windows (docs/requirements.md §13: that one never stalls more than 50 ms).
// Main relays the renderer's bridge calls over this process's MessagePort (core-protocol.ts);
// the same Core runs in plain Node under `clm serve`.
import type { ParentPort } from 'electron';
import { PassThrough } from 'node:stream';
import { eventNames } from '../../src-shared/bridge/contract.ts';
import { dispatch } from '../../src-shared/bridge/dispatch.ts';
import { fail } from '../../src-shared/envelope.ts';
import { shiftedClock } from '../../src-shared/clock.ts';
import { AppError } from '../../src-shared/errors.ts';
import { createBridgeHandlers } from '../bridge/handlers.ts';
import type { CloudLauncher } from '../core/cloud-launcher.ts';
import { Core } from '../core/core.ts';
import { newLoginToken } from '../local-server/login-token.ts';
import { createLocalServer } from '../local-server/server.ts';
import { attachSeats } from '../seats/attach.ts';
import {
  CORE_OPTIONS_ENV,
  type CoreStartOptions,
  type FromCore,
  type ToCore,
} from './core-protocol.ts';

const port = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('core-process runs only as a utility process (process.parentPort)');
const send = (message: FromCore) => port.postMessage(message);

/**
 * A utility process cannot fork another, so the embedded demo cloud is started by main on the
 * core's behalf and its output relayed back here as the streams the core reads.
 */
const cloudListeners = {
  exit: [] as Array<(code: number | null, signal: string | null) => void>,
  error: [] as Array<(err: Error) => void>,
};
const cloudStreams = { stdout: new PassThrough(), stderr: new PassThrough() };
const relayedCloudLauncher: CloudLauncher = (script, args, opts) => {
  send({ type: 'cloud.start', script, args, cwd: opts.cwd, env: opts.env });
  return {
    pid: undefined,
    stdout: cloudStreams.stdout,
    stderr: cloudStreams.stderr,
    stop: () => send({ type: 'cloud.stop', kill: false }),
    kill: () => send({ type: 'cloud.stop', kill: true }),
    onExit: (l) => void cloudListeners.exit.push(l),
    onError: (l) => void cloudListeners.error.push(l),
  };
};

let core: Core | null = null;
let http: ReturnType<typeof createLocalServer> | null = null;
let handlers: ReturnType<typeof createBridgeHandlers> | null = null;

async function start(opts: CoreStartOptions): Promise<void> {
  core = await Core.open({
    dataDir: opts.dataDir,
    cloudUrl: opts.cloudUrl,
    clock: shiftedClock(opts.clockShiftMs),
    clockShiftMs: opts.clockShiftMs,
    launchCloud: relayedCloudLauncher,
  });
  attachSeats(core);
  handlers = createBridgeHandlers(core);
  for (const name of eventNames) {
    core.on(name, (payload) => send({ type: 'event', name, payload }));
  }
  core.start();
  // Render apps on this machine take seats on the license server's port; the same server
  // carries the web UI behind a token nobody is shown (the window uses the bridge).
  http = createLocalServer({ core, token: newLoginToken() });
  let seatUrl: string | null = null;
  try {
    seatUrl = (await http.listen(opts.seatPort, '127.0.0.1')).url;
  } catch (err) {
    core.log.warn('the license server port is not available; render apps cannot take seats', {
      port: opts.seatPort,
      message: (err as Error).message,
    });
  }
  send({ type: 'ready', cloudUrl: core.cloudUrl(), seatUrl });
}

async function stop(): Promise<void> {
  await http?.close().catch(() => undefined);
  await core?.close();
  send({ type: 'stopped' });
}

port.on('message', ({ data }) => {
  const msg = data as ToCore;
  switch (msg.type) {
    case 'call': {
      const answer = handlers
        ? dispatch(handlers, msg.name, msg.input)
        : Promise.resolve(
            fail(new AppError('unavailable', 'The license server is still starting.')),
          );
      void answer.then((envelope) => send({ type: 'result', id: msg.id, envelope }));
      break;
    }
    case 'cloud.output':
      cloudStreams[msg.stream].write(msg.chunk);
      break;
    case 'cloud.exit':
      if (msg.error) for (const l of cloudListeners.error) l(new Error(msg.error));
      else for (const l of cloudListeners.exit) l(msg.code, null);
      break;
    case 'stop':
      void stop().finally(() => process.exit(0));
      break;
  }
});

const options = JSON.parse(process.env[CORE_OPTIONS_ENV] ?? '{}') as CoreStartOptions;
start(options).catch((err: unknown) => {
  send({ type: 'failed', message: AppError.from(err).message });
});
