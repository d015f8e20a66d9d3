// Remove users (docs/sources.md, Portal guide §VII–VIII): editable selection and the confirmation
// with its warnings; the result, with the pre-check's and the cloud's refusals, is
// results/RemoveResult.tsx. Its state and remove() live in useRemove.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import * as msg from '../../../src-shared/org/messages.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from './Dialog.tsx';
import { RemoveResult } from './results/RemoveResult.tsx';
import { UserPicker } from './UserPicker.tsx';
import { useRemove } from './useRemove.ts';

/** Why Remove is disabled when every chosen user holds products (issue 18: no doomed buttons). */
export const REVOKE_FIRST = 'Revoke products first.';

const plural = (n: number) => `${n} ${n === 1 ? 'user' : 'users'}`;

interface RemoveDialogProps {
  users: OrgUserRow[];
  /** From the Users tile the list starts unchecked; from the list the chosen users start checked. */
  startChecked?: boolean;
  onClose: () => void;
}

export function RemoveDialog({ users, startChecked = true, onClose }: RemoveDialogProps) {
  const { checked, setChecked, step, busy, chosen, withProducts, withBorrowed, doomed, remove } =
    useRemove(users, startChecked);

  if (step.kind === 'result')
    return <RemoveResult users={users} sent={step.sent} onClose={onClose} />;

  return (
    <Dialog
      title="Remove users"
      onClose={onClose}
      wide={users.length > 1}
      footer={
        <>
          {doomed && (
            <span id="remove-doomed" className="dialog-foot-reason">
              {REVOKE_FIRST}
            </span>
          )}
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
          <Button
            className="btn-danger"
            busy={busy}
            disabled={chosen.length === 0 || doomed}
            aria-describedby={doomed ? 'remove-doomed' : undefined}
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
