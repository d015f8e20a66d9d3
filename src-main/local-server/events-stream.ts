// Server-Sent Events for the bridge's events: `event: <name>\ndata: <json>\n\n`, with heartbeats.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BridgeEvents, EventName } from '../../src-shared/bridge/contract.ts';
import { eventNames } from '../../src-shared/bridge/contract.ts';
import type { Core } from '../core/core.ts';

export class EventStreams {
  readonly #core: Core;
  readonly #heartbeatMs: number;
  readonly #clients = new Set<ServerResponse>();

  constructor(core: Core, heartbeatMs = 15_000) {
    this.#core = core;
    this.#heartbeatMs = heartbeatMs;
  }

  get size(): number {
    return this.#clients.size;
  }

  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    this.#clients.add(res);
    const send = <E extends EventName>(name: E, payload: BridgeEvents[E]) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    };
    // A (re)connecting page gets the current state at once, not only the next change.
    res.write('retry: 2000\n\n');
    send('session.changed', this.#core.session());
    send('sync.status', this.#core.syncStatus());
    const offs = eventNames.map((name) =>
      this.#core.on(name, (payload) => send(name, payload as BridgeEvents[typeof name])),
    );
    const beat = setInterval(() => res.write(': heartbeat\n\n'), this.#heartbeatMs);
    beat.unref();
    const done = () => {
      clearInterval(beat);
      for (const off of offs) off();
      this.#clients.delete(res);
    };
    req.on('close', done);
    res.on('close', done);
  }

  /** Ends every stream, so the server can close. */
  closeAll(): void {
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }
}
