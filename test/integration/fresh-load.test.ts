import { describe, expect, it } from 'vitest';
import { describeImport, runImport, type ImportFiles } from '../../src/import/run-import.js';
import { auditCoverage } from '../../src/store/coverage-audit.js';
import { readLoadMarker } from '../../src/store/load-marker.js';
import { listLocalAuthorities } from '../../src/store/local-authorities.js';
import type { LocalAuthority } from '../../src/domain/local-authority.js';
import { readLocalAuthorityDetails, readLocalAuthorityVersion } from '../../src/store/local-authority-version.js';
import { findSchools } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { findAlliances } from '../../src/store/alliances.js';
import type { Page } from '../../src/store/query-page.js';
import { writeCsv } from '../support/fixtures.js';
import { shippedEstablishments, shippedTeachingSchools } from '../support/shipped-file.js';
import { emptyStore } from '../support/store.js';

/** The shipped registry's North East and Derby schools, and the whole NCTL list (most of whose URNs are elsewhere). */
function shippedSlice(): ImportFiles {
  const establishments = shippedEstablishments().filter(
    (row) => row['GOR (name)'] === 'North East' || row['LA (code)'] === '831',
  );
  const teachingSchools = shippedTeachingSchools();
  return {
    establishments: writeCsv(Object.keys(establishments[0]!), establishments),
    teachingSchools: writeCsv(Object.keys(teachingSchools[0]!), teachingSchools, {
      encoding: 'utf-8',
      name: 'teaching-schools.csv',
    }),
  };
}

/** Every item of a paged list, without its version and time (the fresh load writes version 1 throughout). */
async function all<T extends { version: number; updatedAt?: string }>(
  page: (after: string | undefined) => Promise<Page<T>>,
): Promise<Omit<T, 'version' | 'updatedAt'>[]> {
  const found: Omit<T, 'version' | 'updatedAt'>[] = [];
  for (let after: string | undefined; ; ) {
    const result = await page(after);
    for (const { node } of result.edges) {
      expect(node.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const { version: _version, updatedAt: _updatedAt, ...rest } = node;
      found.push(rest);
    }
    if (!result.hasNextPage) return found;
    after = result.endCursor ?? undefined;
  }
}

async function everything(store: Store) {
  return {
    schools: await all((after) => findSchools(store, {}, { first: 100, after })),
    alliances: await all((after) => findAlliances(store, {}, { first: 100, after })),
    // The transactional import keeps a count that went back to 0; the figures are the same without it.
    authorities: (await listLocalAuthorities(store)).map((authority) => ({
      ...authority,
      counts: Object.fromEntries(Object.entries(authority.counts).filter(([, count]) => count !== 0)),
    })),
  };
}

describe('loading an empty table', () => {
  it('gives the same reports, schools, alliances and coverage as the transactional import', async () => {
    const files = shippedSlice();
    const fresh = await emptyStore();
    const transactional = await emptyStore();

    const freshRun = await runImport(fresh.store, files);
    const transactionalRun = await runImport(transactional.store, files, { fresh: false });

    expect(describeImport(freshRun)).toBe(describeImport(transactionalRun));
    expect(freshRun.totals.schools).toBeGreaterThan(1000);
    expect(freshRun.reports[1]?.alliances?.created).toBeGreaterThan(20);
    const [freshData, transactionalData] = [await everything(fresh.store), await everything(transactional.store)];
    expect(freshData.schools).toEqual(transactionalData.schools);
    expect(freshData.authorities).toEqual(transactionalData.authorities);
    expect(freshData.alliances).toEqual(transactionalData.alliances);
    expect((await auditCoverage(fresh.store)).drift).toEqual([]);
    expect(await readLoadMarker(fresh.store)).toMatchObject({ state: 'COMPLETE' });
    expect(await readLoadMarker(transactional.store)).toBeUndefined();
    expect(await readLocalAuthorityVersion(fresh.store)).toBeGreaterThan(0);
    const detailsOf = ({ code, name, region, rscRegion }: LocalAuthority) => ({ code, name, region, rscRegion });
    const versionItemDetails = (await readLocalAuthorityDetails(fresh.store)).authorities.map(detailsOf);
    expect(versionItemDetails).toEqual(freshData.authorities.map(detailsOf));
    expect((await readLocalAuthorityDetails(transactional.store)).authorities.map(detailsOf)).toEqual(
      versionItemDetails,
    );
  });

  it('takes the transactional import into a table with data, and a second load writes nothing', async () => {
    const files = shippedSlice();
    const { store } = await emptyStore();
    await runImport(store, files);

    const second = await runImport(store, files);

    expect(second.reports.map((report) => report.written)).toEqual([0, 0]);
    expect(second.reports[1]?.alliances?.created).toBe(0);
    expect((await auditCoverage(store)).drift).toEqual([]);
  });
});
