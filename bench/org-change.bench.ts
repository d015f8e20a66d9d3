// One admin change at 10,000 users in the real app (`clm serve` on a
// `clm cloud` in its own process, Chromium on the Organization view). Revoke one product of one
// user: from the click on "Revoke product" to the optimistic row painted (goal <= 50 ms), the
// bridge calls the page makes until the cloud's answer is painted (goal <= 5, none loading the
// whole organization), and the main process's RSS after it all (goal <= 150 MB).
// CLM_BENCH_USERS changes the size (default 10,000).
import type { Page } from 'playwright-core';
import {
  firstChip,
  recordCalls,
  rssMb,
  signInToUserList,
  startBigOrgApp,
  type SeenCall,
} from './org-app.ts';
import { atMost, info, type Bench } from './lib.ts';

const USERS = Number(process.env.CLM_BENCH_USERS ?? 10_000);
/** Deadline for one step of the page (start-up at this size under load), not a wait. */
const STEP_DEADLINE_MS = 180_000;

/** Waits until the page made no bridge call for `quietMs` (bounded by the step deadline). */
async function settled(calls: SeenCall[], quietMs: number): Promise<void> {
  const until = performance.now() + STEP_DEADLINE_MS;
  let seen = -1;
  let since = performance.now();
  while (performance.now() < until) {
    if (calls.length !== seen) {
      seen = calls.length;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the page kept calling the bridge');
}

/** Clicks the open dialog's "Revoke product" and times it to the frame without the chip. */
function clickToOptimisticPaint(page: Page, email: string, chip: string): Promise<number> {
  return page.evaluate(
    ([e, c]) =>
      new Promise<number>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error('no optimistic row')), 60_000);
        const button = [...document.querySelectorAll('dialog[open] button')].find(
          (b) => b.textContent?.trim() === 'Revoke product',
        ) as HTMLButtonElement | undefined;
        if (!button) return reject(new Error('no Revoke product button'));
        const gone = () => {
          const row = document.querySelector(`[role="row"][data-user="${e}"]`);
          return (
            !!row &&
            ![...row.querySelectorAll('button')].some((b) => b.getAttribute('aria-label') === c)
          );
        };
        let t0 = 0;
        const obs = new MutationObserver(() => {
          if (!gone()) return;
          obs.disconnect();
          clearTimeout(deadline);
          requestAnimationFrame(() => {
            const mc = new MessageChannel();
            mc.port1.onmessage = () => resolve(performance.now() - t0);
            mc.port2.postMessage(null);
          });
        });
        obs.observe(document.body, { childList: true, subtree: true, attributes: true });
        t0 = performance.now();
        button.click();
      }),
    [email, chip] as const,
  );
}

const bench: Bench = async () => {
  const org = await startBigOrgApp(USERS);
  try {
    const { page, close } = await signInToUserList(org.browser, org.app, STEP_DEADLINE_MS);
    try {
      // The list is shown; let the loads that sign-in started finish before the change.
      const before = recordCalls(page);
      await settled(before.calls, 1500);
      before.stop();
      const { email, chip } = await firstChip(page);
      await page.getByRole('button', { name: chip, exact: true }).click();
      await page.getByRole('dialog', { name: 'Revoke product' }).waitFor();

      const rec = recordCalls(page);
      const paintMs = await clickToOptimisticPaint(page, email, chip);
      const optimistic = rec.calls.length;
      // The cloud's answer is painted: the row is no longer pending and the product stays gone.
      await page.waitForFunction(
        ([e, c]) => {
          const row = document.querySelector(`[role="row"][data-user="${e}"]`);
          return (
            !!row &&
            !row.querySelector('.pending-badge') &&
            ![...row.querySelectorAll('button')].some((b) => b.getAttribute('aria-label') === c)
          );
        },
        [email, chip] as const,
        { timeout: STEP_DEADLINE_MS },
      );
      const untilAnswer = rec.calls.length;
      await settled(rec.calls, 1500);
      rec.stop();
      const answered = rec.calls.slice(0, untilAnswer);
      const whole = (cs: SeenCall[]) => cs.filter((c) => (c.users ?? 0) > USERS / 2).length;
      if (process.env.CLM_BENCH_LOG)
        process.stderr.write(
          `calls: ${rec.calls.map((c) => `${c.name}${c.users !== undefined ? `(${c.users})` : ''}:${c.ms}ms`).join(' ')}\n`,
        );
      return [
        atMost(
          `org.change_paint_ms: revoke one product of one user, click to optimistic row painted (${USERS} users)`,
          paintMs,
          'ms',
          50,
        ),
        atMost(
          'org.change_bridge_calls: bridge calls from the click until the cloud answer is painted',
          answered.length,
          'calls',
          5,
        ),
        atMost(
          'org.change_whole_org_loads: of those, calls loading the whole organization',
          whole(answered),
          'calls',
          0,
        ),
        info('org.change: bridge calls before the optimistic row was painted', optimistic, 'calls'),
        info('org.change: bridge calls until the page was quiet again', rec.calls.length, 'calls'),
        info('org.change: of those, whole-organization loads', whole(rec.calls), 'calls'),
        atMost(
          `sync.rss_mb: clm serve RSS after sign-in, the user list and one change (${USERS} users)`,
          rssMb(org.app.pid),
          'MB',
          150,
        ),
      ];
    } finally {
      await close();
    }
  } finally {
    await org.stop();
  }
};

export default bench;
