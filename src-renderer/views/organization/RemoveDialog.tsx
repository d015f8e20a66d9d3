// Remove users (seed 000 §VII–VIII): editable selection, the confirmation with its warnings, the
// result ("Not all users have been removed"), the failed removals with reasons and Download CSV.
import { useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import * as msg from '../../../src-shared/org/messages.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { downloadCsv } from '../../csv/download.ts';
import { roleLabel } from '../../format/account.ts';
import { useOrg, type Failure } from '../../stores/org.ts';
import { useOrgList } from '../../stores/orgList.ts';
import { Dialog } from './Dialog.tsx';
import { UserPicker } from './UserPicker.tsx';

type Step =
  | { kind: 'confirm' }
  | { kind: 'result'; removed: number; failed: Failure[]; error: string | null }
  | { kind: 'failed'; failed: Failure[] };

const plural = (n: number) => `${n} ${n === 1 ? 'user' : 'users'}`;

interface RemoveDialogProps {
  users: OrgUserRow[];
  /** From the Users tile the list starts unchecked; from the list the chosen users start checked. */
  startChecked?: boolean;
  onClose: () => void;
}

export function RemoveDialog({ users, startChecked = true, onClose }: RemoveDialogProps) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(
    () => new Set(startChecked ? users.map((u) => u.id) : []),
  );
  const [step, setStep] = useState<Step>({ kind: 'confirm' });
  const [busy, setBusy] = useState(false);
  const chosen = users.filter((u) => checked.has(u.id));
  const withProducts = chosen.filter((u) => u.products.length > 0).length;
  const withBorrowed = chosen.filter((u) => u.products.some((p) => p.borrowed > 0)).length;
  const byId = new Map(users.map((u) => [u.id, u]));

  async function remove() {
    setBusy(true);
    const r = await useOrg
      .getState()
      .change('org.removeUsers', { userIds: chosen.map((u) => u.id) });
    setBusy(false);
    const failed = r.failed;
    const removed = chosen.length - failed.length;
    // Removed users leave the selection; failed ones stay checked to act on them next.
    const sel = useOrgList.getState();
    sel.setSelected(
      [...sel.selected].filter((id) => !checked.has(id) || failed.some((f) => f.key === id)),
    );
    setStep({
      kind: 'result',
      removed: r.ok ? removed : 0,
      failed,
      error: !r.ok && failed.length === 0 ? r.message : null,
    });
  }

  function download(failed: Failure[]) {
    downloadCsv(
      'failed-user-removals.csv',
      ['Email', 'Reason'],
      failed.map((f) => [f.email ?? byId.get(f.key)?.email ?? f.key, f.message]),
    );
  }

  if (step.kind === 'failed') {
    return (
      <Dialog
        title="Failed user removals"
        onClose={onClose}
        wide
        footer={
          <>
            <Button onClick={() => download(step.failed)}>Download CSV</Button>
            <Button variant="primary" onClick={onClose}>
              Go back to organization
            </Button>
          </>
        }
      >
        <p>{msg.FAILED_REMOVALS_EXPLAINED}</p>
        <table className="table org-failed-table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Email</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {step.failed.map((f) => {
              const u = byId.get(f.key);
              return (
                <tr key={f.key}>
                  <td>
                    {u ? (
                      <>
                        {u.name} · {roleLabel[u.role]}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{f.email ?? u?.email ?? f.key}</td>
                  <td>
                    <span className="badge badge-danger">{f.message}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Dialog>
    );
  }

  if (step.kind === 'result') {
    const allGone = step.failed.length === 0 && !step.error;
    return (
      <Dialog
        title={allGone ? `${plural(step.removed)} removed` : msg.NOT_ALL_REMOVED}
        onClose={onClose}
        footer={
          allGone ? (
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          ) : (
            <>
              <Button variant="quiet" onClick={onClose}>
                Cancel
              </Button>
              {step.failed.length > 0 && (
                <Button
                  variant="primary"
                  onClick={() => setStep({ kind: 'failed', failed: step.failed })}
                >
                  See failed removals
                </Button>
              )}
            </>
          )
        }
      >
        {step.removed > 0 && <Banner tone="success">{msg.removedSummary(step.removed)}</Banner>}
        {step.failed.length > 0 && (
          <Banner tone="error">{msg.failedRemovalSummary(step.failed.length)}</Banner>
        )}
        {step.error && <Banner tone="error">{step.error}</Banner>}
        {step.removed > 0 && (
          <p className="org-muted">
            The removal is confirmed by the cloud at the next sync; until then the users show as
            Pending.
          </p>
        )}
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Remove users"
      onClose={onClose}
      wide={users.length > 1}
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
          <Button
            className="btn-danger"
            busy={busy}
            disabled={chosen.length === 0}
            onClick={() => void remove()}
          >
            Remove {plural(chosen.length)}
          </Button>
        </>
      }
    >
      {users.length > 1 && <UserPicker users={users} checked={checked} onChange={setChecked} />}
      <p>
        <strong>{msg.removeConfirmation(chosen.length)}</strong>
      </p>
      <p>{msg.REMOVE_PRECONDITION}</p>
      {(withProducts > 0 || withBorrowed > 0) && (
        <Banner tone="warning" title="Some of these users cannot be removed yet">
          {withProducts > 0 && (
            <>
              {withProducts === chosen.length && chosen.length === 1
                ? 'This user has assigned products.'
                : `${plural(withProducts)} of the selection ${withProducts === 1 ? 'has' : 'have'} assigned products.`}{' '}
            </>
          )}
          {withBorrowed > 0 &&
            `${plural(withBorrowed)} ${withBorrowed === 1 ? 'has' : 'have'} borrowed products for offline use.`}
        </Banner>
      )}
      <p>{msg.REMOVE_CREDITS_DISABLED}</p>
      <p>Are you sure you want to remove these users?</p>
    </Dialog>
  );
}
