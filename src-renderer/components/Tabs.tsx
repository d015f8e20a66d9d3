// Sub-menu tabs as links (#/menu/tab), so each tab has its own address and works with the keyboard.
import type { MenuId } from '../app/route.ts';
import { href } from '../app/route.ts';

export interface TabSpec {
  id: string;
  label: string;
}

export function Tabs({ menu, tabs, active }: { menu: MenuId; tabs: TabSpec[]; active: string }) {
  return (
    <nav className="tabs" aria-label="Sections">
      {tabs.map((t) => (
        <a
          key={t.id}
          className="tab"
          href={href(menu, t.id)}
          aria-current={t.id === active ? 'page' : undefined}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}
