// The rows of the page, virtualized: only those in view are in the document; Up and Down move
// between the same control of neighbouring rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import type { UserActions } from './actions.ts';
import { UserRow } from './UserRow.tsx';

export const ROW_HEIGHT = 60;

interface VirtualRowsProps {
  rows: readonly OrgUserRow[];
  offset: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  actions: UserActions;
}

export function VirtualRows({ rows, offset, selected, onToggle, actions }: VirtualRowsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // First paint before the scroller is measured: assume a typical viewport.
    initialRect: { width: 1000, height: 600 },
  });

  // Another page (or page size) is read from its top, not where the last one was left.
  // (A block: Chromium's scrollTo answers a promise, which React would take for a cleanup.)
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [offset]);

  // Up and Down move between the same control of neighbouring rows, scrolling rows into being.
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const target = e.target as HTMLElement;
      if (target.tagName === 'SELECT' || target.closest('[role="menu"]')) return;
      const row = target.closest<HTMLElement>('[role="row"]');
      const cell = target.closest<HTMLElement>('[role="cell"]');
      if (!row || !cell) return;
      e.preventDefault();
      const index = Number(row.getAttribute('aria-rowindex')) - 2 - offset;
      const next = index + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= rows.length) return;
      const column = [...row.children].indexOf(cell);
      v.scrollToIndex(next);
      const focusNext = () => {
        const el = scroller.current?.querySelector<HTMLElement>(
          `[aria-rowindex="${next + 2 + offset}"] > :nth-child(${column + 1}) :is(input, button)`,
        );
        if (el) el.focus();
        return !!el;
      };
      if (!focusNext()) requestAnimationFrame(() => void focusNext());
    },
    [rows.length, offset, v],
  );

  return (
    <div className="org-scroll" ref={scroller} onKeyDown={onKeyDown} role="rowgroup">
      <div className="org-scroll-inner" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((item) => {
          const u = rows[item.index] as OrgUserRow;
          return (
            <UserRow
              key={u.id}
              user={u}
              index={offset + item.index}
              top={item.start}
              checked={selected.has(u.id)}
              onToggle={onToggle}
              actions={actions}
            />
          );
        })}
      </div>
    </div>
  );
}
