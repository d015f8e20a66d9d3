// Bulk flows from the action bar and the Products tile (docs/sources.md, Portal guide §XIV–XVI
// assign, §XX–XXII revoke, §XXVI credit access): each a step-by-step dialog under ./bulk, its
// result followed to the cloud.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { AssignWizard } from './bulk/AssignWizard.tsx';
import { CreditFlow } from './bulk/CreditFlow.tsx';
import { RevokeFlow } from './bulk/RevokeFlow.tsx';

export type BulkKind = 'assign' | 'revoke' | 'credit';

export function BulkDialog({
  kind,
  users,
  startChecked = true,
  onClose,
}: {
  kind: BulkKind;
  users: OrgUserRow[];
  /** From the Products tile the whole organization is listed unchecked. */
  startChecked?: boolean;
  onClose: () => void;
}) {
  const props = { users, startChecked, onClose };
  if (kind === 'assign') return <AssignWizard {...props} />;
  if (kind === 'revoke') return <RevokeFlow {...props} />;
  return <CreditFlow {...props} />;
}
