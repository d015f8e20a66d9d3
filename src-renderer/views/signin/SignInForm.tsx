// Email and password form; the cloud's error is shown inline and nothing is signed in.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { useSession } from '../../stores/session.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Filled {
  email: string;
  password: string;
  /** Changes on every pick, so picking the same account twice fills the form again. */
  n: number;
}

export function SignInForm({ filled }: { filled: Filled | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!filled) return;
    setEmail(filled.email);
    setPassword(filled.password);
    setError(null);
    setProblems({});
    submitRef.current?.focus();
  }, [filled]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: typeof problems = {};
    if (!EMAIL.test(email.trim())) found.email = 'Enter the email address of your Chaos account.';
    if (!password) found.password = 'Enter your password.';
    setProblems(found);
    setError(null);
    if (found.email || found.password) return;
    setBusy(true);
    const message = await useSession.getState().signIn(email.trim(), password);
    setBusy(false);
    if (message) setError(message);
  }

  return (
    <form className="form signin-form" onSubmit={(e) => void submit(e)} noValidate>
      {error && <Banner tone="error">{error}</Banner>}
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        error={problems.email}
        onChange={(e) => {
          setEmail(e.target.value);
          setProblems((p) => ({ ...p, email: undefined }));
        }}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={problems.password}
        onChange={(e) => {
          setPassword(e.target.value);
          setProblems((p) => ({ ...p, password: undefined }));
        }}
      />
      <Button ref={submitRef} type="submit" variant="primary" busy={busy} className="btn-block">
        Sign in
      </Button>
    </form>
  );
}
