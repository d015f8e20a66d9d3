// A view still to be built: says plainly what will be there, in the portal's words.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

export interface PlaceholderSection {
  title: string;
  text: string;
}

interface PlaceholderProps {
  icon: IconName;
  lead: string;
  sections: PlaceholderSection[];
  children?: ReactNode;
}

export function Placeholder({ icon, lead, sections, children }: PlaceholderProps) {
  return (
    <section className="card placeholder">
      <div className="placeholder-head">
        <span className="placeholder-icon">
          <Icon name={icon} size={24} />
        </span>
        <div>
          <span className="soon-badge">Coming in a later version</span>
          <p className="placeholder-lead">{lead}</p>
        </div>
      </div>
      <ul className="placeholder-sections">
        {sections.map((s) => (
          <li key={s.title}>
            <h3>{s.title}</h3>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
