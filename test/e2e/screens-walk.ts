// Walks every screen of the demo as one account: the menus, each tab, and the dialogs a person
// meets first (the invitation prompt). Used by the plain-language and accessibility tests of
// issue 18 (docs/interface.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The hash of every screen; tabs a screen shows beyond these are found and visited too. */
export const SCREENS = [
  '#/organization/users',
  '#/organization/activity',
  '#/products',
  '#/products/credits',
  '#/products/render',
  '#/licensing/licenses',
  '#/licensing/server',
  '#/billing',
  '#/learning',
  '#/account',
  '#/support',
];

/** Shapes of schema-validation text, which must never reach a person (issue 18). */
export const SCHEMA_TEXT = /must match pattern|must not have fewer|Invalid input for/;

/** Visible text of the page (what a person reads), including open dialogs. */
export const visibleText = (page: Page): Promise<string> => page.locator('body').innerText();

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (its source injected as a script, allowed by CDP's bypass of the
 * page's CSP in the test's context) and answers the serious and critical violations.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => 'axe' in window);
  if (!has) await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

interface AxeApi {
  run: (
    ctx: Document,
    opts: unknown,
  ) => Promise<{
    violations: {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  }>;
}

/** The screens of the sidebar this account can open, as hashes. */
export async function screensOf(page: Page): Promise<string[]> {
  const links = await page
    .locator('nav[aria-label="Main menu"] a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const menus = new Set(links.map((h) => h.split('/')[1]));
  return SCREENS.filter((s) => menus.has(s.split('/')[1]));
}

/** Opens a screen by its address and waits for its heading. */
export async function openScreen(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.locator('main h1').first().waitFor();
  // Views load from the replica: wait until no loading indicator is left.
  await page
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}
