// Borrow reminders as in-app notifications (docs/requirements.md §7, issue 13): made on this machine, because a
// borrower is often offline when the reminder is due, so they cannot come from the cloud's feed.
// Kept in <data>/borrow-reminders.json and listed with the account's notifications.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NotificationView } from '../../src-shared/domain/me.ts';

export const BORROW_NOTICE_KIND = 'borrow_expiring';

interface Kept {
  id: string;
  text: string;
  createdAt: string;
  read: boolean;
}

export class BorrowNotices {
  private items: Kept[] = [];
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly changed: () => void,
  ) {
    this.file = join(dataDir, 'borrow-reminders.json');
    try {
      const kept = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      if (Array.isArray(kept)) this.items = kept as Kept[];
    } catch {
      this.items = [];
    }
  }

  private save(): void {
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.items.slice(-100)), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
    this.changed();
  }

  add(n: { id: string; text: string; createdAt: string }): void {
    if (this.items.some((i) => i.id === n.id)) return;
    this.items.push({ ...n, read: false });
    this.save();
  }

  views(): NotificationView[] {
    return this.items.map((i) => ({
      id: i.id,
      kind: BORROW_NOTICE_KIND,
      text: i.text,
      createdAt: i.createdAt,
      read: i.read,
      pending: false,
      action: null,
    }));
  }

  has(id: string): boolean {
    return this.items.some((i) => i.id === id);
  }

  /** Marks these (or every) reminders read; answers how many were unread. */
  markRead(ids?: readonly string[]): number {
    let n = 0;
    for (const i of this.items)
      if (!i.read && (!ids || ids.includes(i.id))) {
        i.read = true;
        n++;
      }
    if (n) this.save();
    return n;
  }
}
