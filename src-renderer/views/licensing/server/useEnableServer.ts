// ENABLE (docs/sources.md, Online licensing "Online Activation": "click ENABLE … enter your
// username and password"): the signed-in user activates this machine's license server with their
// own account (seats.activate); it then serves that account's seats — a member's own, an
// administrator's unassigned ones.
import { useState, type FormEvent } from 'react';
import { request } from '../../../bridge/index.ts';
import { messageOf } from '../../../stores/errors.ts';
import { useSession } from '../../../stores/session.ts';
import { useSeatServer } from './seatStore.ts';

export function useEnableServer() {
  const signedInEmail = useSession((s) => s.session?.account?.email ?? '');
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const start = () => {
    setOpen(true);
    setEmail(signedInEmail);
    setPassword('');
    setOutcome(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setOutcome({ ok: false, message: 'Enter your email and password.' });
      return;
    }
    setBusy(true);
    try {
      const id = await request('seats.activate', { email: email.trim(), password });
      setOpen(false);
      setOutcome({
        ok: true,
        message: `Enabled: this license server now serves the seats of ${id.account ?? email}.`,
      });
      await useSeatServer.getState().load();
    } catch (err) {
      setOutcome({ ok: false, message: messageOf(err) });
    } finally {
      setPassword('');
      setBusy(false);
    }
  }

  return {
    open,
    email,
    password,
    busy,
    outcome,
    start,
    cancel: () => setOpen(false),
    setEmail,
    setPassword,
    submit,
  };
}
