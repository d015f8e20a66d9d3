// The CSV worker's job (read, size check, decode, parse, validate), apart from the worker wiring
// so plain Node can run it in tests.
import { AppError } from '../../src-shared/errors.ts';
import { CSV_KINDS, type CsvKind } from '../../src-shared/csv/formats.ts';
import { decodeCsvBytes } from '../../src-shared/csv/decode.ts';
import { parseCsv, tooLargeResult } from '../../src-shared/csv/parse.ts';
import { MAX_CSV_BYTES } from '../../src-shared/csv/size.ts';
import type { CsvResult } from '../../src-shared/csv/validate.ts';

/** What the page posts: the chosen File (or any Blob), or text already in memory. */
export type CsvJobRequest = { kind: CsvKind; file: Blob } | { kind: CsvKind; text: string };

/** What the worker posts back: progress events, then exactly one result or error. */
export type CsvJobMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: CsvResult }
  | { type: 'error'; message: string };

export async function runCsvJob(
  request: CsvJobRequest,
  post: (message: CsvJobMessage) => void,
): Promise<void> {
  try {
    if (!CSV_KINDS.includes(request.kind)) {
      throw new AppError('bad_request', `Unknown CSV upload "${String(request.kind)}"`);
    }
    const onProgress = (fraction: number): void => post({ type: 'progress', fraction });
    let result: CsvResult;
    if ('file' in request) {
      const bytes = request.file.size;
      // Refused from its size alone: a 2 GB file is never read into memory.
      if (bytes > MAX_CSV_BYTES) result = tooLargeResult(request.kind, bytes);
      else {
        const text = decodeCsvBytes(new Uint8Array(await request.file.arrayBuffer()));
        result = parseCsv(text, request.kind, { byteLength: bytes, onProgress });
      }
    } else {
      result = parseCsv(request.text, request.kind, { onProgress });
    }
    post({ type: 'result', result });
  } catch (err) {
    post({ type: 'error', message: AppError.from(err).message });
  }
}
