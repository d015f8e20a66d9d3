// Top-level switch: refused page, start-up, sign-in, or the signed-in shell.
import { useEffect } from 'react';
import { useConnection } from '../stores/connection.ts';
import { subscribeToCore } from '../stores/events.ts';
import { useSession } from '../stores/session.ts';
import { SignInScreen } from '../views/signin/SignInScreen.tsx';
import { RefusedScreen } from './RefusedScreen.tsx';
import { Shell } from './Shell.tsx';
import { StartupScreen } from './StartupScreen.tsx';

export function App() {
  const refused = useConnection((s) => s.refused);
  // What the switch reads, not the session itself: a new sync status must not re-render the shell.
  const started = useSession((s) => s.session !== null);
  const signedIn = useSession((s) => s.session?.signedIn === true);

  useEffect(() => {
    const off = subscribeToCore();
    void useSession.getState().load();
    return off;
  }, []);

  if (refused) return <RefusedScreen />;
  if (!started) return <StartupScreen />;
  if (!signedIn) return <SignInScreen />;
  return <Shell />;
}
