// Exposes the typed bridge to the sandboxed renderer as `window.clm`; nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Types only from the contract: importing its values would bundle the schema library in here.
import type { ClmBridge, EventName } from '../src-shared/bridge/contract.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../src-shared/bridge/channels.ts';

const clm = {
  call(name, input) {
    return ipcRenderer.invoke(CALL_CHANNEL, name, input);
  },
  on(event, listener) {
    if (typeof event !== 'string') throw new TypeError('A bridge event name is a string');
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
