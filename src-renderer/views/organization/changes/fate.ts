// A change's fate where it was made (issue 18, docs/interface.md): pending, then applied or undone
// with the cloud's reason, followed with useChangeResult (./result.ts).
import { forPeople } from '../../../../src-shared/plain-words.ts';
import { useChangeResult } from './result.ts';
import { useSession } from '../../../stores/session.ts';

export type ChangeFate =
  | { state: 'idle' }
  | { state: 'pending'; online: boolean }
  | { state: 'applied' }
  | { state: 'undone'; reason: string };

/** The fate of the change `mutationId` (idle when there is none), followed live. */
export function useChangeFate(mutationId: number | null): ChangeFate {
  const result = useChangeResult(mutationId);
  const online = useSession((s) => s.session?.sync.online ?? false);
  if (mutationId === null) return { state: 'idle' };
  if (!result || result.state === 'pending') return { state: 'pending', online };
  if (result.state === 'rejected') {
    const reason = forPeople({ code: result.code ?? 'rejected', message: result.message ?? '' });
    return { state: 'undone', reason: reason || 'The Chaos cloud refused this change.' };
  }
  const item = result.failed[0];
  return item ? { state: 'undone', reason: forPeople(item) } : { state: 'applied' };
}
