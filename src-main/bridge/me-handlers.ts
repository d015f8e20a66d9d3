// Handlers of the signed-in user's own calls (organization, products, credits, notifications).
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { meCalls } from '../../src-shared/bridge/calls/me.ts';
import type { Core } from '../core/core.ts';

export type MeCallName = keyof typeof meCalls;

export function meHandlers(core: Core): Pick<BridgeHandlers, MeCallName> {
  void core;
  return {};
}
