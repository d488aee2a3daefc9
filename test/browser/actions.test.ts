import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { staffGraphql } from './support-graphql.js';
import { closeTabs, expectAccessible, openAs, screenshot, summaryValue } from './workspace.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(closeTabs);
afterAll(() => browser?.close());

const STAFFORDSHIRE = '/local-authorities/860';

describe('staff act on the registry through GOV.UK forms', () => {
  it("designates an outstanding school and sees its local authority's figures change", async () => {
    const page = await openAs(browser, { role: 'dfe-staff' }, STAFFORDSHIRE);
    await page.locator('#la-figures').waitFor();
    const before = Number(await summaryValue(page, '#la-figures', 'Teaching schools').textContent());
    const untappedBefore = Number(
      await summaryValue(page, '#la-figures', 'Untapped outstanding schools').textContent(),
    );

    await page.locator('#untapped tbody tr a').first().click();
    await page.getByRole('link', { name: 'Designate as a teaching school' }).click();
    await page.locator('#cohort').fill('7');
    await expectAccessible(page);
    await page.locator('#action-form button').click();

    await expect
      .poll(() => page.locator('.govuk-notification-banner').textContent())
      .toContain('is now a teaching school');
    expect(await summaryValue(page, '#school-details', 'Teaching school').textContent()).toContain('Designated');
    await summaryValue(page, '#school-details', 'Local authority').locator('a').click();
    await page.locator('#la-figures').waitFor();
    expect(Number(await summaryValue(page, '#la-figures', 'Teaching schools').textContent())).toBe(before + 1);
    expect(Number(await summaryValue(page, '#la-figures', 'Untapped outstanding schools').textContent())).toBe(
      untappedBefore - 1,
    );
  });

  it("shows the registry's refusal in an error summary when the school is not outstanding", async () => {
    const { schools } = await staffGraphql<{ schools: { edges: { node: { urn: string } }[] } }>(
      `{ schools(filter: { localAuthority: "860", ofstedRating: GOOD,
        isTeachingSchool: false }, first: 1) { edges { node { urn } } } }`,
    );
    const urn = schools.edges[0]?.node.urn;
    const page = await openAs(browser, { role: 'dfe-staff' }, `/schools/${urn}/designate`);
    await page.locator('#action-form').waitFor();

    await page.locator('#action-form button').click();

    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/outstanding/i);
    await expectAccessible(page);
    await screenshot(page, 'designate-error');
  });

  it('explains a version conflict when someone changed the school since the form was opened', async () => {
    const { untappedOutstandingSchools } = await staffGraphql<{
      untappedOutstandingSchools: { edges: { node: { urn: string } }[] };
    }>('{ untappedOutstandingSchools(filter: { localAuthority: "860" }, first: 5) { edges { node { urn } } } }');
    const urn = untappedOutstandingSchools.edges[3]?.node.urn;
    const page = await openAs(browser, { role: 'dfe-staff' }, `/schools/${urn}/designate`);
    await page.locator('#action-form').waitFor();

    await staffGraphql(
      `mutation ($urn: String!, $on: Date!) { recordOfstedInspection(input: { urn:
        $urn, rating: OUTSTANDING, inspectedOn: $on }) { userErrors { message } } }`,
      {
        urn,
        on: new Date().toISOString().slice(0, 10),
      },
    );
    await page.locator('#action-form button').click();

    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Someone changed this school since you opened this page');
    await page.locator('#action-form button').click();
    await expect
      .poll(() => page.locator('.govuk-notification-banner').textContent())
      .toContain('is now a teaching school');
  });

  it('opens and concludes a designation review, with notes for staff', async () => {
    const page = await openAs(browser, { role: 'dfe-staff' }, STAFFORDSHIRE);
    await page.locator('#teaching-schools tbody tr a').nth(1).click();
    await page.getByRole('link', { name: 'Open a designation review' }).click();

    await page.getByLabel('Peer review').check();
    await page.locator('#dueBy').fill('30');
    await page.locator('#dueBy-month').fill('6');
    await page.locator('#dueBy-year').fill('2027');
    await page.locator('#notes').fill('Peer review raised questions about ITT places.');
    await page.locator('#action-form button').click();
    await expect
      .poll(() => page.locator('.govuk-notification-banner').textContent())
      .toContain('Designation review opened');
    expect(await page.locator('#reviews tbody').textContent()).toContain('Peer review raised questions');

    await page.getByRole('link', { name: 'Conclude the open review' }).click();
    await page.getByLabel('Retained').check();
    await page.locator('#action-form button').click();

    await expect
      .poll(() => page.locator('.govuk-notification-banner').textContent())
      .toContain('Review concluded: retained');
    expect(await summaryValue(page, '#school-details', 'Teaching school').textContent()).toContain('Designated');
  });

  it('shows a partner no action and no review notes, and refuses the action pages', async () => {
    const page = await openAs(browser, { role: 'partner' }, STAFFORDSHIRE);
    await page.locator('#teaching-schools tbody tr a').nth(1).click();
    await page.locator('#school-details').waitFor();

    expect(await page.locator('#actions').textContent()).not.toContain('Designate');
    expect(await page.locator('#actions a').count()).toBe(0);
    expect(await page.locator('#reviews thead').textContent()).not.toContain('Notes');
    expect(await page.locator('main').textContent()).not.toContain('Peer review raised questions');
    await page.goto(`${page.url()}/ofsted-inspection`);
    expect(await page.locator('h1').textContent()).toBe('You cannot change this school');
  });

  it('gives a TSC staff member actions only inside their regions', async () => {
    const page = await openAs(browser, { role: 'tsc-staff', region: 'NORTH_WEST' }, STAFFORDSHIRE);
    await page.locator('#untapped tbody tr a').first().click();
    await page.locator('#school-details').waitFor();

    expect(await page.locator('#actions a').count()).toBe(0);
    expect(await page.locator('#actions').textContent()).toContain('You can change schools in your regions only');

    await page.goto(`${page.url().replace(/\/schools\/.*/, '')}/local-authorities/888`);
    await page.locator('#untapped tbody tr a').first().click();
    await page.locator('#school-details').waitFor();
    expect(await page.getByRole('link', { name: 'Designate as a teaching school' }).count()).toBe(1);
  });
});
