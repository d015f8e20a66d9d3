// Runs one upload through a CSV worker and hands back the result as `CsvResult`, with progress.
import { AppError } from '../../src-shared/errors.ts';
import type { CsvResult } from '../../src-shared/csv/result.ts';
import type { CsvJobMessage, CsvJobRequest } from './job.ts';
import { unpackResult } from '../../src-shared/csv/result.ts';

export interface CsvParse {
  /** Settles once: the result, or an AppError ('cancelled' after cancel(), 'internal' on a crash). */
  result: Promise<CsvResult>;
  /** Stops the worker at once, even in the middle of a synchronous parse. */
  cancel(): void;
}

/** Parses in `worker`, which this call owns and terminates when done or cancelled. */
export function parseInWorker(
  worker: Worker,
  request: CsvJobRequest,
  onProgress?: (fraction: number) => void,
): CsvParse {
  let settle: { ok: (r: CsvResult) => void; fail: (e: AppError) => void } | null = null;
  const result = new Promise<CsvResult>((ok, fail) => (settle = { ok, fail }));
  const finish = (outcome: CsvResult | AppError): void => {
    worker.terminate();
    const s = settle;
    settle = null;
    if (!s) return;
    if (outcome instanceof AppError) s.fail(outcome);
    else s.ok(outcome);
  };
  worker.onmessage = (event: MessageEvent<CsvJobMessage>) => {
    const m = event.data;
    if (m.type === 'progress') {
      if (settle) onProgress?.(m.fraction);
    } else if (m.type === 'result') finish(unpackResult(m.result));
    else finish(new AppError('internal', m.message));
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    finish(new AppError('internal', event.message || 'The CSV reader stopped'));
  };
  worker.postMessage(request);
  return { result, cancel: () => finish(new AppError('cancelled', 'The upload was cancelled')) };
}
