// Collects the notifications of one operation and writes them, with their mails, in its transaction.
import type { Notice } from '../../src-shared/org/notices.ts';
import { newId } from '../ids.ts';
import type { OrgTx } from './tables.ts';

interface Pending {
  accountId: string;
  email: string;
  notice: Notice;
}

const CHUNK = 400;

export class Notes {
  private readonly pending: Pending[] = [];

  add(to: { accountId: string; email: string }, notice: Notice): void {
    this.pending.push({ accountId: to.accountId, email: to.email, notice });
  }

  get size(): number {
    return this.pending.length;
  }

  /** Writes every notification and queues its mail in the outbox; the mailer sends after commit. */
  async flush(tx: OrgTx, now: string): Promise<void> {
    for (let i = 0; i < this.pending.length; i += CHUNK) {
      const part = this.pending.slice(i, i + CHUNK).map((p) => ({ ...p, id: newId('ntf') }));
      await tx
        .insertInto('notifications')
        .values(
          part.map((p) => ({
            id: p.id,
            account_id: p.accountId,
            kind: p.notice.kind,
            text: p.notice.text,
            created_at: now,
            read_at: null,
            link: p.notice.link ?? null,
          })),
        )
        .execute();
      await tx
        .insertInto('mail_outbox')
        .values(
          part.map((p) => ({
            id: newId('mail'),
            notification_id: p.id,
            to_email: p.email,
            subject: p.notice.subject,
            body: p.notice.body,
            html: toHtml(p.notice),
            status: 'pending' as const,
            attempts: 0,
            last_error: null,
            created_at: now,
            sent_at: null,
          })),
        )
        .execute();
    }
    this.pending.length = 0;
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The mail's HTML: its paragraphs, and the link as a button (the invitation's "Respond to invite"). */
function toHtml(n: Notice): string {
  const paragraphs = n.body
    .split('\n\n')
    .filter((p) => !(n.link && n.linkLabel && p === `${n.linkLabel}: ${n.link}`))
    .map((p) => `<p>${escape(p)}</p>`);
  if (n.link && n.linkLabel)
    paragraphs.push(
      `<p><a href="${escape(n.link)}" style="display:inline-block;padding:10px 18px;background:#1f6feb;color:#fff;text-decoration:none;border-radius:4px">${escape(n.linkLabel)}</a></p>`,
    );
  return `<!doctype html><html><body>${paragraphs.join('')}</body></html>`;
}
