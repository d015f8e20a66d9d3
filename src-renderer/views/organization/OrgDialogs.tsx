// The dialogs of the Organization view's admin flows, one open at a time.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { AllocateDialog } from './AllocateDialog.tsx';
import { BulkDialog, type BulkKind } from './BulkDialog.tsx';
import { CreditPopover } from './CreditPopover.tsx';
import { CreditsDialog } from './InfoDialogs.tsx';
import { CsvUsersDialog } from './CsvUsersDialog.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { RemoveDialog } from './RemoveDialog.tsx';
import { RevokeDialog } from './RevokeDialog.tsx';

export type Open =
  | null
  | { kind: 'invite' }
  | { kind: 'remove'; users: OrgUserRow[]; startChecked: boolean }
  | { kind: 'allocate'; user: OrgUserRow }
  | { kind: 'credit'; user: OrgUserRow; anchor: HTMLElement }
  | { kind: 'credits' }
  | { kind: 'source'; then: 'remove' | 'assign' | 'revoke' }
  | { kind: 'revoke'; user: OrgUserRow; productCode: string }
  | { kind: 'bulk'; what: BulkKind; users: OrgUserRow[]; startChecked: boolean };

const SOURCE_TITLES = {
  remove: 'Remove users',
  assign: 'Assign products',
  revoke: 'Revoke products',
} as const;
const SOURCE_KINDS = { remove: 'removal', assign: 'assignment', revoke: 'revoke' } as const;

interface Props {
  open: Open;
  close: () => void;
  /** Users chosen from a tile's source (Manual or a .csv file), and whether they start checked. */
  onSource: (then: 'remove' | 'assign' | 'revoke', users: OrgUserRow[], csv: boolean) => void;
}

export function OrgDialogs({ open, close, onSource }: Props) {
  return (
    <>
      {open?.kind === 'invite' && <InviteDialog onClose={close} />}
      {open?.kind === 'remove' && (
        <RemoveDialog users={open.users} startChecked={open.startChecked} onClose={close} />
      )}
      {open?.kind === 'allocate' && <AllocateDialog user={open.user} onClose={close} />}
      {open?.kind === 'credit' && (
        <CreditPopover user={open.user} anchor={open.anchor} onClose={close} />
      )}
      {open?.kind === 'credits' && <CreditsDialog onClose={close} />}
      {open?.kind === 'source' && (
        <CsvUsersDialog
          title={SOURCE_TITLES[open.then]}
          kind={SOURCE_KINDS[open.then]}
          onContinue={(users, csv) => onSource(open.then, users, csv)}
          onClose={close}
        />
      )}
      {open?.kind === 'revoke' && (
        <RevokeDialog user={open.user} productCode={open.productCode} onClose={close} />
      )}
      {open?.kind === 'bulk' && (
        <BulkDialog
          kind={open.what}
          users={open.users}
          startChecked={open.startChecked}
          onClose={close}
        />
      )}
    </>
  );
}
