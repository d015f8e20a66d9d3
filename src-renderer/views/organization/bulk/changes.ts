// Sends the changes of a bulk flow and sums up where they stand: queued, then what the cloud made
// of each item (the local pre-check's refusals first, then the cloud's).
import { messageOf } from '../../../stores/errors.ts';
import type { CallInput } from '../../../../src-shared/bridge/contract.ts';
import type { ChangeResult, QueuedChange } from '../../../../src-shared/domain/org.ts';
import { AppError } from '../../../../src-shared/errors.ts';
import { request } from '../../../bridge/index.ts';
import { allFailures } from '../../../stores/changeResult.ts';

export type Failure = QueuedChange['failed'][number];
export type ItemKey = { key: string; email?: string };

type BulkCall = 'org.assignMany' | 'org.revoke' | 'org.setCreditAccess';

/** One change as sent: its id (null when refused whole before queueing) and its items. */
export interface SentChange {
  mutationId: number | null;
  /** Items the pre-check refused (or every item, when the call was refused whole). */
  local: Failure[];
  /** Every item of the change, refused locally or not, in the cloud's key format. */
  keys: ItemKey[];
  /** What the change is about, for the result table (e.g. the product revoked). */
  label?: string;
  /**
   * Turns a refusal's key into the format of `keys`: a batch over one purchase or product is
   * keyed by user alone (pre-check and cloud answer alike), the screens key user and product.
   */
  keyOf?: (key: string) => string;
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;

/** The user id an item key starts with (`userId` or `userId:purchaseId`). */
export const userOfKey = (key: string): string => key.split(':')[0] ?? key;

/**
 * Sends one change. `localKey` turns the pre-check's keys into the cloud's (revoke's pre-check
 * keys by user, the cloud by user and product).
 */
export async function send<N extends BulkCall>(
  name: N,
  input: CallInput<N>,
  keys: ItemKey[],
  label?: string,
  localKey: (key: string) => string = (k) => k,
): Promise<SentChange> {
  const base = { keys, keyOf: localKey, ...(label !== undefined ? { label } : {}) };
  const rekey = (fs: Failure[]) => fs.map((f) => ({ ...f, key: localKey(f.key) }));
  try {
    const r = await request(name, input);
    return { ...base, mutationId: r.mutationId, local: rekey(r.failed) };
  } catch (err) {
    const e = AppError.from(err);
    const failed = rekey((e.details as { failed?: Failure[] } | undefined)?.failed ?? []);
    // Refused whole without per-item reasons (e.g. no longer the administrator): every item failed.
    const local = failed.length
      ? failed
      : keys.map((k) => ({ ...k, code: e.code, message: messageOf(e) }));
    return { ...base, mutationId: null, local };
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
    const keyOf = change.keyOf ?? ((k: string) => k);
    const rekeyed = result && {
      ...result,
      failed: result.failed.map((f) => ({ ...f, key: keyOf(f.key) })),
    };
    const failed = allFailures(change.local, rekeyed, change.keys);
    done += Math.max(0, change.keys.length - new Set(failed.map((f) => f.key)).size);
    for (const failure of failed) failures.push({ failure, change });
  }
  return { pending, done, failures };
}
