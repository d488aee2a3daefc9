import { Readable } from 'node:stream';
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

const STAFF = { role: 'dfe-staff' } as const;

describe('the staff workspace shows the shipped registry', () => {
  it("shows England's map and national figures", async () => {
    const page = await openAs(browser, STAFF, '/');

    await expect
      .poll(() => summaryValue(page, '#national-figures', 'Open schools').textContent(), { timeout: 10_000 })
      .toBe('24,953');

    const { nationalCoverage } = await staffGraphql<{ nationalCoverage: { teachingSchools: number } }>(
      '{ nationalCoverage { teachingSchools } }',
    );
    expect(await summaryValue(page, '#national-figures', 'Teaching schools').textContent()).toBe(
      nationalCoverage.teachingSchools.toLocaleString('en-GB'),
    );
    expect(nationalCoverage.teachingSchools).toBeGreaterThanOrEqual(799);
    expect(await page.locator('#local-authorities tbody tr').count()).toBe(152);
    await page.locator('#england-map[data-drawn]').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'map');
  });

  it("downloads coverage.csv with the viewer's token: a header and a row per local authority", async () => {
    const page = await openAs(browser, STAFF, '/');
    const link = page.getByRole('link', { name: 'Download coverage.csv (CSV)' });
    await link.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);

    const text = await new Response(Readable.toWeb(await download.createReadStream()) as ReadableStream).text();
    const [header, ...rows] = text.trimEnd().split('\r\n');
    expect(download.suggestedFilename()).toMatch(/^coverage-\d{4}-\d\d-\d\d\.csv$/);
    expect(header).toMatch(/^LA \(code\),LA \(name\),GOR \(name\),/);
    expect(rows).toHaveLength(await page.locator('#local-authorities tbody tr').count());
    expect(rows).toHaveLength(152);
  });

  it('ships no more than 300 KiB of compressed JavaScript for the first page', async () => {
    const page = await openAs(browser, STAFF, '/');
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(response.headerValue('content-length').then(Number));
    });
    await page.reload();

    await page.locator('#england-map[data-drawn]').waitFor();
    const bytes = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('opens a local authority when its area of the map is clicked', async () => {
    const page = await openAs(browser, STAFF, '/');
    const map = page.locator('#england-map[data-drawn]');
    await map.waitFor();

    const box = await map.boundingBox();
    await map.click({ position: { x: (box?.width ?? 0) * 0.62, y: (box?.height ?? 0) * 0.78 } });

    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/local-authorities\/\d{3}$/);
    await page.locator('#la-figures').waitFor();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  });

  it('lists the Isle of Wight and the Isles of Scilly among local authorities with no teaching school', async () => {
    const page = await openAs(browser, STAFF, '/gaps');

    const table = page.locator('#gaps');
    await table.waitFor();

    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.some((row) => row.includes('Isle of Wight') && row.includes('No teaching school'))).toBe(true);
    expect(rows.some((row) => /Isles Of Scilly/i.test(row) && row.includes('No teaching school'))).toBe(true);
    expect(await page.locator('#minDensity').inputValue()).toMatch(/^3\.\d\d$/);
    await expectAccessible(page);
    await screenshot(page, 'gaps');
  });

  it('shows every low-density local authority below the threshold the user gives, with a total', async () => {
    const page = await openAs(
      browser,
      STAFF,
      '/gaps?shown=1&kind=LOW_DENSITY&phase=PRIMARY&phase=SECONDARY&minDensity=2',
    );

    await page.locator('#gaps').waitFor();

    expect(await page.locator('#gap-total').textContent()).toMatch(/^\d+ local authorities have the gaps asked about/);
    const densities = await page.locator('#gaps tbody tr td:nth-child(5)').allTextContents();
    expect(densities.length).toBeGreaterThan(0);
    expect(densities.every((density) => Number(density) < 2)).toBe(true);
  });

  it('shows Northumberland among local authorities where many schools are far from a teaching school', async () => {
    const page = await openAs(browser, STAFF, '/gaps');
    await page.locator('#gaps').waitFor();

    await page.getByLabel('Many schools far from a teaching school').check();
    await page.getByLabel('No teaching school', { exact: true }).uncheck();
    await page.getByLabel('No teaching school no outstanding').uncheck();
    await page.getByRole('button', { name: 'Show gaps' }).click();

    await expect.poll(() => new URL(page.url()).searchParams.getAll('kind')).toEqual(['REMOTE']);
    const row = page.locator('#gaps tbody tr').filter({ hasText: 'Northumberland' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Many schools far from a teaching school');
    expect(await row.textContent()).toMatch(/\d+% of schools 20 km or more\s+from a teaching school/);
    await expectAccessible(page);
  });

  it("shows a local authority's figures by phase, teaching schools and candidates to designate", async () => {
    const page = await openAs(browser, STAFF, '/local-authorities/860');

    await page.locator('#la-figures').waitFor();

    expect(await page.locator('h1').textContent()).toBe('Staffordshire');
    expect(Number(await summaryValue(page, '#la-figures', 'Open schools').textContent())).toBeGreaterThan(400);
    expect(await page.locator('#by-phase tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('#teaching-schools tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#untapped tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'local-authority');
  });

  it("shows how far Northumberland's schools are from a teaching school, and the farthest of them", async () => {
    const page = await openAs(browser, STAFF, '/local-authorities/929');

    await page.locator('#la-reach').waitFor();

    const farthest = await summaryValue(page, '#la-reach', 'Farthest distance').textContent();
    expect(farthest).toMatch(/^\d+\.\d km$/);
    expect(Number.parseFloat(farthest ?? '')).toBeGreaterThan(40);
    expect(await summaryValue(page, '#la-reach', 'Median distance').textContent()).toMatch(/^\d+\.\d km$/);
    const bands = await page.locator('#reach-bands tbody tr').allTextContents();
    expect(bands).toHaveLength(5);
    expect(bands.at(-1)).toMatch(/40 km and over\s*[1-9]/);
    const remote = page.locator('#remote-schools tbody tr');
    expect(await remote.count()).toBe(10);
    expect(await remote.first().locator('a').count()).toBe(2);
    expect(await remote.first().locator('td').last().textContent()).toBe(farthest);
    await expectAccessible(page);
  });

  it("shows a school's nearest teaching school and nearest of its phase, with the distances", async () => {
    const page = await openAs(browser, STAFF, '/schools/100000');

    await page.locator('#school-details').waitFor();

    const { school } = await staffGraphql<{ school: { nearestTeachingSchool: { school: { name: string } } } }>(
      '{ school(urn: "100000") { nearestTeachingSchool { school { name } } } }',
    );
    const nearest = summaryValue(page, '#school-details', 'Nearest teaching school');
    expect(await nearest.locator('a').textContent()).toBe(school.nearestTeachingSchool.school.name);
    expect(await nearest.textContent()).toMatch(/, \d+\.\d km away$/);
    const ofPhase = summaryValue(page, '#school-details', 'Nearest of its phase');
    expect(await ofPhase.locator('a').count()).toBe(1);
    expect(await ofPhase.textContent()).toMatch(/, \d+\.\d km away$/);
    await expectAccessible(page);
  });

  it('shows a teaching school (designation, alliance, nearest teaching schools) and its alliance', async () => {
    const page = await openAs(browser, STAFF, '/local-authorities/860');
    const leadingAnAlliance = page
      .locator('#teaching-schools tbody tr')
      .filter({ has: page.locator('a[href^="/alliances/"]') });
    await leadingAnAlliance.first().locator('a').first().click();

    await page.locator('#school-details').waitFor();

    expect(await summaryValue(page, '#school-details', 'Teaching school').textContent()).toContain('Designated');
    expect(await page.locator('#nearest tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'school');
    await summaryValue(page, '#school-details', 'Leads alliance').locator('a').click();
    await page.locator('#leads').waitFor();
    expect(await page.locator('#leads tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#delivery-areas tbody tr').count()).toBe(3);
    await expectAccessible(page);
  });

  it('finds a school by name from the search box in the header', async () => {
    const page = await openAs(browser, STAFF, '/gaps');
    await page.locator('#gaps').waitFor();

    await page.locator('#search-query').fill('aldgate');
    await page.locator('#search-query').press('Enter');

    const results = page.locator('#search-results');
    await results.waitFor();
    expect(await results.locator('tbody tr').first().textContent()).toContain('The Aldgate School');
    await expectAccessible(page);
    await results.locator('tbody tr a').first().click();
    await page.locator('#school-details').waitFor();
    expect(await page.locator('h1').textContent()).toBe('The Aldgate School');
  });

  it('finds a school by its URN from the search box in the header', async () => {
    const page = await openAs(browser, STAFF, '/gaps');
    await page.locator('#gaps').waitFor();

    await page.locator('#search-query').fill('100000');
    await page.locator('#search-query').press('Enter');

    await page.locator('#school-details').waitFor();
    expect(await page.locator('.govuk-caption-l').textContent()).toBe('URN 100000');
  });
});
