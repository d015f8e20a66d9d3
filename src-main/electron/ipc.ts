// The IPC adapter of the bridge: one channel for calls, one for events, every sender checked by
// its parsed frame URL (decisions.ts) before the call is relayed to the core.
import { ipcMain, type WebContents } from 'electron';
import { fail, type Envelope } from '../../src-shared/envelope.ts';
import { AppError } from '../../src-shared/errors.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src-shared/bridge/channels.ts';
import { FORBIDDEN_SENDER, senderAllowed } from './decisions.ts';

/** `relay` runs a call in the core (its input is validated there, by `dispatch`). */
export function registerBridge(
  relay: (name: unknown, input: unknown) => Promise<Envelope<unknown>>,
): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    // senderFrame is null when the frame navigated away or was destroyed.
    if (!senderAllowed(event.senderFrame)) return fail(new AppError('forbidden', FORBIDDEN_SENDER));
    return relay(name, input);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** Sends a bridge event to one window's renderer. */
export function sendEvent(target: WebContents, name: string, payload: unknown): void {
  if (!target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
}
