// The renderer's one bridge: IPC under Electron, HTTP in a browser; views never know which.
import type {
  CallInput,
  CallName,
  CallOutput,
  ClmBridge,
} from '../../src-shared/bridge/contract.ts';
import { unwrap } from '../../src-shared/envelope.ts';
import { createHttpBridge } from './http.ts';
import { electronBridge } from './ipc.ts';
import { useConnection } from '../stores/connection.ts';

export const bridge: ClmBridge =
  electronBridge() ?? createHttpBridge(() => useConnection.getState().setRefused());

/** Calls the core and returns the value, throwing the envelope's error as an AppError. */
export async function request<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  return unwrap(await bridge.call(name, input));
}
