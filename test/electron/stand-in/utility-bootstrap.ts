// Preloaded into a stand-in utility process: gives it Electron's `process.parentPort` (a
// MessagePort-like port to main) on top of Node's IPC channel, with the same message shape.
import type { ParentPort } from 'electron';

const listeners: Array<(event: Electron.MessageEvent) => void> = [];
// As a MessagePort does, messages wait in a queue until the first listener starts the port.
const queued: unknown[] = [];
process.on('message', (data) => {
  if (!listeners.length) queued.push(data);
  for (const l of listeners) l({ data, ports: [] });
});

const parentPort = {
  on(event: 'message', listener: (messageEvent: Electron.MessageEvent) => void): ParentPort {
    if (event === 'message') {
      listeners.push(listener);
      for (const data of queued.splice(0)) listener({ data, ports: [] });
    }
    return parentPort as unknown as ParentPort;
  },
  postMessage(message: unknown) {
    if (process.connected) process.send?.(message);
  },
} satisfies Pick<ParentPort, 'on' | 'postMessage'>;

Object.assign(process, { parentPort });

// A utility process ends with the app (Electron kills it); here: when main's channel closes.
process.on('disconnect', () => process.exit(0));
