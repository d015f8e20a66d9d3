// What a row or the action bar can ask the Organization view to open (dialogs live in the view).
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';

export interface UserActions {
  allocate: (user: OrgUserRow) => void;
  remove: (users: OrgUserRow[]) => void;
  editCredit: (user: OrgUserRow, anchor: HTMLElement) => void;
  /** Opens "Revoke product" for one of the user's products. */
  revoke: (user: OrgUserRow, productCode: string) => void;
}

export const noActions: UserActions = {
  allocate: () => undefined,
  remove: () => undefined,
  editCredit: () => undefined,
  revoke: () => undefined,
};
