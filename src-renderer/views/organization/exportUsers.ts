// The user list (or the checked users) as a CSV download; cells are formula-neutralised by toCsv.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { downloadCsv } from '../../csv/download.ts';
import { roleLabel } from '../../format/account.ts';

export function exportUsers(users: readonly OrgUserRow[], fileName: string): void {
  downloadCsv(
    fileName,
    ['Email', 'Name', 'Role', 'Products', 'Cloud credit access'],
    users.map((u) => [
      u.email,
      u.name,
      roleLabel[u.role],
      u.products
        .map((p) => (p.quantity > 1 ? `${p.productName} x${p.quantity}` : p.productName))
        .join('; '),
      u.creditAccess.label,
    ]),
  );
}
