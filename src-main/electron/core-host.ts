// Main's side of the core: starts the core in a utility process and relays the bridge to it over
// the utility process's MessagePort (core-protocol.ts). Main keeps only windows, tray and
// notifications, so a heavy sync never stalls window input (docs/requirements.md §13).
import { utilityProcess } from 'electron';
import { CORE_ENV, CORE_NODE_ARGS } from '../core/launch.ts';
import type { Envelope } from '../../src-shared/envelope.ts';
import { fail } from '../../src-shared/envelope.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CloudProcess } from '../core/cloud-launcher.ts';
import { utilityCloudLauncher } from './cloud-process.ts';
import {
  CORE_OPTIONS_ENV,
  type CoreStartOptions,
  type FromCore,
  type ToCore,
} from './core-protocol.ts';

export interface CoreHost {
  /** Resolves once the core is open and its license server port is tried. */
  ready: Promise<{ cloudUrl: string; seatUrl: string | null }>;
  call(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): void;
  /** Closes the core cleanly (leases are persisted, the cloud stopped), then the process ends. */
  stop(): Promise<void>;
}

export function startCore(entry: string, opts: CoreStartOptions): CoreHost {
  const child = utilityProcess.fork(entry, [], {
    serviceName: 'Chaos License Manager core',
    execArgv: [...CORE_NODE_ARGS],
    env: { ...process.env, ...CORE_ENV, [CORE_OPTIONS_ENV]: JSON.stringify(opts) },
    stdio: 'inherit',
  });
  const send = (msg: ToCore) => child.postMessage(msg);
  const pending = new Map<number, (env: Envelope<unknown>) => void>();
  const listeners: Array<(name: string, payload: unknown) => void> = [];
  let nextId = 1;
  let cloud: CloudProcess | null = null;
  let exited = false;
  let onStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (onStopped = resolve));
  let resolveReady: (v: { cloudUrl: string; seatUrl: string | null }) => void = () => undefined;
  let rejectReady: (err: Error) => void = () => undefined;
  const ready = new Promise<{ cloudUrl: string; seatUrl: string | null }>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });

  child.on('message', (raw: unknown) => {
    const msg = raw as FromCore;
    switch (msg.type) {
      case 'ready':
        return resolveReady({ cloudUrl: msg.cloudUrl, seatUrl: msg.seatUrl });
      case 'failed':
        return rejectReady(new Error(msg.message));
      case 'result': {
        const done = pending.get(msg.id);
        pending.delete(msg.id);
        return done?.(msg.envelope);
      }
      case 'event':
        for (const l of listeners) l(msg.name, msg.payload);
        return;
      case 'cloud.start':
        cloud = utilityCloudLauncher(msg.script, msg.args, { cwd: msg.cwd, env: msg.env });
        for (const stream of ['stdout', 'stderr'] as const) {
          cloud[stream]?.setEncoding('utf8');
          cloud[stream]?.on('data', (chunk: string) =>
            send({ type: 'cloud.output', stream, chunk }),
          );
        }
        cloud.onExit((code) => send({ type: 'cloud.exit', code }));
        cloud.onError((err) => send({ type: 'cloud.exit', code: null, error: err.message }));
        return;
      case 'cloud.stop':
        return msg.kill ? cloud?.kill() : cloud?.stop();
      case 'stopped':
        return onStopped();
    }
  });
  child.on('exit', (code) => {
    exited = true;
    rejectReady(new Error(`The core stopped (exit code ${code}).`));
    for (const done of pending.values())
      done(fail(new AppError('unavailable', 'The license server has stopped.')));
    pending.clear();
    cloud?.kill();
    onStopped();
  });

  return {
    ready,
    call(name, input) {
      if (exited)
        return Promise.resolve(
          fail(new AppError('unavailable', 'The license server has stopped.')),
        );
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'call', id, name: String(name), input });
      });
    },
    onEvent: (listener) => void listeners.push(listener),
    async stop() {
      if (!exited) send({ type: 'stop' });
      await stopped;
    },
  };
}
