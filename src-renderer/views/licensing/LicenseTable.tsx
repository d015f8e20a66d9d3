// A table of licenses: product, type, term, quantity, availability (docs/requirements.md §4), expiry (with a
// warning near the end), source.
import { useEffect } from 'react';
import type { SeatProductStatus } from '../../../src-shared/bridge/calls/seats.ts';
import type { LicenseView } from '../../../src-shared/domain/license.ts';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { useNow } from '../../app/useNow.ts';
import {
  expiryState,
  licenseTermLabel,
  licenseTypeLabel,
  sourceLabel,
} from '../../format/license.ts';
import { formatDate } from '../../format/time.ts';
import { Availability } from './Availability.tsx';
import { useSeatServer, watchSeatServer } from './server/seatStore.ts';

interface LicenseTableProps {
  caption: string;
  rows: LicenseView[];
  loading?: boolean;
  hideCaption?: boolean;
}

const COLUMNS = 7;

export function LicenseTable({
  caption,
  rows,
  loading = false,
  hideCaption = false,
}: LicenseTableProps) {
  const now = useNow(60_000);
  const served = useSeatServer((s) => s.data?.products);
  useEffect(() => watchSeatServer(), []);
  return (
    <section className="card table-card">
      <table className="table" aria-busy={loading || undefined}>
        <caption className={hideCaption ? 'visually-hidden' : 'table-caption'}>
          {caption}
          {!hideCaption && !loading && <span className="table-caption-count">{rows.length}</span>}
        </caption>
        <colgroup>
          <col className="col-product" />
          <col className="col-type" />
          <col className="col-term" />
          <col className="col-quantity" />
          <col className="col-availability" />
          <col className="col-expires" />
          <col className="col-source" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Type</th>
            <th scope="col">Term</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col">Availability</th>
            <th scope="col">Expires</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {loading ? (
            <SkeletonRows rows={4} columns={COLUMNS} />
          ) : (
            rows.map((l) => (
              <LicenseRow
                key={l.id}
                license={l}
                now={now}
                served={served?.find((p) => p.product === l.productCode)}
              />
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

function LicenseRow({
  license: l,
  now,
  served,
}: {
  license: LicenseView;
  now: number;
  served: SeatProductStatus | undefined;
}) {
  const expiry = expiryState(l.expiresAt, now);
  return (
    <tr>
      <td>
        <span className="cell-primary">{l.productName}</span>
        <span className="cell-secondary mono">{l.productCode}</span>
      </td>
      <td>{licenseTypeLabel[l.licenseType]}</td>
      <td>
        <span className={`term term-${l.term}`}>{licenseTermLabel[l.term]}</span>
      </td>
      <td className="num">
        <span className="cell-primary">{l.quantity}</span>
      </td>
      <td>
        <Availability license={l} served={served} />
      </td>
      <td>
        {expiry.kind === 'perpetual' ? (
          <span className="cell-primary">Perpetual</span>
        ) : (
          <>
            <span className="cell-primary">{formatDate(l.expiresAt ?? '')}</span>
            {expiry.kind === 'soon' && <span className="badge badge-warning">{expiry.label}</span>}
            {expiry.kind === 'expired' && (
              <span className="badge badge-danger">{expiry.label}</span>
            )}
          </>
        )}
      </td>
      <td>
        <span className={`badge source-${l.source}`}>{sourceLabel[l.source]}</span>
      </td>
    </tr>
  );
}
