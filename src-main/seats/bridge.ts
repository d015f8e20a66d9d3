// The seat server's bridge handlers: status, history, admin release, activation.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { ServerActivation } from './activation.ts';
import type { SeatService } from './service.ts';

export type SeatCallName =
  'seats.status' | 'seats.history' | 'seats.releaseLease' | 'seats.activate';

export function seatBridgeHandlers(
  service: SeatService,
  activation: ServerActivation,
): Pick<BridgeHandlers, SeatCallName> {
  return {
    'seats.status': () => service.status(),
    'seats.history': ({ hours }) => service.history(hours ?? 24),
    'seats.releaseLease': ({ leaseId }) => service.release(leaseId),
    'seats.activate': ({ email, password }) => activation.activate(email, password),
  };
}
