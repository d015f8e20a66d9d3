// "Revoke product" of one user (docs/sources.md, Portal guide §XIX): identical products go
// together; trial and beta licenses are not the organization's to revoke; a borrowed license
// answers with the seed's message. Its state and revoke() live in useRevoke.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from './Dialog.tsx';
import { useRevoke } from './useRevoke.ts';

interface Props {
  user: OrgUserRow;
  productCode: string;
  onClose: () => void;
}

export function RevokeDialog({ user, productCode, onClose }: Props) {
  const { products, code, chosen, error, busy, name, choose, revoke } = useRevoke(
    user,
    productCode,
    onClose,
  );

  return (
    <Dialog
      title="Revoke product"
      onClose={onClose}
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
          <Button
            className="btn-danger"
            busy={busy}
            disabled={!chosen || chosen.locked}
            onClick={() => void revoke()}
          >
            Revoke product
          </Button>
        </>
      }
    >
      <p>
        From <strong>{user.name}</strong> <span className="org-muted">({user.email})</span>
      </p>
      <fieldset className="org-step">
        <legend>Product</legend>
        {products.map((p) => (
          <label key={p.code} className="org-radio">
            <input
              type="radio"
              name={name}
              checked={code === p.code}
              onChange={() => choose(p.code)}
            />
            <span>
              <strong>{p.name}</strong>
              <span className="org-radio-note">
                {p.locked
                  ? 'Trial/beta licenses cannot be revoked by the Administrator'
                  : p.seats > 1
                    ? `${p.seats} identical licenses — they are revoked together`
                    : '1 license'}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="org-muted">The user is notified by email.</p>
      {error && (
        <Banner tone="error" title="The product was not revoked">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}
