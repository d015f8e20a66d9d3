// The CSV worker's job (size check, read, decode, parse, validate), apart from the worker wiring
// so plain Node can run it in tests.
import { AppError } from '../../src-shared/errors.ts';
import { CSV_KINDS, type CsvKind } from '../../src-shared/csv/formats.ts';
import { decodeCsvBytes } from '../../src-shared/csv/decode.ts';
import { parseCsvPacked } from '../../src-shared/csv/parse.ts';
import { transferables, type PackedCsvResult } from '../../src-shared/csv/result.ts';
import { MAX_CSV_BYTES } from '../../src-shared/csv/size.ts';

/** What the page posts: the chosen File (or any Blob), or text already in memory. */
export type CsvJobRequest = { kind: CsvKind; file: Blob } | { kind: CsvKind; text: string };

/** What the worker posts back: progress events, then exactly one result or error. */
export type CsvJobMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: PackedCsvResult }
  | { type: 'error'; message: string };

/** Posts a message, moving the listed buffers instead of copying them. */
export type PostCsvMessage = (message: CsvJobMessage, transfer?: ArrayBuffer[]) => void;

export async function runCsvJob(request: CsvJobRequest, post: PostCsvMessage): Promise<void> {
  try {
    if (!CSV_KINDS.includes(request.kind)) {
      throw new AppError('bad_request', `Unknown CSV upload "${String(request.kind)}"`);
    }
    const onProgress = (fraction: number): void => post({ type: 'progress', fraction });
    let result: PackedCsvResult;
    if ('file' in request) {
      const byteLength = request.file.size;
      // A file over the limit is refused from its size alone: a 2 GB file is never read.
      const text =
        byteLength > MAX_CSV_BYTES
          ? ''
          : decodeCsvBytes(new Uint8Array(await request.file.arrayBuffer()));
      result = parseCsvPacked(text, request.kind, { byteLength, onProgress });
    } else {
      result = parseCsvPacked(request.text, request.kind, { onProgress });
    }
    post({ type: 'result', result }, transferables(result));
  } catch (err) {
    post({ type: 'error', message: AppError.from(err).message });
  }
}
