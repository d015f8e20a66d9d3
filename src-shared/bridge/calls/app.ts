// Bridge calls of the app itself: its one clock, and the demo's reset.
import { call, NoInput } from '../define.ts';
import type { SessionState } from '../../domain/session.ts';

export const appCalls = {
  'app.clock': call<{ now: number }>()(
    NoInput,
    "The core's clock in ms since the epoch: the renderer reads the time from it (docs/time.md)",
  ),
  'demo.reset': call<SessionState>()(
    NoInput,
    'Demo mode only: sign out and reload the embedded demo from its seed, dated from now',
  ),
};
