// Exposes the typed bridge to the sandboxed renderer as `window.clm`; nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ClmBridge, EventName } from '../src-shared/bridge/contract.ts';
import { eventNames } from '../src-shared/bridge/contract.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../src-shared/bridge/channels.ts';

const known = new Set<string>(eventNames);

const clm = {
  call(name, input) {
    return ipcRenderer.invoke(CALL_CHANNEL, name, input);
  },
  on(event, listener) {
    if (!known.has(event)) throw new Error(`Unknown bridge event: ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
} satisfies ClmBridge;

contextBridge.exposeInMainWorld('clm', clm);
