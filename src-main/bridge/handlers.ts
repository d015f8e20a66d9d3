// The core's implementation of the bridge contract: one handler per call, given validated input.
import type { BridgeHandlers, CallName } from '../../src-shared/bridge/contract.ts';
import { bridgeCalls } from '../../src-shared/bridge/contract.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Core } from '../core/core.ts';
import { activityHandlers, type ActivityCallName } from './activity-handlers.ts';
import { appHandlers, type AppCallName } from './app-handlers.ts';
import { changeHandlers, type ChangeCallName } from '../org/changes-handlers.ts';
import { creditHandlers, type CreditCallName } from './credits-handlers.ts';
import { meHandlers, type MeCallName } from './me-handlers.ts';
import { portalHandlers, type PortalCallName } from './portal-handlers.ts';
import { orgHandlers, type OrgCallName } from '../org/bridge.ts';

/** The calls the core itself answers; other capabilities (seats, …) bring their own handlers. */
export type CoreCallName =
  | 'session.get'
  | 'session.demoAccounts'
  | 'session.signIn'
  | 'session.signOut'
  | 'account.get'
  | 'account.changePassword'
  | 'sync.status'
  | 'sync.now'
  | 'licenses.list'
  | 'settings.get'
  | 'settings.set'
  | OrgCallName
  | ChangeCallName
  | MeCallName
  | ActivityCallName
  | AppCallName
  | CreditCallName
  | PortalCallName;

export function coreHandlers(core: Core): Pick<BridgeHandlers, CoreCallName> {
  return {
    'session.get': () => core.session(),
    'session.demoAccounts': () => core.demoAccounts(),
    'session.signIn': ({ email, password }) => core.signIn(email, password),
    'session.signOut': () => core.signOut(),
    'account.get': () => core.account(),
    'account.changePassword': ({ currentPassword, newPassword }) =>
      core.changePassword(currentPassword, newPassword),
    'sync.status': () => core.syncStatus(),
    'settings.get': () => core.settingsView(),
    'settings.set': (input) => core.setSettings(input),
    'sync.now': () => core.syncNow(),
    'licenses.list': () => core.licenses(),
    ...orgHandlers(core),
    ...changeHandlers(core),
    ...meHandlers(core),
    ...activityHandlers(core),
    ...appHandlers(core),
    ...creditHandlers(core),
    ...portalHandlers(core),
  };
}

/**
 * Every handler of the contract: the core's, then those of other capabilities (e.g. the seat
 * service's `seats.*`). A call nobody implements answers `unavailable` instead of crashing.
 */
export function createBridgeHandlers(
  core: Core,
  others: Partial<BridgeHandlers> = {},
): BridgeHandlers {
  const missing = {} as Record<CallName, () => never>;
  for (const name of Object.keys(bridgeCalls) as CallName[]) {
    missing[name] = () => {
      throw new AppError('unavailable', `${name} is not available in this mode`);
    };
  }
  return {
    ...missing,
    ...core.seats?.handlers,
    ...others,
    ...coreHandlers(core),
  } as BridgeHandlers;
}
