// The IPC adapter of the bridge: one channel for calls, one for events, every sender checked.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatch } from '../../src-shared/bridge/dispatch.ts';
import { fail } from '../../src-shared/envelope.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { BridgeEvents, BridgeHandlers, EventName } from '../../src-shared/bridge/contract.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src-shared/bridge/channels.ts';
import { isTrustedRendererUrl } from './trusted-url.ts';

function trustedSender(event: IpcMainInvokeEvent): boolean {
  // senderFrame is null when the frame navigated away or was destroyed.
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedRendererUrl(frame.url);
}

export function registerBridge(handlers: BridgeHandlers): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!trustedSender(event)) {
      return fail(new AppError('forbidden', 'This window may not use the bridge.'));
    }
    return dispatch(handlers, name, input);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** Sends a bridge event to one window's renderer. */
export function sendEvent<E extends EventName>(
  target: WebContents,
  name: E,
  payload: BridgeEvents[E],
): void {
  if (!target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
}
