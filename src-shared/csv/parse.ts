// Parses and validates an upload with papaparse in chunks, reporting progress between chunks.
import Papa from 'papaparse';
import { type CsvKind } from './formats.ts';
import { detectSeparator } from './header.ts';
import * as msg from './messages.ts';
import { MAX_CSV_BYTES, oversizeBytes } from './size.ts';
import { unpackResult, type CsvResult, type PackedCsvResult } from './result.ts';
import { RowValidator } from './validate.ts';

export interface ParseCsvOptions {
  /** Called with the fraction of the text parsed (0..1], about 20 times, last with 1. */
  onProgress?: (fraction: number) => void;
  /** The file's size in bytes when the caller has it (a File); otherwise the text is measured. */
  byteLength?: number;
}

interface Chunking {
  chunkSize: number;
  chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser): void;
}

const PROGRESS_STEPS = 20;
const MIN_CHUNK_CHARS = 16 * 1024;

/**
 * Parses an upload's text (a UTF-8 BOM, `,` or `;`, quoted fields, blank lines and CRLF or LF all
 * accepted) and checks every row. Pure: nothing is sent anywhere.
 */
export function parseCsv(input: string, kind: CsvKind, options: ParseCsvOptions = {}): CsvResult {
  return unpackResult(parseCsvPacked(input, kind, options));
}

/**
 * parseCsv with the accepted rows in columns, as the worker posts them. A `byteLength` over the
 * limit refuses the file from its size alone, so a caller can pass '' and never read it.
 */
export function parseCsvPacked(
  input: string,
  kind: CsvKind,
  options: ParseCsvOptions = {},
): PackedCsvResult {
  const size = options.byteLength ?? oversizeBytes(input) ?? 0;
  if (size > MAX_CSV_BYTES) {
    options.onProgress?.(1);
    const reason = msg.tooLarge(size, MAX_CSV_BYTES);
    const errors = [{ line: 0, reason, raw: '' }];
    const none = { lines: new Int32Array(0), emails: [], roles: null };
    return { kind, total: 0, fatal: true, errors, ...none };
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = detectSeparator(text);
  const validator = new RowValidator(kind, sep, text.includes('"'));
  let done = 0;
  if (text.length > 0) {
    // papaparse streams a string in chunks too; its typings only admit `chunk` for files.
    const config: Papa.ParseConfig<string[]> & Chunking = {
      delimiter: sep,
      quoteChar: '"',
      header: false,
      skipEmptyLines: false,
      // papaparse's split-based "fast mode" (taken when a chunk has no quote) measured slower here.
      fastMode: false,
      chunkSize: Math.max(MIN_CHUNK_CHARS, Math.ceil(text.length / PROGRESS_STEPS)),
      chunk: (res, parser) => {
        if (!validator.chunk(res.data, res.errors)) parser.abort();
        done = Math.min(1, res.meta.cursor / text.length);
        options.onProgress?.(done);
      },
    };
    Papa.parse<string[]>(text, config);
  }
  if (done < 1) options.onProgress?.(1);
  return validator.finish();
}
