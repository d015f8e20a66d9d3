// A message strip for errors, warnings and notices, with an icon and an optional action.
import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';

interface BannerProps {
  tone: 'error' | 'warning' | 'info' | 'success';
  title?: string;
  children: ReactNode;
  action?: ReactNode;
}

const icons = { error: 'alert', warning: 'alert', info: 'info', success: 'check' } as const;

export function Banner({ tone, title, children, action }: BannerProps) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="banner-icon">
        <Icon name={icons[tone]} />
      </span>
      <div className="banner-body">
        {title && <strong className="banner-title">{title}</strong>}
        <div>{children}</div>
      </div>
      {action && <div className="banner-action">{action}</div>}
    </div>
  );
}
