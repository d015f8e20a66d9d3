// Handlers of the administrator's activity log and credit-lot calls.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { activityCalls } from '../../src-shared/bridge/calls/activity.ts';
import { readActivity } from '../activity/activity-log.ts';
import { creditLots } from '../activity/credit-lots.ts';
import type { Core } from '../core/core.ts';

export type ActivityCallName = keyof typeof activityCalls;

export function activityHandlers(core: Core): Pick<BridgeHandlers, ActivityCallName> {
  return {
    'org.activity': (q) => readActivity(core, q),
    'org.creditLots': () => creditLots(core, core.now()),
  };
}
