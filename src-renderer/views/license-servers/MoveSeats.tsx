// "Move seats" under the License Servers table (issue 12): product, from, to, how many; a
// confirmation says when the seats arrive; the cloud's refusal is shown here.
import type { LicenseServerRow } from '../../../src-shared/cloud-api/license-servers.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { MoveSelect as Select } from './MoveSelect.tsx';
import { productsOf, useMoveSeats } from './useMoveSeats.ts';

export function MoveSeats({ rows }: { rows: LicenseServerRow[] }) {
  const m = useMoveSeats(rows);
  const servers = rows.map((r) => ({
    value: r.id,
    label: r.mode === 'offline' ? `${r.name} (offline)` : r.name,
  }));
  const products = productsOf(rows).map((p) => ({ value: p.code, label: p.name }));
  return (
    <section className="card" aria-labelledby="move-seats-title">
      <h2 id="move-seats-title" className="card-title">
        Move seats between servers
      </h2>
      <p className="card-note">
        The same as clm servers move: the seats leave one server and reach the other.
      </p>
      <div className="license-servers-form">
        <Select
          label="Product"
          k="product"
          value={m.draft.product}
          options={products}
          update={m.update}
        />
        <Select
          label="From server"
          k="from"
          value={m.draft.from}
          options={servers}
          update={m.update}
        />
        <Select label="To server" k="to" value={m.draft.to} options={servers} update={m.update} />
        <label>
          Seats to move
          <input
            inputMode="numeric"
            value={m.draft.count}
            onChange={(e) => m.update('count', e.target.value)}
          />
        </label>
        <Button onClick={m.ask} disabled={m.confirming || m.busy}>
          Move seats…
        </Button>
      </div>
      {m.confirming && (
        <Banner
          tone="warning"
          title="Move these seats?"
          action={
            <>
              <Button size="sm" variant="primary" busy={m.busy} onClick={() => void m.confirm()}>
                Confirm move
              </Button>
              <Button size="sm" variant="quiet" onClick={m.cancel}>
                Cancel
              </Button>
            </>
          }
        >
          {m.question}
        </Banner>
      )}
      {m.outcome && (
        <Banner
          tone={m.outcome.ok ? 'success' : 'error'}
          title={m.outcome.ok ? undefined : 'The seats were not moved'}
        >
          {m.outcome.message}
        </Banner>
      )}
    </section>
  );
}
