// What a list shows when it has nothing in it: an icon, a sentence, and what to do next.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  children?: ReactNode;
}

export function EmptyState({ icon, title, children }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <span className="empty-state-icon">
        <Icon name={icon} size={28} />
      </span>
      <h3>{title}</h3>
      {children && <div className="empty-state-text">{children}</div>}
    </div>
  );
}
