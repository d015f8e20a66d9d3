// Handlers of the queued-change calls: where a change stands, read from the outbox.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { changeCalls } from '../../src-shared/bridge/calls/changes.ts';
import type { ChangeResult } from '../../src-shared/domain/org.ts';
import type { Core } from '../core/core.ts';

export type ChangeCallName = keyof typeof changeCalls;

/**
 * A change still in the outbox is pending; a failed row is rejected; otherwise the cloud accepted
 * it (the outbox forgets accepted rows). TODO(results): the cloud's per-item refusals.
 */
export function changeResult(core: Core, mutationId: number): ChangeResult {
  const store = core.sync.store;
  const failed = store.failed().find((f) => f.id === mutationId);
  if (failed)
    return {
      mutationId,
      state: 'rejected',
      code: failed.code ?? 'rejected',
      message: failed.message ?? '',
      failed: [],
    };
  const pending = store.pending(Number.MAX_SAFE_INTEGER).some((p) => p.id === mutationId);
  return { mutationId, state: pending ? 'pending' : 'accepted', failed: [] };
}

export function changeHandlers(core: Core): Pick<BridgeHandlers, ChangeCallName> {
  return { 'org.changeResult': ({ mutationId }) => changeResult(core, mutationId) };
}
