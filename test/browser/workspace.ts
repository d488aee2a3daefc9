import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject, type TestContext } from 'vitest';

/** Where the README's screenshots live; the browser tests retake them when run with SCREENSHOTS=1. */
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

export const workspaceUrl = () => inject('workspaceUrl');

export interface SignIn {
  role: 'dfe-staff' | 'tsc-staff' | 'partner';
  region?: string;
}

const contexts: BrowserContext[] = [];

/**
 * Closes the tabs `openAs` opened (after each test, so pages do not compete for the CPU). After a test that failed,
 * it first prints where each tab was and what it showed: an error page, or a page still loading.
 */
export async function closeTabs(test: TestContext): Promise<void> {
  const open = contexts.splice(0);
  if (test.task.result?.state === 'fail') {
    for (const page of open.flatMap((context) => context.pages())) {
      const main = await page
        .locator('#main-content')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      const shown = (main ?? '(no page)').replace(/\s+/g, ' ').trim().slice(0, 2000);
      console.error(`After "${test.task.name}" failed, a tab at ${page.url()} showed: ${shown}`);
    }
  }
  await Promise.all(open.map((context) => context.close()));
}

/** A new tab (in a context of its own) signed in through the development sign-in link, on `path`. */
export async function openAs(browser: Browser, who: SignIn, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  contexts.push(context);
  const region = who.region ? `&region=${encodeURIComponent(who.region)}` : '';
  await page.goto(`${workspaceUrl()}/dev/sign-in?role=${who.role}${region}&next=${encodeURIComponent(path)}`);
  return page;
}

/** Axe's WCAG 2.2 AA checks: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    ),
  ).toEqual([]);
}

/** Retakes the README's screenshot `name` when asked (SCREENSHOTS=1), so a plain test run changes no file. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

/** The value of a GOV.UK summary list row, by its key. */
export function summaryValue(page: Page, list: string, key: string) {
  return page
    .locator(`${list} .govuk-summary-list__row`)
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) })
    .locator('dd');
}
