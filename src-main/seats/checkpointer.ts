// Moves WAL checkpoints (and their fsyncs) off the event loop: a worker thread with its own
// connection checkpoints the seat database in the background while leases keep committing.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SeatDb } from './db.ts';

// Plain CommonJS so it runs the same from the sources and from the esbuild bundle.
const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.lib);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 2000');
const tick = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.close();
});
`;

export class Checkpointer {
  private worker: Worker | null = null;

  constructor(db: SeatDb, everyMs = 250) {
    try {
      const lib = createRequire(import.meta.url).resolve('better-sqlite3');
      this.worker = new Worker(workerSource, {
        eval: true,
        workerData: { lib, file: db.name, everyMs },
      });
      this.worker.unref();
      this.worker.on('error', () => this.fallback(db));
      db.pragma('wal_autocheckpoint = 0');
    } catch {
      this.fallback(db);
    }
  }

  /** Without the worker, SQLite checkpoints on the event loop every ~4 MB of WAL. */
  private fallback(db: SeatDb): void {
    this.worker = null;
    if (db.open) db.pragma('wal_autocheckpoint = 4000');
  }

  close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return Promise.resolve();
    return new Promise((resolve) => {
      w.ref(); // keep the loop alive until the worker has closed its connection
      w.once('exit', () => resolve());
      w.postMessage('close');
    });
  }
}
