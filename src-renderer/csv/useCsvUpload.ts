// React hook for a CSV upload: parses the chosen file in a worker, with progress, result and cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError } from '../../src-shared/errors.ts';
import type { CsvKind } from '../../src-shared/csv/formats.ts';
import type { CsvResult } from '../../src-shared/csv/result.ts';
import { parseInWorker, type CsvParse } from './client.ts';
import { createCsvWorker } from './createWorker.ts';

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
  /** Parses a File (or text); a running parse is cancelled first. Nothing is sent anywhere. */
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
  const running = useRef<CsvParse | null>(null);

  const stop = useCallback(() => {
    const r = running.current;
    running.current = null;
    r?.cancel();
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (file: File | Blob | string, fileName?: string) => {
      stop();
      const name = fileName ?? (typeof file !== 'string' && 'name' in file ? file.name : null);
      setState({ ...IDLE, status: 'parsing', fileName: name });
      const job = parseInWorker(
        createWorker(),
        typeof file === 'string' ? { kind, text: file } : { kind, file },
        // Progress of a parse already replaced or cancelled is ignored.
        (fraction) => running.current === job && setState((s) => ({ ...s, progress: fraction })),
      );
      running.current = job;
      job.result.then(
        (result) => {
          if (running.current !== job) return;
          running.current = null;
          setState((s) => ({ ...s, status: 'done', progress: 1, result }));
        },
        (err: unknown) => {
          if (running.current !== job) return;
          running.current = null;
          setState((s) => ({ ...s, status: 'failed', error: AppError.from(err).message }));
        },
      );
    },
    [kind, stop, createWorker],
  );

  const cancel = useCallback(() => {
    if (!running.current) return;
    stop();
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, [stop]);

  const reset = useCallback(() => {
    stop();
    setState(IDLE);
  }, [stop]);

  return { ...state, start, cancel, reset };
}
