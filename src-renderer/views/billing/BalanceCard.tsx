// Outstanding balance (the sum of every unpaid invoice), unapplied credits, Pay all and Pay selected.
import type { InvoicesAnswer } from '../../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../../src-shared/billing/money.ts';
import { Button } from '../../components/Button.tsx';

interface Props {
  answer: InvoicesAnswer;
  selected: number;
  onPayAll: () => void;
  onPaySelected: () => void;
}

export function BalanceCard({ answer, selected, onPayAll, onPaySelected }: Props) {
  return (
    <section className="card portal-balance" aria-label="Outstanding balance">
      <div>
        <span className="portal-balance-label">Outstanding balance</span>
        <strong className="portal-balance-value" data-testid="outstanding">
          {formatCents(answer.outstandingCents, answer.currency)}
        </strong>
      </div>
      <div>
        <span className="portal-balance-label">Unapplied credits</span>
        <span className="portal-balance-small">
          {formatCents(answer.unappliedCreditCents, answer.currency)}
        </span>
      </div>
      <div className="portal-actions">
        <Button disabled={selected === 0} onClick={onPaySelected}>
          Pay selected ({selected})
        </Button>
        <Button variant="primary" disabled={answer.outstandingCents === 0} onClick={onPayAll}>
          Pay all
        </Button>
      </div>
    </section>
  );
}
