// Handlers of the app's own calls: the core's clock and the demo's reset.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { appCalls } from '../../src-shared/bridge/calls/app.ts';
import type { Core } from '../core/core.ts';

export type AppCallName = keyof typeof appCalls;

export function appHandlers(core: Core): Pick<BridgeHandlers, AppCallName> {
  return {
    'app.clock': () => ({ now: core.clock() }),
    'demo.reset': () => core.resetDemo(),
  };
}
