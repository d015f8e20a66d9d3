// The Activity tab's data: pages of the cloud's audit log for the current filters, fetched on demand.
import { messageOf } from '../../../stores/errors.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditOperation } from '../../../../src-shared/cloud-api/org.ts';
import type { ActivityEntry } from '../../../../src-shared/domain/activity.ts';
import { AppError } from '../../../../src-shared/errors.ts';
import { bridge, request } from '../../../bridge/index.ts';

export interface ActivityFilter {
  /** Part of an email, as typed (debounced by the caller). */
  user: string;
  operation: AuditOperation | '';
}

export type ActivityState =
  | { kind: 'loading' }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; entries: ActivityEntry[]; nextBefore: number | null };

export interface ActivityLog {
  state: ActivityState;
  /** True while an older page is on its way. */
  loadingOlder: boolean;
  olderError: string | null;
  loadOlder: () => void;
  reload: () => void;
}

function inputOf(f: ActivityFilter, before?: number) {
  const user = f.user.trim();
  return {
    ...(user ? { user } : {}),
    ...(f.operation ? { operation: f.operation } : {}),
    ...(before !== undefined ? { before } : {}),
  };
}

/** An answer the view shows as a state: offline has its own, everything else is an error. */
function failed(err: unknown): ActivityState {
  const e = AppError.from(err);
  return e.code === 'offline'
    ? { kind: 'offline', message: e.message }
    : { kind: 'error', message: messageOf(e) };
}

export function useActivityLog(filter: ActivityFilter): ActivityLog {
  const [state, setState] = useState<ActivityState>({ kind: 'loading' });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  // Answers to an older request (filters changed meanwhile) are dropped.
  const generation = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(
    (quiet: boolean) => {
      const mine = ++generation.current;
      if (!quiet) setState({ kind: 'loading' });
      setOlderError(null);
      request('org.activity', inputOf(filter)).then(
        (page) => {
          if (mine === generation.current) setState({ kind: 'ready', ...page });
        },
        (err: unknown) => {
          if (mine === generation.current) setState(failed(err));
        },
      );
    },
    [filter],
  );

  useEffect(() => load(false), [load]);

  // New entries appear at the top when the replica changes (a change was pushed) or the cloud
  // comes back; a list paged further down is left alone so the reader keeps their place.
  useEffect(() => {
    const refresh = () => {
      const s = stateRef.current;
      if (s.kind === 'offline' || (s.kind === 'ready' && s.entries.length <= 50)) load(true);
    };
    const offData = bridge.on('data.changed', refresh);
    const offStatus = bridge.on('sync.status', (st) => {
      if (st.online && stateRef.current.kind === 'offline') load(true);
    });
    return () => {
      offData();
      offStatus();
    };
  }, [load]);

  const loadOlder = useCallback(() => {
    const s = stateRef.current;
    if (s.kind !== 'ready' || s.nextBefore === null || loadingOlder) return;
    const mine = generation.current;
    setLoadingOlder(true);
    setOlderError(null);
    request('org.activity', inputOf(filter, s.nextBefore))
      .then(
        (page) => {
          if (mine !== generation.current) return;
          setState({
            kind: 'ready',
            entries: [...s.entries, ...page.entries],
            nextBefore: page.nextBefore,
          });
        },
        (err: unknown) => {
          if (mine === generation.current) setOlderError(messageOf(err));
        },
      )
      .finally(() => setLoadingOlder(false));
  }, [filter, loadingOlder]);

  return { state, loadingOlder, olderError, loadOlder, reload: () => load(false) };
}
