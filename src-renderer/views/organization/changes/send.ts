// The one way the organization screens send a change (docs/architecture.md, "One admin change"):
// single-user dialogs and bulk flows alike call send(), then follow the mutation to the cloud's
// answer with useChangeResult (./result.ts). Items are keyed by src-shared/org/item-key.ts, as the
// pre-check and the cloud key them, so no answer is re-keyed here.
import type { CallInput } from '../../../../src-shared/bridge/contract.ts';
import type { ChangeResult, QueuedChange } from '../../../../src-shared/domain/org.ts';
import { AppError } from '../../../../src-shared/errors.ts';
import { request } from '../../../bridge/index.ts';
import { messageOf } from '../../../stores/errors.ts';
import { putAnsweredRows, rowsLanded } from '../orgStore.ts';
import { allFailures } from './result.ts';

export type Failure = QueuedChange['failed'][number];
export type ItemKey = { key: string; email?: string };

/** The bridge calls that queue an organization change. */
export type ChangeCall =
  | 'org.invite'
  | 'org.removeUsers'
  | 'org.assign'
  | 'org.assignMany'
  | 'org.revoke'
  | 'org.setCreditAccess'
  | 'org.resendInvitation'
  | 'org.cancelInvitation';

/**
 * One change as sent: queued (with the items the pre-check refused), or refused whole before
 * queueing (mutationId null, with the reason; then every item in `keys` failed with it).
 */
export type SentChange = (
  { mutationId: number; message?: undefined } | { mutationId: null; message: string }
) & {
  /** Items the pre-check refused (or every item of `keys`, when the call was refused whole). */
  failed: Failure[];
  /** Every item of the change, refused or not, for a result screen's counts. */
  keys: ItemKey[];
  /** What the change is about, for the result table (e.g. the product revoked). */
  label?: string;
};

/** Sends one change; never throws. */
export async function send<N extends ChangeCall>(
  name: N,
  input: CallInput<N>,
  keys: ItemKey[] = [],
  label?: string,
): Promise<SentChange> {
  const base = { keys, ...(label !== undefined ? { label } : {}) };
  const sentAt = rowsLanded();
  try {
    const r = await request(name, input as never);
    // The named users' optimistic rows come with the answer: painted now, not after a read.
    if (r.users) putAnsweredRows(r.users, sentAt);
    return { ...base, mutationId: r.mutationId, failed: r.failed };
  } catch (err) {
    const e = AppError.from(err);
    const message = messageOf(e);
    const failed = (e.details as { failed?: Failure[] } | undefined)?.failed ?? [];
    // Refused whole without per-item reasons (e.g. no longer the administrator): every item failed.
    const all = failed.length ? failed : keys.map((k) => ({ ...k, code: e.code, message }));
    return { ...base, mutationId: null, message, failed: all };
  }
}

export interface Outcome {
  /** Some change is still waiting for the cloud's answer. */
  pending: boolean;
  /** Items made (or queued, while pending). */
  done: number;
  failures: { failure: Failure; change: SentChange }[];
}

export function outcomeOf(
  sent: SentChange[],
  results: ReadonlyMap<number, ChangeResult | null>,
): Outcome {
  let pending = false;
  let done = 0;
  const failures: Outcome['failures'] = [];
  for (const change of sent) {
    const result = change.mutationId === null ? null : (results.get(change.mutationId) ?? null);
    if (change.mutationId !== null && (!result || result.state === 'pending')) pending = true;
    const failed = allFailures(change.failed, result, change.keys);
    done += Math.max(0, change.keys.length - new Set(failed.map((f) => f.key)).size);
    for (const failure of failed) failures.push({ failure, change });
  }
  return { pending, done, failures };
}
