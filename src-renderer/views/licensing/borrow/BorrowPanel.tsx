// "Borrowed for offline use" on the Licenses tab (docs/requirements.md §7, issue 13): what this machine borrowed
// with days left and Return, the clock guard's suspension, refused files, and Borrow….
import { useEffect } from 'react';
import type { LicenseView } from '../../../../src-shared/domain/license.ts';
import { Banner } from '../../../components/Banner.tsx';
import { BorrowedTable } from './BorrowedTable.tsx';
import { BorrowForm } from './BorrowForm.tsx';
import { useBorrows, watchBorrows } from './borrowStore.ts';
import './borrow.css';

export function BorrowPanel({ licenses }: { licenses: LicenseView[] }) {
  const { status, list, error, busy, actionError, borrow, giveBack } = useBorrows();
  useEffect(() => watchBorrows(), []);
  const products = [
    ...new Map(
      licenses.map((l) => [l.productCode, { code: l.productCode, name: l.productName }]),
    ).values(),
  ];
  return (
    <section className="card borrow-panel" aria-labelledby="borrow-title">
      <h2 id="borrow-title" className="borrow-title">
        Borrowed for offline use
      </h2>
      <p className="borrow-note">
        A borrowed seat works on this machine with no network until its end, then returns by itself.
        Borrowing again before the end extends it.
      </p>
      {status === 'error' && (
        <Banner tone="error" title="Borrowed seats could not be loaded">
          {error}
        </Banner>
      )}
      {list?.suspended && (
        <Banner tone="warning" title="Borrowed seats are suspended">
          {list.suspended}
        </Banner>
      )}
      {list?.refused.map((r) => (
        <Banner key={r.file} tone="warning" title={`Borrow file ${r.file} is refused`}>
          {r.message}
        </Banner>
      ))}
      {status === 'loading' && <p className="borrow-note">Loading borrowed seats…</p>}
      {list && list.borrows.length === 0 && <p>This machine has no borrowed seats.</p>}
      {list && list.borrows.length > 0 && (
        <BorrowedTable rows={list.borrows} busy={busy} onReturn={(p) => void giveBack(p)} />
      )}
      {actionError && <Banner tone="error">{actionError}</Banner>}
      {products.length > 0 && (
        <BorrowForm
          products={products}
          maxDays={list?.maxDays ?? 30}
          busy={busy !== null}
          onBorrow={(p, d) => void borrow(p, d)}
        />
      )}
    </section>
  );
}
