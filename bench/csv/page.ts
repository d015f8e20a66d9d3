// Page script for the CSV benchmark and browser test: the production worker and client, in Chromium.
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { parseInWorker } from '../../src-renderer/csv/client.ts';
import { useCsvUpload } from '../../src-renderer/csv/useCsvUpload.ts';
import type { CsvJobRequest } from '../../src-renderer/csv/job.ts';
import type { CsvKind } from '../../src-shared/csv/formats.ts';
import type { CsvResult } from '../../src-shared/csv/result.ts';

export interface TimedRun {
  ms: number;
  progress: number;
  rows: number;
  errors: number;
}

export interface HookRun {
  statuses: string[];
  progressRenders: number;
  rows: number | null;
  error: string | null;
}

export interface CsvPageApi {
  /** Fetches `url` first (untimed), then times worker start → read → parse → result as the UI gets it. */
  time(url: string, kind: CsvKind): Promise<TimedRun>;
  /** The result and every progress fraction for the file at `url`. */
  parse(url: string, kind: CsvKind): Promise<{ result: CsvResult; progress: number[] }>;
  /** Counts and progress only, for files whose rows are too many to hand back to Node quickly. */
  summarise(
    url: string,
    kind: CsvKind,
  ): Promise<{ total: number; rows: number; errors: number; progress: number[] }>;
  /** A File of `bytes` zero bytes: refused by size before anything is read. */
  parseZeros(bytes: number, kind: CsvKind): Promise<CsvResult>;
  /** Drives useCsvUpload in a React root: the statuses it went through, and the outcome. */
  hook(url: string, kind: CsvKind, cancelAtProgress: boolean): Promise<HookRun>;
  /** Starts a parse, cancels it at its first progress event; the rejection's message. */
  cancelAtFirstProgress(url: string, kind: CsvKind): Promise<string>;
}

const newWorker = (): Worker => new Worker('./csv.worker.js', { type: 'module' });
const fileAt = async (url: string): Promise<File> =>
  new File([await (await fetch(url)).blob()], url.split('/').pop() ?? 'upload.csv');

function run(request: CsvJobRequest, onProgress: (f: number) => void) {
  return parseInWorker(newWorker(), request, onProgress);
}

const api: CsvPageApi = {
  async time(url, kind) {
    const file = await fileAt(url);
    let progress = 0;
    const t0 = performance.now();
    const result = await run({ kind, file }, () => progress++).result;
    const ms = performance.now() - t0;
    return { ms, progress, rows: result.rows.length, errors: result.errors.length };
  },
  async parse(url, kind) {
    const progress: number[] = [];
    const result = await run({ kind, file: await fileAt(url) }, (f) => progress.push(f)).result;
    return { result, progress };
  },
  async summarise(url, kind) {
    const { result, progress } = await api.parse(url, kind);
    return {
      total: result.total,
      rows: result.rows.length,
      errors: result.errors.length,
      progress,
    };
  },
  parseZeros(bytes, kind) {
    return run({ kind, file: new File([new Uint8Array(bytes)], 'big.csv') }, () => undefined)
      .result;
  },
  async hook(url, kind, cancelAtProgress) {
    const file = await fileAt(url);
    const el = document.body.appendChild(document.createElement('div'));
    const root = createRoot(el);
    return new Promise<HookRun>((resolve) => {
      const run: HookRun = { statuses: [], progressRenders: 0, rows: null, error: null };
      function Probe() {
        const upload = useCsvUpload(kind, newWorker);
        const { start } = upload;
        useEffect(() => start(file), [start]);
        useEffect(() => {
          if (run.statuses.at(-1) !== upload.status) run.statuses.push(upload.status);
          if (upload.status === 'parsing' && upload.progress > 0) {
            run.progressRenders++;
            if (cancelAtProgress) upload.cancel();
          }
          if (['done', 'failed', 'cancelled'].includes(upload.status)) {
            run.rows = upload.result?.rows.length ?? null;
            run.error = upload.error;
            // Unmounting stops any worker still running; resolve after this render settles.
            setTimeout(() => {
              root.unmount();
              el.remove();
              resolve(run);
            });
          }
        });
        return null;
      }
      root.render(createElement(Probe));
    });
  },
  async cancelAtFirstProgress(url, kind) {
    const job = run({ kind, file: await fileAt(url) }, () => job.cancel());
    return job.result.then(
      () => 'finished',
      (err: Error) => err.message,
    );
  },
};
(window as unknown as { csv: CsvPageApi }).csv = api;
document.title = 'ready';
