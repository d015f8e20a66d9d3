// Failed changes outlive sign-out (issue 18, docs/interface.md): the replica is deleted when the
// user signs out (docs/requirements.md §2), so its failed outbox rows are kept here, per account, in one small
// JSON file of the data folder, and put back into the replica when that account signs in again.
// They stay until the user dismisses them.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboxEntry } from '../store/org-store.ts';

export interface KeptFailure {
  name: string;
  args: unknown;
  description: string;
  createdAt: string;
  code: string;
  message: string;
  answeredAt: string;
}

type Kept = Record<string, KeptFailure[]>;

export class FailedKeep {
  readonly #file: string;

  constructor(dataDir: string) {
    this.#file = join(dataDir, 'failed-changes.json');
  }

  #read(): Kept {
    if (!existsSync(this.#file)) return {};
    try {
      const v = JSON.parse(readFileSync(this.#file, 'utf8')) as unknown;
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Kept) : {};
    } catch {
      return {}; // A damaged file loses only what it kept, never the sign-in.
    }
  }

  #write(kept: Kept): void {
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, JSON.stringify(kept), { mode: 0o600 });
    renameSync(tmp, this.#file);
  }

  /** Keeps the account's failed changes (added to what was kept before). */
  keep(accountId: string, failed: OutboxEntry[]): void {
    if (!failed.length) return;
    const kept = this.#read();
    kept[accountId] = [
      ...(kept[accountId] ?? []),
      ...failed.map((f) => ({
        name: f.name,
        args: f.args,
        description: f.description,
        createdAt: f.createdAt,
        code: f.code ?? 'rejected',
        message: f.message ?? '',
        answeredAt: f.answeredAt ?? f.createdAt,
      })),
    ];
    this.#write(kept);
  }

  /** Hands back (and forgets) what was kept for the account. */
  take(accountId: string): KeptFailure[] {
    const kept = this.#read();
    const mine = kept[accountId] ?? [];
    if (!mine.length) return [];
    delete kept[accountId];
    this.#write(kept);
    return mine;
  }
}
