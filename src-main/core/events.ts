// A typed event emitter for the core: the bridge events plus the core-internal ones (server pool).
import { EventEmitter } from 'node:events';
import type { BridgeEvents } from '../../src-shared/bridge/contract.ts';
import type { ServerPoolEntry } from '../store/snapshot.ts';

export interface CoreEvents extends BridgeEvents {
  /** The server pool the cloud allows this machine's license server to serve changed. */
  'pool.changed': ServerPoolEntry[];
}
export type CoreEventName = keyof CoreEvents;

export class CoreEmitter {
  readonly #ee = new EventEmitter();

  constructor() {
    // Every SSE client and window subscribes; many listeners are normal here.
    this.#ee.setMaxListeners(0);
  }

  on<E extends CoreEventName>(name: E, listener: (payload: CoreEvents[E]) => void): () => void {
    this.#ee.on(name, listener);
    return () => this.#ee.off(name, listener);
  }

  emit<E extends CoreEventName>(name: E, payload: CoreEvents[E]): void {
    // One listener's failure must not stop the others or the core.
    for (const l of this.#ee.listeners(name)) {
      try {
        (l as (p: CoreEvents[E]) => void)(payload);
      } catch {
        // listeners report their own errors
      }
    }
  }

  /** Resolves with the first payload that satisfies `until` (tests and startup wait on this). */
  next<E extends CoreEventName>(
    name: E,
    until: (payload: CoreEvents[E]) => boolean = () => true,
  ): Promise<CoreEvents[E]> {
    return new Promise((resolve) => {
      const off = this.on(name, (p) => {
        if (until(p)) {
          off();
          resolve(p);
        }
      });
    });
  }
}
