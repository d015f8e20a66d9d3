// The IPC channel names of the bridge, shared by the main process and the preload.
export const CALL_CHANNEL = 'clm:call';
export const EVENT_CHANNEL = 'clm:event';
