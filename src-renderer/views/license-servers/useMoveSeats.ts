// Moving seats between the account's servers (issue 12 "One seat, one server"): the same
// licenseServers.move as `clm servers move`, asked to confirm first; the cloud's refusal is shown
// where the move was asked, and the table shows the answer's rows.
import { useState } from 'react';
import type { LicenseServerRow } from '../../../src-shared/cloud-api/license-servers.ts';
import { request } from '../../bridge/index.ts';
import { messageOf } from '../../stores/errors.ts';
import { useLicenseServers } from './licenseServersStore.ts';

export interface MoveDraft {
  product: string;
  from: string;
  to: string;
  count: string;
}

/** Every product any server holds, by code, with its name. */
export function productsOf(rows: LicenseServerRow[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) for (const s of r.seats) seen.set(s.product, s.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

export function useMoveSeats(rows: LicenseServerRow[]) {
  const first = rows.find((r) => r.seats.length) ?? rows[0];
  const [draft, setDraft] = useState<MoveDraft>({
    product: first?.seats[0]?.product ?? '',
    from: first?.id ?? '',
    to: rows.find((r) => r.id !== first?.id)?.id ?? '',
    count: '1',
  });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const name = (id: string) => rows.find((r) => r.id === id)?.name ?? id;
  const productName = productsOf(rows).find((p) => p.code === draft.product)?.name ?? draft.product;
  const count = /^\d{1,6}$/.test(draft.count) ? Number(draft.count) : NaN;

  const update = (key: keyof MoveDraft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setConfirming(false);
    setOutcome(null);
  };

  const ask = () => {
    if (!(count >= 1))
      setOutcome({ ok: false, message: 'Enter how many seats move: a whole number from 1.' });
    else if (draft.from === draft.to)
      setOutcome({ ok: false, message: 'Choose two different servers.' });
    else setConfirming(true);
  };

  async function confirm() {
    setBusy(true);
    try {
      const next = await request('licenseServers.move', { ...draft, count });
      useLicenseServers.setState({ rows: next });
      // An offline workstation holds what its newest .crt says: the moved seats reach it with
      // the next .crt downloaded for it (docs/activation.md "Offline activation").
      const offline = rows.find((r) => r.id === draft.to)?.mode === 'offline';
      setOutcome({
        ok: true,
        message:
          `Moved ${count} × ${productName} from ${name(draft.from)} to ${name(draft.to)}.` +
          (offline
            ? ` ${name(draft.to)} gets them with its next .crt file (Download .crt File).`
            : ''),
      });
    } catch (err) {
      setOutcome({ ok: false, message: messageOf(err) });
    } finally {
      setConfirming(false);
      setBusy(false);
    }
  }

  const question = `Move ${draft.count} × ${productName} from ${name(draft.from)} to ${name(draft.to)}? ${name(draft.to)} gets them once ${name(draft.from)} has acknowledged its smaller entitlement (or its old one expired), so no seat is ever served twice.`;
  return {
    draft,
    update,
    ask,
    confirm,
    cancel: () => setConfirming(false),
    confirming,
    busy,
    outcome,
    question,
  };
}
