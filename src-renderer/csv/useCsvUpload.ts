// React hook for a CSV upload: parses the chosen file in a worker, with progress, result and cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CsvKind } from '../../src-shared/csv/formats.ts';
import type { CsvResult } from '../../src-shared/csv/validate.ts';
import { createCsvWorker } from './createWorker.ts';
import type { CsvJobMessage, CsvJobRequest } from './job.ts';

export type CsvUploadStatus = 'idle' | 'parsing' | 'done' | 'failed' | 'cancelled';

export interface CsvUploadState {
  status: CsvUploadStatus;
  /** The chosen file's name, for the review screen. */
  fileName: string | null;
  /** 0..1 while parsing; 1 when done. */
  progress: number;
  /** Rows and per-row errors once parsed; `result.fatal` means the file as a whole was refused. */
  result: CsvResult | null;
  /** The worker itself failed (not a CSV problem: those are in `result.errors`). */
  error: string | null;
}

export interface CsvUpload extends CsvUploadState {
  /** Parses a File (or its text); a running parse is cancelled first. Nothing is sent anywhere. */
  start(file: File | Blob | string, fileName?: string): void;
  cancel(): void;
  reset(): void;
}

const IDLE: CsvUploadState = {
  status: 'idle',
  fileName: null,
  progress: 0,
  result: null,
  error: null,
};

export function useCsvUpload(kind: CsvKind, createWorker = createCsvWorker): CsvUpload {
  const [state, setState] = useState<CsvUploadState>(IDLE);
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (file: File | Blob | string, fileName?: string) => {
      stop();
      const w = createWorker();
      worker.current = w;
      const name = fileName ?? (typeof file !== 'string' && 'name' in file ? file.name : null);
      setState({ ...IDLE, status: 'parsing', fileName: name });
      // Messages from a worker already replaced or cancelled are ignored.
      const current = (): boolean => worker.current === w;
      w.onmessage = (event: MessageEvent<CsvJobMessage>) => {
        if (!current()) return;
        const m = event.data;
        if (m.type === 'progress') {
          setState((s) => ({ ...s, progress: m.fraction }));
          return;
        }
        stop();
        if (m.type === 'result')
          setState((s) => ({ ...s, status: 'done', progress: 1, result: m.result }));
        else setState((s) => ({ ...s, status: 'failed', error: m.message }));
      };
      w.onerror = (event: ErrorEvent) => {
        if (!current()) return;
        stop();
        setState((s) => ({
          ...s,
          status: 'failed',
          error: event.message || 'The CSV reader stopped',
        }));
      };
      const request: CsvJobRequest =
        typeof file === 'string' ? { kind, text: file } : { kind, file };
      w.postMessage(request);
    },
    [kind, stop, createWorker],
  );

  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, [stop]);

  const reset = useCallback(() => {
    stop();
    setState(IDLE);
  }, [stop]);

  return { ...state, start, cancel, reset };
}
