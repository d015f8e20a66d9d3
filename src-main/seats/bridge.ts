// The seat server's bridge handlers: status, history, admin release, activation, the rules file.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { SeatRulesView } from '../../src-shared/bridge/calls/seats.ts';
import type { ServerActivation } from '../activation/server-activation.ts';
import type { RulesFile } from './rules-file.ts';
import type { SeatService } from './service.ts';

export type SeatCallName =
  | 'seats.status'
  | 'seats.history'
  | 'seats.releaseLease'
  | 'seats.activate'
  | 'seats.rules'
  | 'seats.saveRules';

function rulesView(service: SeatService, file: RulesFile): SeatRulesView {
  return {
    path: file.path,
    text: file.text(),
    ruleCount: service.rules.rules.length,
    error: file.state().error,
  };
}

export function seatBridgeHandlers(
  service: SeatService,
  activation: ServerActivation,
  rules: RulesFile,
): Pick<BridgeHandlers, SeatCallName> {
  return {
    'seats.status': () => service.status(),
    'seats.history': ({ hours }) => service.history(hours ?? 24),
    'seats.releaseLease': ({ leaseId }) => service.release(leaseId),
    'seats.activate': ({ email, password }) => activation.activate(email, password),
    'seats.rules': () => rulesView(service, rules),
    'seats.saveRules': ({ text }) => {
      rules.save(text);
      return rulesView(service, rules);
    },
  };
}
