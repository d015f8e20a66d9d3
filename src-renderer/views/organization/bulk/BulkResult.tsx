// The last step of a bulk flow (docs/sources.md, Portal guide §XIV.8): "Waiting for the cloud…"
// while the change is queued (offline: sent when back online), then how many items were made and,
// per user, what failed and why.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ChangeResult, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { Banner } from '../../../components/Banner.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { useChangeResult } from '../changes/result.ts';
import { useSession } from '../../../stores/session.ts';
import { parseItemKey } from '../../../../src-shared/org/item-key.ts';
import { outcomeOf, type Failure, type SentChange } from '../changes/send.ts';

interface Texts {
  /** "6 assignments made." */
  done: (n: number) => string;
  /** "6 assignments are queued." */
  queued: (n: number) => string;
  /** "2 assignments could not be made" */
  failed: (n: number) => string;
}

interface Props {
  sent: SentChange[];
  users: OrgUserRow[];
  texts: Texts;
  /** The product column of the failure table (assign and revoke). */
  productOf?: (f: Failure, change: SentChange) => string;
  /** A way to do what failed another way (assign's Re-allocate…), beside its reason. */
  actionOf?: (f: Failure) => ReactNode;
}

/** Follows one change and reports its standing up (one hook per change, so one component). */
function Follow({
  mutationId,
  onResult,
}: {
  mutationId: number;
  onResult: (id: number, r: ChangeResult | null) => void;
}) {
  const result = useChangeResult(mutationId);
  useEffect(() => onResult(mutationId, result), [mutationId, result, onResult]);
  return null;
}

export function BulkResult({ sent, users, texts, productOf, actionOf }: Props) {
  const [results, setResults] = useState<ReadonlyMap<number, ChangeResult | null>>(new Map());
  const onResult = useMemo(
    () => (id: number, r: ChangeResult | null) =>
      setResults((m) => (m.get(id) === r ? m : new Map(m).set(id, r))),
    [],
  );
  const online = useSession((s) => s.session?.sync.online ?? true);
  const { pending, done, failures } = outcomeOf(sent, results);
  const byId = useMemo(() => new Map(users.map((u) => [u.id, u])), [users]);

  return (
    <div className="bulk-result" aria-live="polite">
      {sent.map((c) =>
        c.mutationId === null ? null : (
          <Follow key={c.mutationId} mutationId={c.mutationId} onResult={onResult} />
        ),
      )}
      {pending ? (
        <div className="bulk-waiting" role="status">
          <Spinner label="Waiting for the cloud" size={18} />
          <div>
            <strong>Waiting for the cloud…</strong>
            <p className="org-muted">
              {texts.queued(done)}{' '}
              {online
                ? 'They show as Pending in the list until the cloud confirms them.'
                : 'You are offline: the change is kept and sent when the cloud is reachable again. You can close this window.'}
            </p>
          </div>
        </div>
      ) : (
        done > 0 && (
          <Banner tone="success" title="Done">
            {texts.done(done)} Each user is notified by email.
          </Banner>
        )
      )}
      {failures.length > 0 && (
        <>
          <Banner tone="error" title={texts.failed(failures.length)}>
            The reason is given for each user below.
          </Banner>
          <table className="table org-failed-table bulk-failed-table">
            <thead>
              <tr>
                <th scope="col">User</th>
                {productOf && <th scope="col">Product</th>}
                <th scope="col" className="bulk-reason-col">
                  Reason
                </th>
                {actionOf && (
                  <th scope="col" className="bulk-action-col">
                    <span className="visually-hidden">Action</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {failures.map(({ failure: f, change }, i) => (
                <tr key={`${f.key}-${i}`}>
                  <td>{f.email ?? byId.get(parseItemKey(f.key).userId)?.email ?? '—'}</td>
                  {productOf && <td>{productOf(f, change)}</td>}
                  <td>{f.message}</td>
                  {actionOf && <td>{actionOf(f)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {!pending && done === 0 && failures.length === 0 && (
        <p className="org-muted">Nothing was changed.</p>
      )}
    </div>
  );
}
