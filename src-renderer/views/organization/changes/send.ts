// The one way the organization screens send a change (docs/architecture.md, "One admin change"):
// single-user dialogs and bulk flows alike call send(), then follow the mutation to the cloud's
// answer with useChangeResult (./result.ts). Items are keyed by src-shared/org/item-key.ts, as the
// pre-check and the cloud key them, so no answer is re-keyed here.
import type { CallInput } from '../../../../src-shared/bridge/contract.ts';
import type { ChangeResult, QueuedChange } from '../../../../src-shared/domain/org.ts';
import { AppError } from '../../../../src-shared/errors.ts';
import { request } from '../../../bridge/index.ts';
import { messageOf } from '../../../stores/errors.ts';
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { putAnsweredRows, putOptimisticRows, rowsLanded, useOrg } from '../orgStore.ts';
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

export interface SendOptions {
  /** Every item of the change, for a result screen's counts and a whole refusal's items. */
  keys?: ItemKey[];
  /** What the change is about, for the result table (e.g. the product revoked). */
  label?: string;
  /**
   * The rows of the users the change names as they will look once it is queued (the change's own
   * rule, from src-shared/org/rules): painted at once, in the click's task; the core's answer
   * then puts its rows in their place, or the rows as they were when it refuses the change.
   */
  optimistic?: readonly OrgUserRow[];
}

/** Sends one change; never throws. */
export async function send<N extends ChangeCall>(
  name: N,
  input: CallInput<N>,
  { keys = [], label, optimistic = [] }: SendOptions = {},
): Promise<SentChange> {
  const base = { keys, ...(label !== undefined ? { label } : {}) };
  const sentAt = rowsLanded();
  const before = putOptimisticRows(optimistic);
  try {
    const r = await request(name, input as never);
    // The named users' rows come with the answer: painted now, not after a read. A change naming
    // too many users for that leaves its optimistic rows to the reads its events make, but the
    // rows of users it refused are read again now.
    if (r.users) putAnsweredRows(r.users, sentAt);
    else if (r.failed.length > 0 && before.length > 0)
      void useOrg.getState().refreshUsers(before.map((u) => u.id));
    return { ...base, mutationId: r.mutationId, failed: r.failed };
  } catch (err) {
    putAnsweredRows(before, sentAt);
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
