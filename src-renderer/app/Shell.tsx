// The signed-in frame: sidebar, top bar, the current view, and the status bar.
import { useEffect, type MouseEvent } from 'react';
import { clearSignedInData, loadSignedInData } from '../stores/events.ts';
import { useSession } from '../stores/session.ts';
import { Sidebar } from './Sidebar.tsx';
import { StatusBar } from './StatusBar.tsx';
import { Toast } from './Toast.tsx';
import { TopBar } from './TopBar.tsx';
import { landingMenu, useRoute } from './route.ts';
import { CurrentView } from './CurrentView.tsx';

export function Shell() {
  const accountId = useSession((s) => s.session?.account?.id ?? null);
  const role = useSession((s) => s.session?.account?.organization?.role ?? null);
  const route = useRoute(landingMenu(role));

  useEffect(() => {
    loadSignedInData();
    return clearSignedInData;
  }, [accountId]);

  return (
    <div className="shell">
      <a className="skip-link" href="#content" onClick={focusContent}>
        Skip to content
      </a>
      <Sidebar active={route.menu} />
      <div className="shell-main">
        <TopBar />
        <main className="content" id="content" tabIndex={-1}>
          <CurrentView route={route} />
        </main>
        <StatusBar />
      </div>
      <Toast />
    </div>
  );
}

// The skip link must not change the hash (the hash is our route), so it moves focus itself.
function focusContent(e: MouseEvent) {
  e.preventDefault();
  document.getElementById('content')?.focus();
}
