// Handlers of the administrator's activity log and credit-lot calls.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { activityCalls } from '../../src-shared/bridge/calls/activity.ts';
import type { Core } from '../core/core.ts';

export type ActivityCallName = keyof typeof activityCalls;

export function activityHandlers(core: Core): Pick<BridgeHandlers, ActivityCallName> {
  void core;
  return {};
}
