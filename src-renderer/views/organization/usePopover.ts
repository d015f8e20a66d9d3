// Where a popover sits beside its anchor, and closing it on a pointer down outside.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export function usePopover(anchor: HTMLElement, width: number, onClose: () => void) {
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ top: 0, left: 0 });

  useLayoutEffect(() => {
    const r = anchor.getBoundingClientRect();
    const h = box.current?.offsetHeight ?? 200;
    const below = r.bottom + 6;
    const top = below + h > window.innerHeight - 8 ? Math.max(8, r.top - h - 6) : below;
    setPos({ top, left: Math.min(window.innerWidth - width - 8, Math.max(8, r.right - width)) });
    box.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [anchor, width]);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      if (anchor.isConnected) anchor.focus();
    };
  }, [anchor, onClose]);

  return { box, pos };
}
