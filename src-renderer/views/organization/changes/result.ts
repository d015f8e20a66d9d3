// Follows one queued change until the cloud answers it (sent by ./send.ts): for the result screens
// of bulk operations, and the fate shown beside a single-user change (./fate.ts).
import { useEffect, useMemo, useState } from 'react';
import type { ChangeResult, QueuedChange } from '../../../../src-shared/domain/org.ts';
import { bridge, request } from '../../../bridge/index.ts';
import { useSession } from '../../../stores/session.ts';

type Failure = QueuedChange['failed'][number];

/**
 * The change's standing, reloaded whenever the outbox or the replica changes; null while the
 * first answer is on its way or when there is no change to follow.
 */
export function useChangeResult(mutationId: number | null): ChangeResult | null {
  const [result, setResult] = useState<ChangeResult | null>(null);
  useEffect(() => {
    setResult(null);
    if (mutationId === null) return;
    let live = true;
    const load = () =>
      request('org.changeResult', { mutationId })
        .then((r) => live && setResult(r))
        .catch(() => undefined);
    void load();
    const off = bridge.on('data.changed', ({ tables }) => {
      if (tables.some((t) => t.startsWith('org.'))) void load();
    });
    return () => {
      live = false;
      off();
    };
  }, [mutationId]);
  return result;
}

/**
 * Every refused item of a change: the local pre-check's, then the cloud's per-item refusals,
 * then — when the cloud rejected the whole change — each remaining key with that reason.
 */
export function allFailures(
  local: Failure[],
  result: ChangeResult | null,
  keys: readonly { key: string; email?: string }[],
): Failure[] {
  if (!result) return local;
  const out = [...local];
  const seen = new Set(local.map((f) => f.key));
  for (const f of result.failed) {
    if (!seen.has(f.key)) {
      out.push(f);
      seen.add(f.key);
    }
  }
  if (result.state === 'rejected') {
    for (const k of keys) {
      if (seen.has(k.key)) continue;
      out.push({
        key: k.key,
        ...(k.email !== undefined ? { email: k.email } : {}),
        code: result.code ?? 'rejected',
        message: result.message ?? '',
      });
    }
  }
  return out;
}

/** What a result screen shows of one batch change, from the pre-check to the cloud's answer. */
export interface ChangeOutcome {
  result: ChangeResult | null;
  /** Every refused item so far (pre-check, then the cloud's answer). */
  failures: Failure[];
  /** The cloud has answered (or there was nothing to send): the counts are final. */
  answered: boolean;
  /** Whether the cloud is reachable now: a pending change waits for it to come back. */
  online: boolean;
}

/**
 * Follows a batch change for its result screen. `keys` are the items sent (key as the pre-check
 * keys them, and email when known), so a change rejected whole names each of them.
 */
export function useChangeOutcome(
  mutationId: number | null,
  local: Failure[],
  keys: readonly { key: string; email?: string }[],
): ChangeOutcome {
  const result = useChangeResult(mutationId);
  const online = useSession((s) => s.session?.sync.online ?? false);
  const failures = useMemo(() => allFailures(local, result, keys), [local, result, keys]);
  const answered = mutationId === null || (result !== null && result.state !== 'pending');
  return { result, failures, answered, online };
}
