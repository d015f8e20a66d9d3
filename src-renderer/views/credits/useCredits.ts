// The credit views' data: the replica's overview (shown offline too), reloaded when data changes.
import { messageOf } from '../../stores/errors.ts';
import { useCallback, useEffect, useState } from 'react';
import type { CreditsOverview } from '../../../src-shared/domain/credits.ts';
import { bridge, request } from '../../bridge/index.ts';

export type CreditsState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; overview: CreditsOverview };

export function useCredits(): { state: CreditsState; reload: () => void } {
  const [state, setState] = useState<CreditsState>({ kind: 'loading' });
  const reload = useCallback(() => {
    request('credits.overview', {}).then(
      (overview) => setState({ kind: 'ready', overview }),
      (err: unknown) => setState({ kind: 'error', message: messageOf(err) }),
    );
  }, []);
  useEffect(() => {
    reload();
    return bridge.on('data.changed', reload);
  }, [reload]);
  return { state, reload };
}

/** Credits in the reader's locale with the portal's three decimals (credits/format.ts). */
export { formatCredits } from '../../../src-shared/credits/format.ts';
