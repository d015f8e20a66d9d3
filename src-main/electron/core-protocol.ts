// The messages between Electron's main process and the core's utility process, over the utility
// process's MessagePort (docs/architecture.md "Desktop shell"). Plain data only: they are
// structured-cloned, never evaluated. The bridge contract itself is unchanged: a call carries the
// renderer's name and input, and its answer is the same envelope `dispatch` gives in headless mode.
import type { Envelope } from '../../src-shared/envelope.ts';

export type ToCore =
  | { type: 'call'; id: number; name: string; input: unknown }
  /** A cloud process started by main for the core (a utility process cannot fork one). */
  | { type: 'cloud.output'; stream: 'stdout' | 'stderr'; chunk: string }
  | { type: 'cloud.exit'; code: number | null; error?: string }
  | { type: 'stop' };

export type FromCore =
  | { type: 'ready'; cloudUrl: string; seatUrl: string | null }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'cloud.start'; script: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }
  | { type: 'cloud.stop'; kill: boolean }
  | { type: 'stopped' };

/** What main passes the core at start (argv of the utility process, JSON). */
export interface CoreStartOptions {
  dataDir: string;
  cloudUrl?: string;
  clockShiftMs: number;
  /** The license server's port (docs/requirements.md §5: 30304 by default). */
  seatPort: number;
}

export const CORE_OPTIONS_ENV = 'CLM_CORE_OPTIONS';
