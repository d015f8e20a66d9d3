// The bulk-invite review list: every row of the file with its role, virtualized so that 10,000 rows
// stay fast. Tab and Shift+Tab walk the role of every row in order, scrolling rows into being.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, type KeyboardEvent } from 'react';
import type { MemberRole } from '../../../../src-shared/org/model.ts';
import './results.css';

const ROW_HEIGHT = 40;

interface InviteReviewListProps {
  rows: readonly { line: number; email: string }[];
  roles: readonly MemberRole[];
  onRole: (index: number, role: MemberRole) => void;
}

export function InviteReviewList({ rows, roles, onRole }: InviteReviewListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 640, height: 360 },
  });

  // The row a Tab asked for while it is still being rendered: the next Tab counts from it, so
  // quick presses (key repeat) never lose a step.
  const wanted = useRef<number | null>(null);
  const focusRow = useCallback(
    (index: number) => {
      wanted.current = index;
      v.scrollToIndex(index);
      let frames = 0;
      const attempt = () => {
        if (wanted.current !== index) return; // a later Tab took over
        const el = scroller.current?.querySelector<HTMLSelectElement>(
          `[data-index="${index}"] select`,
        );
        if (el) {
          el.focus();
          wanted.current = null;
        } else if (++frames < 60) requestAnimationFrame(attempt);
        else wanted.current = null;
      };
      attempt();
    },
    [v],
  );

  // Only the rows near the view exist: Tab moves to the next row's role even when it is not
  // rendered yet, as it would if every row were on the page.
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!row) return;
      const next = (wanted.current ?? Number(row.dataset.index)) + (e.shiftKey ? -1 : 1);
      if (next < 0 || next >= rows.length) return;
      e.preventDefault();
      focusRow(next);
    },
    [rows.length, focusRow],
  );

  return (
    <div
      className="org-review-list"
      role="table"
      aria-label="Invitations to send"
      aria-rowcount={rows.length + 1}
    >
      <div className="org-review-list-head" role="row" aria-rowindex={1}>
        <span role="columnheader">Line</span>
        <span role="columnheader">Email</span>
        <span role="columnheader">Role</span>
      </div>
      <div className="org-review-scroll" ref={scroller} onKeyDown={onKeyDown} role="rowgroup">
        <div style={{ height: v.getTotalSize() }}>
          {v.getVirtualItems().map((item) => {
            const r = rows[item.index] as { line: number; email: string };
            const role = roles[item.index] ?? 'member';
            return (
              <div
                key={r.line}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                className={`org-review-row${role === 'guest' ? ' org-review-guest' : ''}`}
                style={{ top: item.start, height: ROW_HEIGHT }}
              >
                <span role="cell" className="org-review-line">
                  {r.line}
                </span>
                <span role="cell" className="org-review-email" title={r.email}>
                  {r.email}
                </span>
                <span role="cell">
                  <select
                    aria-label={`Role of ${r.email}`}
                    value={role}
                    onChange={(e) => onRole(item.index, e.target.value as MemberRole)}
                  >
                    <option value="member">Member</option>
                    <option value="guest">Guest</option>
                  </select>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
