// The left navigation: the portal's menus (docs/sources.md, Navigation "Menus"), Organization only
// for the organization's administrator.
import { Icon } from '../components/Icon.tsx';
import { useSession } from '../stores/session.ts';
import { Brand } from './Brand.tsx';
import { visibleMenus } from './menus.ts';
import { href, type MenuId } from './route.ts';

export function Sidebar({ active }: { active: MenuId }) {
  const role = useSession((s) => s.session?.account?.organization?.role ?? null);
  const demo = useSession((s) => s.session?.demo ?? false);
  return (
    <aside className="sidebar">
      <Brand tone="light" />
      <nav className="sidebar-nav" aria-label="Main menu">
        <ul>
          {visibleMenus(role).map((m) => (
            <li key={m.id}>
              <a
                className="nav-item"
                href={href(m.id)}
                aria-current={m.id === active ? 'page' : undefined}
              >
                <Icon name={m.icon} />
                <span>{m.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {demo && (
        <p className="sidebar-foot">Demo mode: the cloud runs inside this app on sample data.</p>
      )}
    </aside>
  );
}
