// One credit transaction: jobs whose end has come are settled first (the farm is simulated and
// read from the cloud's clock), then the work, then its notices; mail goes out after commit.
import { isoNow } from '../../src-shared/clock.ts';
import { Notes } from '../org/notify.ts';
import type { OrgRuntime } from '../org/run.ts';
import { settleDue, type RenderCtx } from './render.ts';
import { creditStore } from './tables.ts';

export async function inCredits<T>(rt: OrgRuntime, work: (r: RenderCtx) => Promise<T>): Promise<T> {
  const notes = new Notes();
  const answer = await creditStore(rt.db)
    .transaction()
    .execute(async (tx) => {
      const r: RenderCtx = { tx, now: isoNow(rt.clock), notes };
      await settleDue(r);
      const value = await work(r);
      await notes.flush(tx as never, r.now);
      return value;
    });
  if (notes.size === 0) return answer;
  rt.mailer.kick();
  return answer;
}
