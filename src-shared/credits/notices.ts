// The notices of the credit ledger and the render farm (issue 19): a job ended or was refused for
// credits (to its user), and the pool fell below the administrator's threshold.
import type { Notice } from '../org/notices.ts';
import { formatCredits } from './format.ts';

export const RENDER_LINK = 'clm://render';
export const CREDITS_LINK = 'clm://organization/credits';

// Mails have no reader's locale, so they use the portal's own point (docs/sources.md, Portal guide
// §XXVIII).
const c = (v: number) => formatCredits(v, 'en-US');

export function renderEnded(p: {
  scene: string;
  status: 'done' | 'cancelled';
  cost: number;
}): Notice {
  const text =
    p.status === 'done'
      ? `Your render of ${p.scene} finished; it cost ${c(p.cost)} credits.`
      : `Your render of ${p.scene} was cancelled; it was charged ${c(p.cost)} credits for what it used.`;
  return {
    kind: 'render_ended',
    text,
    subject: p.status === 'done' ? 'Your render finished' : 'Your render was cancelled',
    body: text,
    link: RENDER_LINK,
  };
}

export function renderRefused(p: { scene: string; reason: string }): Notice {
  const text = `Your render of ${p.scene} did not start: ${p.reason}`;
  return {
    kind: 'render_refused',
    text,
    subject: 'Your render did not start',
    body: text,
    link: RENDER_LINK,
  };
}

export function creditsLow(p: {
  organization: string;
  balance: number;
  threshold: number;
}): Notice {
  const text = `The cloud credits of ${p.organization} fell to ${c(p.balance)}, below your threshold of ${c(p.threshold)}.`;
  return {
    kind: 'credits_low',
    text,
    subject: 'Cloud credits are running low',
    body: text,
    link: CREDITS_LINK,
  };
}
