// Handlers of the queued-change calls: where a change stands, from the outbox and the cloud's
// recorded answers (with the items it refused).
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { changeCalls } from '../../src-shared/bridge/calls/changes.ts';
import type { ChangeResult } from '../../src-shared/domain/org.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Core } from '../core/core.ts';

export type ChangeCallName = keyof typeof changeCalls;

/**
 * Pending while in the outbox; otherwise the cloud's recorded answer: accepted (with the items
 * of a batch it refused) or rejected with its reason. A change rejected before answers were kept
 * is still a failed outbox row. Unknown ids (never made here, or answered long ago) are not_found.
 */
export function changeResult(core: Core, mutationId: number): ChangeResult {
  const store = core.sync.store;
  const answer = store.answer(mutationId);
  if (answer) {
    return {
      mutationId,
      state: answer.status,
      ...(answer.status === 'rejected'
        ? { code: answer.code ?? 'rejected', message: answer.message ?? '' }
        : {}),
      failed: answer.failed,
    };
  }
  const entry = store.outboxEntry(mutationId);
  if (entry?.status === 'pending') return { mutationId, state: 'pending', failed: [] };
  if (entry?.status === 'failed')
    return {
      mutationId,
      state: 'rejected',
      code: entry.code ?? 'rejected',
      message: entry.message ?? '',
      failed: [],
    };
  throw new AppError('not_found', `No change ${mutationId} is known here`);
}

export function changeHandlers(core: Core): Pick<BridgeHandlers, ChangeCallName> {
  return { 'org.changeResult': ({ mutationId }) => changeResult(core, mutationId) };
}
