// Delivers the mail outbox over SMTP (nodemailer) when the server was given --smtp; otherwise the
// mails stay queued in the outbox next to their notifications.
import type { Transporter } from 'nodemailer';
import { isoNow, type Clock } from '../../src-shared/clock.ts';
import type { OrgStore } from './tables.ts';

const FROM = 'Chaos License Manager <no-reply@clm.invalid>';
const MAX_ATTEMPTS = 5;
const BATCH = 50;

export class Mailer {
  /** Loaded only with --smtp: nodemailer takes ~80 ms to load, which every cloud start paid. */
  private readonly transport: Promise<Transporter> | null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly db: OrgStore,
    smtpUrl: string | null,
    private readonly clock: Clock,
  ) {
    this.transport = smtpUrl
      ? import('nodemailer').then((m) => m.default.createTransport(smtpUrl))
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends what is pending, in the background; calls while sending make it look again after. */
  kick(): void {
    if (!this.transport || this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again && !this.closed) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves when nothing is being sent (tests and shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
    (await this.transport)?.close();
  }

  private async drain(): Promise<void> {
    if (!this.transport) return;
    const transport = await this.transport;
    for (;;) {
      const mails = await this.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .limit(BATCH)
        .execute();
      if (mails.length === 0 || this.closed) return;
      let failures = 0;
      for (const m of mails) {
        // Several cloud nodes drain one outbox: a mail is sent by the node that claims it (the
        // conditional update answers one row to one node only), so no two nodes send it.
        const claimed = await this.db
          .updateTable('mail_outbox')
          .set({ status: 'sending' })
          .where('id', '=', m.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        try {
          await transport.sendMail({
            from: FROM,
            to: m.to_email,
            subject: m.subject,
            text: m.body,
            ...(m.html ? { html: m.html } : {}),
          });
          await this.db
            .updateTable('mail_outbox')
            .set({
              status: 'sent',
              sent_at: isoNow(this.clock),
              attempts: m.attempts + 1,
              last_error: null,
            })
            .where('id', '=', m.id)
            .execute();
        } catch (err) {
          failures++;
          const attempts = m.attempts + 1;
          await this.db
            .updateTable('mail_outbox')
            .set({
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              attempts,
              last_error: (err as Error).message.slice(0, 500),
            })
            .where('id', '=', m.id)
            .execute();
        }
      }
      // The SMTP server is failing: stop here and try again at the next kick.
      if (failures === mails.length) return;
    }
  }
}
