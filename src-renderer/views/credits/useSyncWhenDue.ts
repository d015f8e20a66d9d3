// A job's end is decided by the cloud's clock; once the app's clock says a job should be over,
// ask for a sync (at most every 2 s) so its final cost and the new balance come down at once
// instead of at the next periodic pull.
import { useEffect, useRef } from 'react';
import type { RenderJobRow } from '../../../src-shared/cloud-api/sync.ts';
import { request } from '../../bridge/index.ts';

export function useSyncWhenDue(jobs: RenderJobRow[], now: number): void {
  const last = useRef(0);
  const due = jobs.some((j) => j.status === 'rendering' && Date.parse(j.endsAt) <= now);
  useEffect(() => {
    if (!due || now - last.current < 2000) return;
    last.current = now;
    request('sync.now', {}).catch(() => undefined);
  }, [due, now]);
}
