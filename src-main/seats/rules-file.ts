// The operator's rules file on disk (syntax: src-shared/seats/rules.ts): read at start,
// reloaded live when it changes or on SIGHUP. A file that does not parse is refused whole and
// the rules in force stay; the error names the line.
import {
  existsSync,
  readFileSync,
  unwatchFile,
  watchFile,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { AppError } from '../../src-shared/errors.ts';
import { emptyRules, parseRules, type SeatRules } from '../../src-shared/seats/rules.ts';
import type { SeatService } from './service.ts';

export interface RulesFileState {
  path: string;
  /** The last load's error, null when the rules in force are the file's. */
  error: string | null;
}

export class RulesFile {
  private error: string | null = null;
  private watching = false;

  constructor(
    readonly path: string,
    private readonly service: SeatService,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Parses the file (a missing file is no rules); throws AppError naming the line. */
  read(): SeatRules {
    if (!existsSync(this.path)) return emptyRules;
    return parseRules(readFileSync(this.path, 'utf8'));
  }

  /**
   * Puts the file's rules in force and watches it. At start a bad file is an error naming the
   * line, and the seat service is closed, so nothing half-starts.
   */
  start(): this {
    try {
      this.service.setRules(this.read());
    } catch (err) {
      void this.service.close();
      throw err;
    }
    this.watch();
    return this;
  }

  /** Loads the file into the service; on a bad file keeps the rules in force and answers false. */
  reload(): boolean {
    try {
      this.service.setRules(this.read());
      this.error = null;
      return true;
    } catch (err) {
      this.error = AppError.from(err).message;
      this.log(`Rules file ${this.path} refused, the rules in force stay: ${this.error}`);
      return false;
    }
  }

  /** Validates `text` and, only when it parses, writes it and puts it in force. */
  save(text: string): SeatRules {
    const rules = parseRules(text);
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, this.path);
    this.service.setRules(rules);
    this.error = null;
    return rules;
  }

  text(): string {
    return existsSync(this.path) ? readFileSync(this.path, 'utf8') : '';
  }

  state(): RulesFileState {
    return { path: this.path, error: this.error };
  }

  /** Reloads when the file changes (polled: works on every file system, and for editors that replace the file). */
  watch(intervalMs = 1000): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(this.path, { interval: intervalMs, persistent: false }, () => this.reload());
  }

  close(): void {
    if (this.watching) unwatchFile(this.path);
    this.watching = false;
  }
}
