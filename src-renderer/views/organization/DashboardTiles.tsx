// The three tiles above the list — Users, Products, Credits — each with its own menu.
import { formatCreditFigure } from '../../format/number.ts';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import { Icon, type IconName } from '../../components/Icon.tsx';
import { useOrg } from './orgStore.ts';
import { formatLotQuantity } from '../credits/lotFormat.ts';

interface TilesProps {
  onInvite: () => void;
  onRemoveUsers: () => void;
  onAssign: () => void;
  onRevoke: () => void;
  onCredits: () => void;
}

/** In the reader's locale (issue 19), by the one number formatter (format/number.ts). */
export const formatCredits = formatCreditFigure;

export function DashboardTiles(p: TilesProps) {
  const users = useOrg((s) => s.all);
  const purchases = useOrg((s) => s.purchases);
  const pool = useOrg((s) => s.poolBalance);
  const seats = purchases.reduce((n, x) => n + x.quantity, 0);
  const assigned = purchases.reduce((n, x) => n + x.assigned, 0);
  return (
    <div className="org-tiles">
      <Tile
        icon="organization"
        value={String(users)}
        label="Users"
        note="Members and guests"
        menu={[
          ['Invite users', p.onInvite],
          ['Remove users', p.onRemoveUsers],
        ]}
      />
      <Tile
        icon="products"
        value={String(seats)}
        label="Products"
        note={`${assigned} assigned · ${Math.max(0, seats - assigned)} free`}
        menu={[
          ['Assign products', p.onAssign],
          ['Revoke products', p.onRevoke],
        ]}
      />
      <Tile
        icon="billing"
        value={formatLotQuantity(pool)}
        label="Credits"
        note="Organizational pool"
        menu={[['Balance and lots', p.onCredits]]}
      />
    </div>
  );
}

function Tile(props: {
  icon: IconName;
  value: string;
  label: string;
  note: ReactNode;
  menu: [string, () => void][];
}) {
  return (
    <section className="card org-tile" aria-label={props.label}>
      <span className="org-tile-icon">
        <Icon name={props.icon} size={22} />
      </span>
      <div className="org-tile-body">
        <span className="org-tile-value">{props.value}</span>
        <span className="org-tile-label">{props.label}</span>
        <span className="org-tile-note">{props.note}</span>
      </div>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          className="icon-button org-tile-menu"
          aria-label={`${props.label} menu`}
        >
          <span aria-hidden="true">⋯</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            {props.menu.map(([label, run]) => (
              <DropdownMenu.Item key={label} className="menu-item" onSelect={run}>
                {label}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </section>
  );
}
