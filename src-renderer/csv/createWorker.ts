// Starts a CSV worker; Vite turns this `new URL(…, import.meta.url)` form into a bundled worker file.

export function createCsvWorker(): Worker {
  return new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
}
