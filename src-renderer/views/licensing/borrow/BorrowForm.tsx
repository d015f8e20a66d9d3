// Borrow…: a product of the account's licenses and a number of days (1…30), then Borrow.
import { useState } from 'react';
import { Button } from '../../../components/Button.tsx';

interface Props {
  products: { code: string; name: string }[];
  maxDays: number;
  busy: boolean;
  onBorrow: (product: string, days: number) => void;
}

export function BorrowForm({ products, maxDays, busy, onBorrow }: Props) {
  const [product, setProduct] = useState('');
  const [days, setDays] = useState(7);
  const chosen = product || products[0]?.code || '';
  return (
    <form
      className="borrow-form"
      aria-label="Borrow a seat"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) onBorrow(chosen, days);
      }}
    >
      <label>
        Product{' '}
        <select value={chosen} onChange={(e) => setProduct(e.target.value)}>
          {products.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Days{' '}
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {Array.from({ length: maxDays }, (_, i) => i + 1).map((d) => (
            <option key={d} value={d}>
              {d} {d === 1 ? 'day' : 'days'}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="primary" size="sm" disabled={busy || !chosen}>
        {busy ? 'Borrowing…' : 'Borrow'}
      </Button>
    </form>
  );
}
