// The current time, refreshed on an interval, so "12 minutes ago" stays true while the page is open.
import { useEffect, useState } from 'react';
import { appNow } from './clock.ts';

export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(appNow);
  useEffect(() => {
    const id = window.setInterval(() => setNow(appNow()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
