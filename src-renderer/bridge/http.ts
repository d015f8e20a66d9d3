// The bridge over HTTP for headless mode: calls are POSTs to /api/call/<name>, events come over SSE.
import type {
  BridgeEvents,
  CallInput,
  CallName,
  CallOutput,
  ClmBridge,
  EventName,
} from '../../src-shared/bridge/contract.ts';
import type { Envelope } from '../../src-shared/envelope.ts';

/** Called when the server says the login token is missing or expired (HTTP 401). */
export type OnUnauthorized = () => void;

function failure(code: string, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok: unknown }).ok === 'boolean'
  );
}

export function createHttpBridge(onUnauthorized: OnUnauthorized): ClmBridge {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function ensureSource(): EventSource {
    if (source) return source;
    source = new EventSource('/api/events', { withCredentials: true });
    return source;
  }

  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<Envelope<CallOutput<N>>> {
      let res: Response;
      try {
        res = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CLM-Bridge': '1' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure(
          'unavailable',
          'The License Manager is not answering. Check that `clm serve` is still running.',
        );
      }
      if (res.status === 401) {
        onUnauthorized();
        return failure('unauthorized', 'This page needs the login link printed by `clm serve`.');
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        return failure(
          'internal',
          `Unexpected answer from the License Manager (HTTP ${res.status}).`,
        );
      }
      if (!isEnvelope(body)) {
        return failure(
          'internal',
          `Unexpected answer from the License Manager (HTTP ${res.status}).`,
        );
      }
      return body as Envelope<CallOutput<N>>;
    },

    on<E extends EventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
      const es = ensureSource();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const wrapped = (e: MessageEvent<string>) => {
        let payload: unknown;
        try {
          payload = JSON.parse(e.data);
        } catch {
          return; // A malformed event is dropped; the next one or a reload brings the state.
        }
        listener(payload as BridgeEvents[E]);
      };
      const entry = wrapped as (payload: unknown) => void;
      set.add(entry);
      es.addEventListener(event, wrapped);
      return () => {
        es.removeEventListener(event, wrapped);
        set.delete(entry);
      };
    },
  };
}
