// Handlers of the signed-in user's own calls (organization, products, credits, notifications).
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { meCalls } from '../../src-shared/bridge/calls/me.ts';
import type { Core } from '../core/core.ts';
import { requestCredits } from '../me/credits.ts';
import { listNotifications, markNotificationsRead } from '../me/notifications.ts';
import { meOverview } from '../me/overview.ts';

export type MeCallName = keyof typeof meCalls;

export function meHandlers(core: Core): Pick<BridgeHandlers, MeCallName> {
  return {
    'me.overview': () => meOverview(core),
    'me.requestCredits': (args) => requestCredits(core, args),
    'notifications.list': ({ limit }) => listNotifications(core, limit),
    'notifications.markRead': ({ ids }) => markNotificationsRead(core, ids),
  };
}
