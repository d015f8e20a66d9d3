// The borrowing room's bridge handlers (src-shared/bridge/calls/borrow.ts).
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { BorrowRoom } from './room.ts';

type Names = 'borrow.list' | 'borrow.borrow' | 'borrow.return';

export function borrowBridgeHandlers(room: BorrowRoom): Pick<BridgeHandlers, Names> {
  return {
    'borrow.list': async () => {
      await room.ready;
      return room.list();
    },
    'borrow.borrow': ({ product, days }) => room.borrow(product, days),
    'borrow.return': ({ product }) => room.giveBack(product),
  };
}
