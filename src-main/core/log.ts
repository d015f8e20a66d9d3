// The core's log: one line per event to a file in the data folder (and optionally stderr), secrets redacted.
import { isoNow, systemClock, type Clock } from '../../src-shared/clock.ts';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Registers a secret so that it never appears in a log line, whoever writes it. */
  redact(secret: string): void;
}

export interface LoggerOptions {
  /** Appends JSON lines here; none when omitted. */
  file?: string;
  /** Also writes readable lines to this sink (e.g. stderr). */
  echo?: (line: string, level: LogLevel) => void;
  clock?: Clock;
}

const REDACTED = '[redacted]';
// Whatever a caller passes, token-looking fields are never written out.
const SECRET_FIELD = /token|password|secret|authorization|cookie/i;

export function createLogger(opts: LoggerOptions = {}): Logger {
  const secrets = new Set<string>();
  const clock = opts.clock ?? systemClock;
  if (opts.file) mkdirSync(dirname(opts.file), { recursive: true });

  function scrub(text: string): string {
    let out = text;
    for (const s of secrets) if (s) out = out.split(s).join(REDACTED);
    return out;
  }

  function write(level: LogLevel, message: string, fields?: LogFields): void {
    const clean: LogFields = {};
    for (const [k, v] of Object.entries(fields ?? {})) {
      clean[k] = SECRET_FIELD.test(k) ? REDACTED : typeof v === 'string' ? scrub(v) : v;
    }
    const at = isoNow(clock);
    const msg = scrub(message);
    if (opts.file) {
      try {
        appendFileSync(opts.file, JSON.stringify({ at, level, msg, ...clean }) + '\n', {
          mode: 0o600,
        });
      } catch {
        // A full disk must not take the app down with it; the echo still shows the line.
      }
    }
    if (opts.echo) {
      const extra = Object.entries(clean)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      opts.echo(`${at} ${level} ${msg}${extra ? ` ${extra}` : ''}`, level);
    }
  }

  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    redact(secret) {
      if (secret.length >= 8) secrets.add(secret);
    },
  };
}
