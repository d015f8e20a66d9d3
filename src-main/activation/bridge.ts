// The activation's bridge handlers (src-shared/bridge/calls/activation.ts).
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { ServerActivation } from './server-activation.ts';

export function activationBridgeHandlers(
  activation: ServerActivation,
): Pick<BridgeHandlers, 'activation.request' | 'activation.import' | 'activation.resetTrust'> {
  return {
    'activation.request': ({ name }) => activation.request(name),
    'activation.import': ({ text }) => activation.importCrt(text),
    'activation.resetTrust': () => activation.resetTrust(),
  };
}
