// Apply for a trial or a beta: open to everyone, Members too (docs/sources.md, Portal guide §I);
// the administrator can neither revoke nor reassign them.
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { request } from '../../bridge/index.ts';
import { errorText } from './useCloudData.ts';

export function TrialButtons({
  productCode,
  productName,
}: {
  productCode: string;
  productName: string;
}) {
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const apply = async (kind: 'trial' | 'beta') => {
    try {
      await request('portal.order', { kind, productCode });
      setNote({ ok: true, text: `Your ${kind} of ${productName} is active: see Licensing.` });
    } catch (err) {
      setNote({ ok: false, text: errorText(err) });
    }
  };
  return (
    <div className="portal-trials">
      <Button size="sm" variant="quiet" onClick={() => void apply('trial')}>
        Apply for trial
      </Button>
      <Button size="sm" variant="quiet" onClick={() => void apply('beta')}>
        Apply for beta
      </Button>
      {note && (
        <span role="status" className={note.ok ? 'cell-secondary' : 'field-error'}>
          {note.text}
        </span>
      )}
    </div>
  );
}
